import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'whsec_test-secret';
const body = '{"id":"call.published:7","type":"call.published"}';
const t = 1_795_000_000;

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" under the secret, after the timestamp', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    assert.equal(signWebhook(secret, t, body), `t=${t},v1=${expected}`);
  });

  it('verifies a signature made with the same secret within the tolerance', () => {
    assert.deepEqual(verifyWebhookSignature(secret, signWebhook(secret, t, body), body, t + 299), { ok: true, timestampSeconds: t });
    assert.deepEqual(verifyWebhookSignature(secret, signWebhook(secret, t, body), body, t - 299), { ok: true, timestampSeconds: t });
  });

  it('refuses a changed body or another secret as a mismatch', () => {
    const header = signWebhook(secret, t, body);
    assert.deepEqual(verifyWebhookSignature(secret, header, body.replace('7', '8'), t), { ok: false, reason: 'mismatch' });
    assert.deepEqual(verifyWebhookSignature('whsec_other', header, body, t), { ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp further than the tolerance from now as stale, even with a valid HMAC', () => {
    assert.deepEqual(verifyWebhookSignature(secret, signWebhook(secret, t, body), body, t + 301), { ok: false, reason: 'stale' });
    assert.deepEqual(verifyWebhookSignature(secret, signWebhook(secret, t, body), body, t + 3600, 7200), { ok: true, timestampSeconds: t });
  });

  it('refuses a header that is missing or not in the t=…,v1=… form as malformed', () => {
    const v1 = signWebhook(secret, t, body).split(',')[1]!;
    for (const header of [undefined, '', 'garbage', `${v1}`, `t=${t}`, `t=abc,${v1}`, `t=${t},v1=XYZ`, `t=${t},t=${t},${v1}`]) {
      assert.deepEqual(verifyWebhookSignature(secret, header, body, t), { ok: false, reason: 'malformed' }, String(header));
    }
  });

  it('accepts the header when one of several v1 values matches (signing with two secrets during a rotation)', () => {
    const other = signWebhook('whsec_old', t, body).split(',')[1]!;
    assert.equal(verifyWebhookSignature(secret, `${signWebhook(secret, t, body)},${other}`, body, t).ok, true);
    assert.equal(verifyWebhookSignature(secret, `t=${t},${other}`, body, t).ok, false);
  });
});
