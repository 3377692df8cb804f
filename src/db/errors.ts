/**
 * True when a statement broke a unique index, on either database: PostgreSQL's SQLSTATE 23505, or
 * SQLite's SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY. Services check for duplicates
 * first; this catches the race where two people save the same value at the same moment.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
