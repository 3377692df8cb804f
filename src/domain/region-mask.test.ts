import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairsFromMasks, regionCodesOf, regionMaskOf } from './region-mask.js';

describe('region masks', () => {
  it('sets one bit per region code and reads the codes back in order', () => {
    assert.equal(regionMaskOf(['17', '18', '19']), (1 << 17) | (1 << 18) | (1 << 19));
    assert.equal(regionMaskOf(['10', '10']), 1 << 10);
    assert.deepEqual(regionCodesOf(regionMaskOf(['19', '10', '16'])), ['10', '16', '19']);
    assert.throws(() => regionMaskOf(['x']), RangeError);
  });

  it('counts each project once for every pair of its regions', () => {
    const pairs = pairsFromMasks([
      { mask: regionMaskOf(['17', '18', '19']), projects: 2 },
      { mask: regionMaskOf(['17', '18']), projects: 5 },
      { mask: regionMaskOf(['11']), projects: 9 },
    ]);
    const byKey = Object.fromEntries(pairs.map((p) => [`${p.a}-${p.b}`, p.projects]));
    assert.deepEqual(byKey, { '17-18': 7, '17-19': 2, '18-19': 2 });
  });
});
