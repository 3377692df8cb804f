import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../i18n/messages/index.js';
import { readFeedbackForm, validateFeedback } from './feedback.form.js';

const fi = messages('fi');
const en = messages('en');

describe('accessibility feedback form', () => {
  it('needs a message and names the field in the page language', () => {
    const result = validateFeedback(readFeedbackForm({ message: '   ' }), fi);
    assert.deepEqual(result, { ok: false, errors: [{ field: 'message', message: 'Kirjoita palaute.' }] });
  });

  it('accepts a message alone and stores empty optional fields as null', () => {
    const result = validateFeedback(readFeedbackForm({ message: ' Kontrasti on heikko. ' }), fi);
    assert.deepEqual(result, { ok: true, value: { message: 'Kontrasti on heikko.', pageUrl: null, name: null, email: null } });
  });

  it('refuses an address that is not an email and a page that is not a web address', () => {
    const result = validateFeedback(
      readFeedbackForm({ message: 'x', email: 'not-an-address', pageUrl: 'javascript:alert(1)' }),
      en,
    );
    assert.equal(result.ok, false);
    assert.deepEqual(
      !result.ok && result.errors.map((e) => e.field),
      ['pageUrl', 'email'],
    );
  });

  it('refuses a message over 5000 characters with the limit in the message', () => {
    const result = validateFeedback(readFeedbackForm({ message: 'a'.repeat(5001) }), en);
    assert.equal(!result.ok && result.errors[0]?.message, 'Feedback must be 5000 characters or fewer.');
  });

  it('reads repeated or missing fields without failing', () => {
    assert.deepEqual(readFeedbackForm({ message: ['first', 'second'], name: 42 }), {
      message: 'first',
      pageUrl: '',
      name: '',
      email: '',
    });
    assert.deepEqual(readFeedbackForm(undefined), { message: '', pageUrl: '', name: '', email: '' });
  });
});
