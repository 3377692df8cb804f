import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidateSteps, normaliseTotpCode, totpStep } from './totp-window.js';

describe('TOTP time window', () => {
  const now = new Date('2026-11-28T10:00:15Z');
  const step = totpStep(now);

  it('counts 30-second steps from the Unix epoch', () => {
    assert.equal(step, Math.floor(Date.parse('2026-11-28T10:00:00Z') / 30_000));
    assert.equal(totpStep(new Date('2026-11-28T10:00:29.999Z')), step);
    assert.equal(totpStep(new Date('2026-11-28T10:00:30Z')), step + 1);
  });

  it('takes the step before, the current one and the one after', () => {
    assert.deepEqual(candidateSteps(now, null), [step - 1, step, step + 1]);
  });

  it('never takes a step at or before the last one accepted', () => {
    assert.deepEqual(candidateSteps(now, step - 1), [step, step + 1]);
    assert.deepEqual(candidateSteps(now, step), [step + 1]);
    assert.deepEqual(candidateSteps(now, step + 1), []);
  });

  it('reads six digits with spaces or a hyphen, and nothing else', () => {
    assert.equal(normaliseTotpCode(' 123 456 '), '123456');
    assert.equal(normaliseTotpCode('123-456'), '123456');
    assert.equal(normaliseTotpCode('12345'), null);
    assert.equal(normaliseTotpCode('abcdef'), null);
    assert.equal(normaliseTotpCode('1234567'), null);
  });
});
