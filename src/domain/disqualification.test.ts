import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disqualificationGrounds, isBarred, judgeDeclaration } from './disqualification.js';

describe('disqualification', () => {
  it('keeps the stored codes of the grounds stable, in the order of hallintolaki 28 §', () => {
    assert.deepEqual(disqualificationGrounds, ['party', 'assists-party', 'benefit-or-harm', 'employment', 'board-member', 'other']);
  });

  it('bars a reviewer who is a member of any partner organisation, the lead included', () => {
    assert.equal(isBarred([3, 8], [8, 12]), true);
    assert.equal(isBarred([3], [8, 12]), false);
    assert.equal(isBarred([], [8]), false);
  });

  it('clears a reviewer who says explicitly that none of the grounds applies', () => {
    assert.deepEqual(judgeDeclaration({ noneApplies: true, grounds: [] }), { ok: true, status: 'cleared', grounds: [] });
  });

  it('disqualifies a reviewer who declares grounds, listing each once in the statute’s order', () => {
    assert.deepEqual(judgeDeclaration({ noneApplies: false, grounds: ['other', 'employment', 'other'] }), {
      ok: true,
      status: 'disqualified',
      grounds: ['employment', 'other'],
    });
  });

  it('refuses a declaration with no choice, with both "none" and grounds, or with an unknown ground', () => {
    assert.deepEqual(judgeDeclaration({ noneApplies: false, grounds: [] }), { ok: false, problem: 'nothing-chosen' });
    assert.deepEqual(judgeDeclaration({ noneApplies: true, grounds: ['party'] }), { ok: false, problem: 'none-and-grounds' });
    assert.deepEqual(judgeDeclaration({ noneApplies: false, grounds: ['friendship'] }), { ok: false, problem: 'unknown-ground' });
  });
});
