import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../security/tokens.js';

/**
 * The S3-Signature header of a webhook delivery: "t=<unix seconds>,v1=<hex HMAC-SHA256>", the HMAC
 * keyed with the subscription's secret over "<t>.<body>". The timestamp inside the signed text lets
 * a receiver refuse an old delivery replayed by someone who captured it.
 */
export const SIGNATURE_HEADER = 'S3-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export type SignatureCheck = { ok: true; timestampSeconds: number } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a received S3-Signature header. Several v1 values are accepted (one matching is enough),
 * so that a sender may sign with an old and a new secret while a rotation settles.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'malformed' };
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return { ok: false, reason: 'malformed' };
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return { ok: false, reason: 'malformed' };
      signatures.push(value);
    }
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = hmacHex(secret, timestamp, body);
  // Compare against every value without stopping early, so the time says nothing about which one matched.
  let matched = false;
  for (const signature of signatures) matched = constantTimeEqual(signature, expected) || matched;
  return matched ? { ok: true, timestampSeconds: timestamp } : { ok: false, reason: 'mismatch' };
}
