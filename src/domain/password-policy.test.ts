import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPassword } from './password-policy.js';

describe('password rules', () => {
  it('accepts a long passphrase of ordinary words, with no digits or symbols required', () => {
    assert.deepEqual(checkPassword('hiihtoladulla aamulla aikaisin'), []);
    assert.deepEqual(checkPassword('correct horse battery staple'), []);
  });

  it('needs at least 12 characters and takes up to 128, counting characters not bytes', () => {
    assert.deepEqual(checkPassword('lyhyt sana'), [{ rule: 'too-short', min: 12 }]);
    assert.deepEqual(checkPassword('ääkkösiäöåäö'), []);
    assert.deepEqual(checkPassword('a'.repeat(129)), [{ rule: 'too-long', max: 128 }]);
  });

  it('refuses breached passwords dressed up with digits, symbols and letter swaps', () => {
    for (const p of ['Salasana2024!', 'P@ssw0rd123456', 'qwertyuiop123', '!!Tervetuloa2026', 'Kesä2024kesä2024']) {
      assert.deepEqual(checkPassword(p), [{ rule: 'common' }], p);
    }
  });

  it('refuses repetition and runs of the keyboard or the alphabet', () => {
    assert.deepEqual(checkPassword('aaaaaaaaaaaaaa'), [{ rule: 'repetitive' }]);
    assert.deepEqual(checkPassword('123456789012'), [{ rule: 'repetitive' }]);
    assert.deepEqual(checkPassword('abcabcabcabc'), [{ rule: 'repetitive' }]);
  });

  it("refuses a password that is little more than the user's own name or e-mail", () => {
    assert.deepEqual(checkPassword('virtanen2024!!', { name: 'Aino Virtanen' }), [{ rule: 'personal' }]);
    assert.deepEqual(checkPassword('aino.virtanen99', { email: 'aino.virtanen@example.fi' }), [{ rule: 'personal' }]);
    assert.deepEqual(checkPassword('virtanen lähti marjaan metsään', { name: 'Aino Virtanen' }), []);
  });
});
