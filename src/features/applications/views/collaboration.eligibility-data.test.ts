import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scriptSafeJson } from './collaboration.eligibility-data.js';

describe('the eligibility data block', () => {
  it('cannot close its <script> element or open a comment, whatever an applicant typed, and reads back unchanged', () => {
    const typed = { title: '</script><script>alert(1)</script> <!-- & > \u2028\u2029', partners: [{ name: 'A & B <Oy>' }] };
    const json = scriptSafeJson(typed);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), typed);
  });
});
