import type { Executor } from '../../db/database.js';
import type { OneTimeTokenPurpose } from '../../db/schema.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';

export interface OneTimeToken {
  id: number;
  purpose: OneTimeTokenPurpose;
  userId: number | null;
  data: unknown;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export type TokenLookup =
  | { state: 'valid'; token: OneTimeToken }
  | { state: 'expired' | 'used'; token: OneTimeToken }
  | { state: 'unknown' };

function parseData(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * Issues a single-use token and returns its value, which only the e-mail will ever hold: the
 * database keeps the SHA-256, so a copy of the table does not open anyone's account.
 */
export async function issueOneTimeToken(
  db: Executor,
  values: { purpose: OneTimeTokenPurpose; userId: number; data?: unknown; validMinutes: number },
  now: Date,
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: sha256Hex(token),
      purpose: values.purpose,
      user_id: values.userId,
      data: values.data === undefined ? null : JSON.stringify(values.data),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + values.validMinutes * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** What a token from a link is: valid, spent, out of date, or nothing we issued for this purpose. */
export async function lookUpOneTimeToken(db: Executor, purpose: OneTimeTokenPurpose, token: string, now: Date): Promise<TokenLookup> {
  if (token.length < 20 || token.length > 100) return { state: 'unknown' };
  const row = await db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { state: 'unknown' };
  const found: OneTimeToken = {
    id: row.id,
    purpose: row.purpose,
    userId: row.user_id,
    data: parseData(row.data),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
  if (row.used_at !== null) return { state: 'used', token: found };
  if (Date.parse(row.expires_at) <= now.getTime()) return { state: 'expired', token: found };
  return { state: 'valid', token: found };
}

/**
 * Marks a token used; false when it was used (or withdrawn) in the meantime, so that two requests
 * racing with the same link cannot both succeed.
 */
export async function consumeOneTimeToken(db: Executor, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Withdraws every unused token of a user for a purpose (a newer one replaces them). */
export async function withdrawOneTimeTokens(db: Executor, userId: number, purpose: OneTimeTokenPurpose, now: Date): Promise<number> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many tokens of a purpose a user was given since a moment (for rate limits). */
export async function countTokensIssuedSince(db: Executor, userId: number, purpose: OneTimeTokenPurpose, since: Date): Promise<number> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
