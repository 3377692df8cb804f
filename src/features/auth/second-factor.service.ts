import { randomInt } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { lockedUntilAfterFailure } from '../../domain/login-throttle.js';
import { candidateSteps, normaliseTotpCode, totpRule } from '../../domain/totp-window.js';
import { open, seal } from '../../security/secret-box.js';
import { constantTimeEqual, sha256Hex } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import {
  acceptTotpStep,
  deleteRecoveryCodes,
  replaceRecoveryCodes,
  spendRecoveryCode,
  unusedRecoveryCodeCount,
} from './second-factor.repository.js';
import { findUserById, updateUser } from './users.repository.js';

export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
/** How long an enrolment page stays usable: the QR code's secret travels in the form, sealed. */
const ENROLMENT_MINUTES = 30;

/** A new random TOTP secret (160 bits, as RFC 4226 recommends), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the QR code carries. */
export function otpauthUri(secret: string, accountName: string, issuer: string): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: totpRule.digits,
    period: totpRule.periodSeconds,
  }).toString();
}

/** The secret in groups of four, for typing by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * The secret being enrolled, sealed for the hidden form field: nothing is stored until the user
 * proves with a code that their app has it. Bound to the user and to a time, so a copied form is no use.
 */
export function sealEnrolment(secretKey: string, userId: number, secret: string, now: Date): string {
  return seal(secretKey, JSON.stringify({ u: userId, s: secret, t: now.getTime() }));
}

export function openEnrolment(secretKey: string, sealed: string, userId: number, now: Date): string | null {
  try {
    const value = JSON.parse(open(secretKey, sealed)) as { u?: unknown; s?: unknown; t?: unknown };
    if (value.u !== userId || typeof value.s !== 'string' || typeof value.t !== 'number') return null;
    if (now.getTime() - value.t > ENROLMENT_MINUTES * 60_000 || value.t > now.getTime() + 60_000) return null;
    return value.s;
  } catch {
    return null;
  }
}

/** Ten codes like "k7pm-q2xa-9f", each usable once instead of the app. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]!).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** A typed recovery code in the form its hash was taken of: lower case, without spaces or hyphens. */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z0-9]{10}$/.test(plain) ? plain : null;
}

function recoveryCodeHash(code: string): string {
  return sha256Hex(`recovery|${normaliseRecoveryCode(code) ?? code}`);
}

/** The step whose code this is among the steps tried, or null. */
function matchingStep(secret: string, code: string, steps: readonly number[]): number | null {
  const key = Secret.fromBase32(secret);
  let found: number | null = null;
  for (const step of steps) {
    const expected = HOTP.generate({ secret: key, algorithm: 'SHA1', digits: totpRule.digits, counter: step });
    // Every step is computed and compared, so the time taken says nothing about which one matched.
    if (constantTimeEqual(expected, code) && found === null) found = step;
  }
  return found;
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'invalid-code' };

/**
 * Turns the second factor on once the user has typed a current code from their app: stores the
 * sealed secret, the accepted step (so the same code cannot be used to sign in), and ten new
 * recovery codes, of which only hashes are kept. Audits 'auth.second-factor.enabled'.
 */
export async function confirmEnrolment(
  db: Db,
  actor: Actor,
  input: { userId: number; secret: string; code: string },
  now: Date,
  config: Config,
): Promise<EnrolmentResult> {
  const code = normaliseTotpCode(input.code);
  const step = code ? matchingStep(input.secret, code, candidateSteps(now, null)) : null;
  if (step === null) return { ok: false, reason: 'invalid-code' };
  const recoveryCodes = generateRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, input.userId);
    await updateUser(trx, input.userId, {
      totp_secret: seal(config.secretKey, input.secret),
      totp_enabled_at: now.toISOString(),
      totp_last_step: step,
      updated_at: now.toISOString(),
    });
    await replaceRecoveryCodes(trx, input.userId, recoveryCodes.map(recoveryCodeHash));
    await appendAudit(
      trx,
      actor,
      {
        action: 'auth.second-factor.enabled',
        entityType: 'user',
        entityId: input.userId,
        before: { enabled: user?.totp_enabled_at !== null && user?.totp_enabled_at !== undefined },
        after: { enabled: true, recoveryCodes: RECOVERY_CODE_COUNT },
      },
      now,
    );
  });
  return { ok: true, recoveryCodes };
}

export type VerifyResult =
  | { ok: true; via: 'totp' | 'recovery-code'; recoveryCodesLeft: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks a code from the app, or a recovery code, of a user who has the second factor on.
 * Failures count toward the same lock as wrong passwords (users.failed_logins); a code whose time
 * step was already accepted is refused as a replay. Audits every failure and each recovery code used.
 */
export async function verifySecondFactor(db: Db, actor: Actor, userId: number, input: string, now: Date, config: Config): Promise<VerifyResult> {
  const user = await findUserById(db, userId);
  if (!user || !user.totp_secret || !user.totp_enabled_at) return { ok: false, reason: 'invalid' };
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    return { ok: false, reason: 'locked', minutes: Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000)) };
  }
  const totpCode = normaliseTotpCode(input);
  const recoveryCode = totpCode ? null : normaliseRecoveryCode(input);
  let secret: string | null = null;
  try {
    secret = open(config.secretKey, user.totp_secret);
  } catch {
    secret = null;
  }
  const matched = totpCode && secret ? matchingStep(secret, totpCode, candidateSteps(now, null)) : null;
  const replayed = matched !== null && !candidateSteps(now, user.totp_last_step).includes(matched);

  return db.transaction().execute(async (trx): Promise<VerifyResult> => {
    let via: 'totp' | 'recovery-code' | null = null;
    if (matched !== null && !replayed && (await acceptTotpStep(trx, userId, matched))) via = 'totp';
    else if (recoveryCode && (await spendRecoveryCode(trx, userId, recoveryCodeHash(recoveryCode), now))) via = 'recovery-code';

    if (via === null) {
      const failures = user.failed_logins + 1;
      await updateUser(trx, userId, { failed_logins: failures, locked_until: lockedUntilAfterFailure(failures, now)?.toISOString() ?? null });
      const reason = replayed || matched !== null ? 'replayed' : recoveryCode ? 'wrong-recovery-code' : totpCode ? 'wrong-code' : 'malformed';
      await appendAudit(trx, actor, { action: 'auth.second-factor.failed', entityType: 'user', entityId: userId, after: { reason } }, now);
      return { ok: false, reason: 'invalid' };
    }
    if (user.failed_logins !== 0 || user.locked_until !== null) await updateUser(trx, userId, { failed_logins: 0, locked_until: null });
    const left = await unusedRecoveryCodeCount(trx, userId);
    if (via === 'recovery-code') {
      await appendAudit(trx, actor, { action: 'auth.recovery-code.used', entityType: 'user', entityId: userId, after: { left } }, now);
    }
    return { ok: true, via, recoveryCodesLeft: left };
  });
}

/** New recovery codes in place of all the old ones. Audits 'auth.recovery-codes.regenerated'. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, userId: number, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, userId, codes.map(recoveryCodeHash));
    await appendAudit(trx, actor, { action: 'auth.recovery-codes.regenerated', entityType: 'user', entityId: userId, after: { count: codes.length } }, now);
  });
  return codes;
}

/** Turns the second factor off and forgets the secret and the recovery codes. Audits 'auth.second-factor.disabled'. */
export async function disableSecondFactor(db: Db, actor: Actor, userId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now.toISOString() });
    await deleteRecoveryCodes(trx, userId);
    await appendAudit(trx, actor, { action: 'auth.second-factor.disabled', entityType: 'user', entityId: userId, before: { enabled: true }, after: { enabled: false } }, now);
  });
}

export { unusedRecoveryCodeCount };
