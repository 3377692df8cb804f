import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ApiTokenRow, ApiTokenTable } from '../../db/schema.js';

export interface ApiTokenListItem extends ApiTokenRow {
  ownerName: string;
  ownerEmail: string;
}

export async function insertApiToken(db: Executor, values: Insertable<ApiTokenTable>): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findApiTokenById(db: Executor, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every token, newest first, with whose rights it carries. */
export async function listApiTokens(db: Executor): Promise<ApiTokenListItem[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows;
}

/** Revokes a live token; false when it was revoked already (or never existed). */
export async function revokeApiToken(db: Executor, id: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
