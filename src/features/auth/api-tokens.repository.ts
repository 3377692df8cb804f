import type { Executor } from '../../db/database.js';
import type { ApiTokenRow } from '../../db/schema.js';

export function findApiTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markApiTokenUsed(db: Executor, id: number, at: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
}
