import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { businessIdCheckDigit, parseBusinessId } from './business-id.js';

describe('Finnish business ID (Y-tunnus)', () => {
  it('accepts an ID whose check digit matches and writes it with a hyphen', () => {
    // 0737546: 0*7+7*9+3*10+7*5+5*8+4*4+6*2 = 196, 196 % 11 = 9, 11 - 9 = 2
    assert.deepEqual(parseBusinessId('0737546-2'), { ok: true, value: '0737546-2' });
    assert.deepEqual(parseBusinessId(' 07375462 '), { ok: true, value: '0737546-2' });
    assert.deepEqual(parseBusinessId('737546-2'), { ok: true, value: '0737546-2' });
  });

  it('gives 0 as the check digit when the remainder is 0', () => {
    // 1000003: 7 + 3*2 = 13 → no; find digits with sum divisible by 11: 1100000 → 7+9 = 16; 2200000 → 32; use 0000000
    assert.equal(businessIdCheckDigit('0000000'), 0);
    assert.deepEqual(parseBusinessId('0000000-0'), { ok: true, value: '0000000-0' });
  });

  it('refuses a wrong check digit and says which digit was expected', () => {
    assert.deepEqual(parseBusinessId('0737546-3'), { ok: false, reason: 'check-digit', expected: 2 });
  });

  it('refuses digits that can never be issued (remainder 1)', () => {
    // 1000001: 7 + 2 = 9 → 11 - 9 = 2, fine; 0100004: 9 + 8 = 17 % 11 = 6; 0000006: 12 % 11 = 1 → never issued
    assert.equal(businessIdCheckDigit('0000006'), null);
    assert.deepEqual(parseBusinessId('0000006-0'), { ok: false, reason: 'check-digit', expected: null });
  });

  it('refuses letters, too few or too many digits, and an empty value', () => {
    assert.deepEqual(parseBusinessId('FI07375462'), { ok: false, reason: 'format' });
    assert.deepEqual(parseBusinessId('12345'), { ok: false, reason: 'format' });
    assert.deepEqual(parseBusinessId('123456789'), { ok: false, reason: 'format' });
    assert.deepEqual(parseBusinessId('   '), { ok: false, reason: 'empty' });
  });
});
