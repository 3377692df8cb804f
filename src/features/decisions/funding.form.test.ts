import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateFixedForm } from './funding.form.js';

const requested = 33_600_000;
const check = (amount: string, reason = 'Karsittu.', action: 'preview' | 'save' = 'save') => validateFixedForm({ applicationId: 7, amount, reason }, action, 'fi', requested);

describe('fixed grant form', () => {
  it('reads euros with a Finnish decimal comma, a point or grouping spaces, to whole cents', () => {
    assert.deepEqual(check('228 000,50'), { ok: true, cents: 22_800_050 });
    assert.deepEqual(check('228000.5'), { ok: true, cents: 22_800_050 });
    assert.deepEqual(check('228\u00a0000 €'), { ok: true, cents: 22_800_000 });
  });

  it('accepts the requested grant itself but not a cent more', () => {
    assert.deepEqual(check('336 000'), { ok: true, cents: requested });
    assert.deepEqual(check('336 000,01'), { ok: false, errors: [{ field: 'amount-7', message: '”Avustus euroina” voi olla enintään haettu avustus 336\u00a0000,00\u00a0€.' }] });
  });

  it('refuses zero, a negative amount and fractions of a cent, naming the field', () => {
    for (const amount of ['0', '0,00', '-5']) {
      assert.deepEqual(check(amount), { ok: false, errors: [{ field: 'amount-7', message: '”Avustus euroina” on oltava suurempi kuin 0 euroa.' }] }, amount);
    }
    assert.deepEqual(check('1000,505'), {
      ok: false,
      errors: [{ field: 'amount-7', message: '”Avustus euroina” annetaan sentin tarkkuudella: pilkun jälkeen enintään kaksi numeroa.' }],
    });
  });

  it('needs a reason to save but not to preview', () => {
    assert.deepEqual(check('1000', '', 'save'), { ok: false, errors: [{ field: 'reason-7', message: 'Kirjoita perustelu kenttään ”Perustelu”.' }] });
    assert.deepEqual(check('1000', '', 'preview'), { ok: true, cents: 100_000 });
  });
});
