import type { Config } from '../../config.js';
import type { Executor } from '../../db/database.js';
import type { SessionRow } from '../../db/schema.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { deleteSession, findSession, insertSession, touchSession } from './sessions.repository.js';

export const SESSION_COOKIE = 's3_session';

export interface NewSession {
  userId: number;
  method: SessionRow['method'];
  mfaPending: boolean;
  ip: string | null;
  userAgent: string | null;
}

/** Starts a session with a new random id (never one the browser brought) and returns the cookie value. */
export async function startSession(db: Executor, values: NewSession, now: Date, config: Config): Promise<string> {
  const token = randomToken();
  await insertSession(db, {
    id_hash: sha256Hex(token),
    user_id: values.userId,
    method: values.method,
    mfa_pending: values.mfaPending ? 1 : 0,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + config.session.maxHours * 3_600_000).toISOString(),
    ip: values.ip,
    user_agent: values.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * The live session of a cookie value, or null. A session ends at its absolute expiry, or after the
 * idle time without requests; an ended session is removed. Last-seen is written at most once a minute.
 */
export async function resumeSession(db: Executor, token: string, now: Date, config: Config): Promise<SessionRow | null> {
  if (token.length < 20 || token.length > 100) return null;
  const idHash = sha256Hex(token);
  const session = await findSession(db, idHash);
  if (!session) return null;
  const idleLimit = Date.parse(session.last_seen_at) + config.session.idleMinutes * 60_000;
  if (Date.parse(session.expires_at) <= now.getTime() || idleLimit <= now.getTime()) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) await touchSession(db, idHash, now);
  return session;
}

export function sessionCookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: config.baseUrl.startsWith('https:'),
    sameSite: 'lax' as const,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}
