import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fraction } from './fraction.js';
import { isValidScore, scoreApplication, scoresDisagree, type ScoringCriterion, type ScoringInput, type SubmittedReview } from './review-scoring.js';

// The criteria of a typical call: strategy fit (pass/fail), cross-regional value (content, weight 3),
// feasibility (specifying, weight 2) and sustainability (horizontal, weight 1).
const GENERAL = 1;
const CONTENT = 2;
const SPECIFYING = 3;
const HORIZONTAL = 4;
const criteria: ScoringCriterion[] = [
  { id: GENERAL, kind: 'general', weight: 1 },
  { id: CONTENT, kind: 'content', weight: 3 },
  { id: SPECIFYING, kind: 'specifying', weight: 2 },
  { id: HORIZONTAL, kind: 'horizontal', weight: 1 },
];

const review = (reviewerId: number, general: number, content: number, specifying: number, horizontal: number): SubmittedReview => ({
  reviewerId,
  scores: { [GENERAL]: general, [CONTENT]: content, [SPECIFYING]: specifying, [HORIZONTAL]: horizontal },
});

function score(reviews: SubmittedReview[], extra: Partial<ScoringInput> = {}) {
  return scoreApplication({ criteria, reviews, reviewsExpected: reviews.length, consensus: {}, minTotalScore: 14, ...extra });
}

const criterion = (result: ReturnType<typeof score>, id: number) => {
  const c = result.criteria.find((x) => x.criterionId === id);
  assert.ok(c, `criterion ${id} is in the result`);
  return c;
};

describe('scoring one application', () => {
  it('keeps the mean of the reviewers’ scores exact as a fraction: 2, 2 and 3 make 7/3, not 2.33', () => {
    const result = score([review(1, 1, 2, 4, 2), review(2, 1, 2, 4, 2), review(3, 1, 3, 4, 2)]);
    assert.deepEqual(criterion(result, CONTENT).mean, fraction(7, 3));
    assert.deepEqual(criterion(result, CONTENT).value, fraction(7, 3));
    assert.deepEqual(criterion(result, CONTENT).scores, [2, 2, 3]);
  });

  it('weights each scored criterion’s value and adds them up; the pass/fail criterion counts nothing', () => {
    // 3 × 4 + 2 × 3 + 1 × 2 = 20; the content criteria alone give 12.
    const result = score([review(1, 1, 4, 3, 2)]);
    assert.deepEqual(result.total, fraction(20));
    assert.deepEqual(result.contentTotal, fraction(12));
  });

  it('adds weighted means exactly: content 7/2 and feasibility 5/2 make 3 × 7/2 + 2 × 5/2 + 1 × 2 = 35/2', () => {
    const result = score([review(1, 1, 3, 2, 2), review(2, 1, 4, 3, 2)]);
    assert.deepEqual(result.total, fraction(35, 2));
    assert.deepEqual(result.contentTotal, fraction(21, 2));
  });

  it('uses the officers’ consensus score instead of the reviewers’ mean, and keeps the mean to show', () => {
    const result = score([review(1, 1, 1, 3, 2), review(2, 1, 5, 3, 2)], { consensus: { [CONTENT]: 4 } });
    const content = criterion(result, CONTENT);
    assert.deepEqual(content.mean, fraction(3));
    assert.equal(content.consensus, 4);
    assert.deepEqual(content.value, fraction(4));
    // 3 × 4 + 2 × 3 + 1 × 2
    assert.deepEqual(result.total, fraction(20));
  });

  it('is fundable when every reviewer submitted, the general criterion passed and the total reaches the minimum', () => {
    const result = score([review(1, 1, 3, 2, 1), review(2, 1, 3, 2, 1)], { minTotalScore: 14 });
    assert.deepEqual(result.total, fraction(14));
    assert.equal(result.minimumReached, true);
    assert.equal(result.allGeneralPassed, true);
    assert.equal(result.fundable, true);
    assert.deepEqual(result.reasons, []);
  });

  it('is below the minimum one point short, and says by what total against which minimum', () => {
    const result = score([review(1, 1, 3, 2, 0)], { minTotalScore: 14 });
    assert.equal(result.minimumReached, false);
    assert.equal(result.fundable, false);
    assert.deepEqual(result.reasons, [{ code: 'below-minimum', total: fraction(13), minimum: 14 }]);
  });

  it('compares a fractional total with the minimum exactly: 41/3 falls short of 14', () => {
    // Content 2, 2, 3 → 7/3 × 3 = 7; feasibility 2 × 2 = 4; sustainability (2, 3, 3) → 8/3.
    const result = score([review(1, 1, 2, 2, 2), review(2, 1, 2, 2, 3), review(3, 1, 3, 2, 3)], { minTotalScore: 14 });
    assert.deepEqual(result.total, fraction(41, 3));
    assert.equal(result.minimumReached, false);
    assert.deepEqual(result.reasons.map((r) => r.code), ['below-minimum']);
  });

  it('fails the general criterion when every reviewer failed it', () => {
    const result = score([review(1, 0, 5, 5, 3), review(2, 0, 5, 5, 3)]);
    assert.equal(criterion(result, GENERAL).passed, false);
    assert.equal(result.allGeneralPassed, false);
    assert.equal(result.fundable, false);
    assert.deepEqual(result.reasons, [{ code: 'general-failed', criterionId: GENERAL }]);
  });

  it('leaves the general criterion undecided, flagged as a disagreement, when reviewers differ on it', () => {
    const result = score([review(1, 1, 5, 5, 3), review(2, 0, 5, 5, 3)]);
    const general = criterion(result, GENERAL);
    assert.equal(general.passed, null);
    assert.equal(general.disagreement, true);
    assert.deepEqual(result.disagreements, [GENERAL]);
    assert.equal(result.fundable, false);
    assert.deepEqual(result.reasons, [{ code: 'general-undecided', criterionId: GENERAL }]);
  });

  it('settles a disputed general criterion by the consensus, passed or failed', () => {
    const disputed = [review(1, 1, 5, 5, 3), review(2, 0, 5, 5, 3)];
    const passed = score(disputed, { consensus: { [GENERAL]: 1 } });
    assert.equal(criterion(passed, GENERAL).passed, true);
    assert.equal(criterion(passed, GENERAL).disagreement, false);
    assert.equal(passed.fundable, true);
    const failed = score(disputed, { consensus: { [GENERAL]: 0 } });
    assert.equal(criterion(failed, GENERAL).passed, false);
    assert.deepEqual(failed.reasons, [{ code: 'general-failed', criterionId: GENERAL }]);
  });

  it('is not fundable while an assigned reviewer has not submitted, and counts the reviews', () => {
    const result = score([review(1, 1, 5, 5, 3)], { reviewsExpected: 2 });
    assert.equal(result.reviewsSubmitted, 1);
    assert.equal(result.reviewsExpected, 2);
    assert.equal(result.fundable, false);
    assert.deepEqual(result.reasons, [{ code: 'reviews-missing', submitted: 1, expected: 2 }]);
  });

  it('has no total and no undecided criteria before any review is in: the missing reviews are the reason', () => {
    const result = score([], { reviewsExpected: 2 });
    assert.equal(result.total, null);
    assert.equal(result.contentTotal, null);
    assert.equal(result.minimumReached, false);
    assert.equal(criterion(result, GENERAL).passed, null);
    assert.deepEqual(result.reasons, [{ code: 'reviews-missing', submitted: 0, expected: 2 }]);
  });

  it('is not fundable without any reviewer assigned', () => {
    const result = score([], { reviewsExpected: 0 });
    assert.deepEqual(result.reasons, [{ code: 'reviews-missing', submitted: 0, expected: 0 }]);
    assert.equal(result.fundable, false);
  });

  it('gives a total from consensus scores alone, for every scored criterion', () => {
    const result = score([], { reviewsExpected: 0, consensus: { [GENERAL]: 1, [CONTENT]: 5, [SPECIFYING]: 4, [HORIZONTAL]: 3 } });
    assert.deepEqual(result.total, fraction(26));
  });

  it('flags a scored criterion whose scores differ by more than half its scale, without blocking the total', () => {
    // Content 1 and 4 differ by 3 on 0–5; sustainability 1 and 3 differ by 2 on 0–3.
    const result = score([review(1, 1, 1, 4, 1), review(2, 1, 4, 4, 3)]);
    assert.deepEqual(result.disagreements, [CONTENT, HORIZONTAL]);
    // 3 × 5/2 + 2 × 4 + 1 × 2
    assert.deepEqual(result.total, fraction(35, 2));
  });

  it('drops the disagreement flag once officers record a consensus for the criterion', () => {
    const result = score([review(1, 1, 1, 4, 1), review(2, 1, 4, 4, 1)], { consensus: { [CONTENT]: 3 } });
    assert.equal(criterion(result, CONTENT).disagreement, false);
    assert.deepEqual(result.disagreements, []);
  });
});

describe('when reviewers’ scores disagree', () => {
  it('on a 0–5 scale, at 3 points apart and not at 2', () => {
    assert.equal(scoresDisagree('content', [1, 4]), true);
    assert.equal(scoresDisagree('specifying', [0, 5]), true);
    assert.equal(scoresDisagree('content', [2, 4]), false);
    assert.equal(scoresDisagree('specifying', [3, 5, 4]), false);
  });

  it('on a 0–3 scale, at 2 points apart and not at 1', () => {
    assert.equal(scoresDisagree('horizontal', [1, 3]), true);
    assert.equal(scoresDisagree('horizontal', [0, 1]), false);
  });

  it('on pass/fail, as soon as one reviewer differs', () => {
    assert.equal(scoresDisagree('general', [1, 1, 0]), true);
    assert.equal(scoresDisagree('general', [0, 0]), false);
  });

  it('never with fewer than two scores', () => {
    assert.equal(scoresDisagree('content', [5]), false);
    assert.equal(scoresDisagree('general', []), false);
  });

  it('by the highest and lowest score, whatever the order', () => {
    assert.equal(scoresDisagree('content', [3, 1, 2, 4]), true);
  });
});

describe('a score on the criterion’s scale', () => {
  it('is a whole number from 0 to 5 for content and specifying criteria', () => {
    assert.equal(isValidScore('content', 0), true);
    assert.equal(isValidScore('specifying', 5), true);
    assert.equal(isValidScore('content', 6), false);
    assert.equal(isValidScore('content', -1), false);
    assert.equal(isValidScore('content', 2.5), false);
  });

  it('is a whole number from 0 to 3 for horizontal criteria', () => {
    assert.equal(isValidScore('horizontal', 3), true);
    assert.equal(isValidScore('horizontal', 4), false);
  });

  it('is 1 (passed) or 0 (failed) for a general criterion', () => {
    assert.equal(isValidScore('general', 1), true);
    assert.equal(isValidScore('general', 0), true);
    assert.equal(isValidScore('general', 2), false);
    assert.equal(isValidScore('general', Number.NaN), false);
  });
});
