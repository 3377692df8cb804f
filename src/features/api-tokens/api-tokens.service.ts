import type { Db } from '../../db/database.js';
import type { ApiTokenRow } from '../../db/schema.js';
import { apiScopes, type ApiScope } from '../../policies/principal.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findUserByEmail } from '../auth/users.repository.js';
import { findApiTokenById, insertApiToken, revokeApiToken } from './api-tokens.repository.js';

export const TOKEN_PREFIX = 's3e_';
export const MAX_TOKEN_DAYS = 365;
export const MAX_TOKEN_NAME = 100;
/** How much of a token lists show: enough to tell tokens apart, far too little to use one. */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export interface NewApiToken {
  name: string;
  ownerEmail: string;
  scopes: readonly string[];
  /** As typed: a whole number of days from 1 to 365. */
  days: string | number;
}

export type TokenProblem =
  | { field: 'name'; problem: 'required' | 'too-long' }
  | { field: 'owner'; problem: 'required' | 'unknown' }
  | { field: 'scopes'; problem: 'required' | 'unknown' }
  | { field: 'days'; problem: 'invalid' };

export type CreateTokenResult = { ok: true; token: string; row: ApiTokenRow } | { ok: false; problems: TokenProblem[] };

const isScope = (s: string): s is ApiScope => (apiScopes as readonly string[]).includes(s);

/**
 * Makes a token that acts for its owner, narrowed to its scopes. The token itself is returned once,
 * to be shown once; the database keeps only its SHA-256 and a short prefix to recognise it by.
 */
export async function createApiToken(db: Db, actor: Actor, input: NewApiToken, now: Date): Promise<CreateTokenResult> {
  const problems: TokenProblem[] = [];
  const name = input.name.trim();
  if (name === '') problems.push({ field: 'name', problem: 'required' });
  else if (name.length > MAX_TOKEN_NAME) problems.push({ field: 'name', problem: 'too-long' });
  const ownerEmail = input.ownerEmail.trim();
  const owner = ownerEmail === '' ? undefined : await findUserByEmail(db, ownerEmail);
  if (ownerEmail === '') problems.push({ field: 'owner', problem: 'required' });
  else if (!owner || owner.status !== 'active') problems.push({ field: 'owner', problem: 'unknown' });
  const scopes = [...new Set(input.scopes.map((s) => s.trim()).filter((s) => s !== ''))];
  if (scopes.length === 0) problems.push({ field: 'scopes', problem: 'required' });
  else if (!scopes.every(isScope)) problems.push({ field: 'scopes', problem: 'unknown' });
  const days = typeof input.days === 'number' ? input.days : /^\s*\d{1,3}\s*$/.test(input.days) ? Number(input.days) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) problems.push({ field: 'days', problem: 'invalid' });
  if (problems.length > 0 || !owner) return { ok: false, problems };

  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const ordered = apiScopes.filter((s) => scopes.includes(s));
  const row = await db.transaction().execute(async (trx) => {
    const row = await insertApiToken(trx, {
      user_id: owner.id,
      name,
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      token_hash: sha256Hex(token),
      scopes: JSON.stringify(ordered),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + days * 86_400_000).toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    await appendAudit(
      trx,
      actor,
      {
        action: 'api-token.created',
        entityType: 'api-token',
        entityId: row.id,
        after: { name, ownerUserId: owner.id, scopes: ordered, expiresAt: row.expires_at, prefix: row.prefix },
      },
      now,
    );
    return row;
  });
  return { ok: true, token, row };
}

/** Revokes a token at once: the next request with it is refused. False when it was not live. */
export async function revokeToken(db: Db, actor: Actor, id: number, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await findApiTokenById(trx, id);
    if (!row || !(await revokeApiToken(trx, id, now))) return false;
    await appendAudit(
      trx,
      actor,
      { action: 'api-token.revoked', entityType: 'api-token', entityId: id, before: { name: row.name, ownerUserId: row.user_id, prefix: row.prefix } },
      now,
    );
    return true;
  });
}

export function scopesOf(row: Pick<ApiTokenRow, 'scopes'>): string[] {
  try {
    const value: unknown = JSON.parse(row.scopes);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
