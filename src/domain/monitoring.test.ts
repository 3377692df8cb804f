import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  averageHundredths,
  circleLayout,
  contrastRatio,
  divideRounded,
  HEAT_COLOURS,
  heatLegend,
  heatStep,
  linkWidth,
  niceTicks,
  pairMatrix,
  percentTenths,
  relativeLuminance,
  sortPairs,
  textColourOn,
  wrapLabel,
} from './monitoring.js';

describe('monitoring derivations', () => {
  it('averages exactly from integer sums, rounding half up: 8/3 regions → 2.67, 5/2 → 2.50, 7/8 → 0.88', () => {
    assert.equal(averageHundredths(8, 3), 267);
    assert.equal(averageHundredths(5, 2), 250);
    assert.equal(averageHundredths(7, 8), 88);
    assert.equal(averageHundredths(1, 3), 33);
    assert.equal(averageHundredths(2, 3), 67);
    assert.equal(averageHundredths(0, 0), null);
    assert.equal(divideRounded(5, 2), 3);
    assert.equal(divideRounded(4, 3), 1);
    assert.throws(() => divideRounded(1, 0), RangeError);
  });

  it('gives percentages in tenths: 45 of 60 → 75.0 %, 1 of 3 → 33.3 %, 2 of 3 → 66.7 %, none without a target', () => {
    assert.equal(percentTenths(4500, 6000), 750);
    assert.equal(percentTenths(100, 300), 333);
    assert.equal(percentTenths(200, 300), 667);
    assert.equal(percentTenths(9000, 6000), 1500);
    assert.equal(percentTenths(10, null), null);
    assert.equal(percentTenths(10, 0), null);
  });

  it('computes WCAG luminance and contrast', () => {
    assert.equal(relativeLuminance('#ffffff'), 1);
    assert.equal(relativeLuminance('#000000'), 0);
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(Math.round(contrastRatio('#767676', '#ffffff') * 100) / 100, 4.54);
    assert.throws(() => relativeLuminance('blue'), RangeError);
  });

  it('picks a text colour with at least 4.5:1 contrast on every heat colour, white on the dark ones', () => {
    for (const colour of HEAT_COLOURS) assert.ok(contrastRatio(textColourOn(colour), colour) >= 4.5, colour);
    assert.equal(textColourOn(HEAT_COLOURS[0]), '#000000');
    assert.equal(textColourOn(HEAT_COLOURS[1]), '#000000');
    assert.equal(textColourOn(HEAT_COLOURS[5]), '#ffffff');
    assert.equal(textColourOn('#1f66a8'), '#ffffff');
  });

  it('picks a readable text colour on any background (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const colour = `#${n.toString(16).padStart(6, '0')}`;
        return contrastRatio(textColourOn(colour), colour) >= 4.5;
      }),
    );
  });

  it('puts values into colour steps of equal ranges of the largest value', () => {
    const max = 1000;
    assert.equal(heatStep(0, max), 0);
    assert.equal(heatStep(1, max), 1);
    assert.equal(heatStep(200, max), 1);
    assert.equal(heatStep(201, max), 2);
    assert.equal(heatStep(600, max), 3);
    assert.equal(heatStep(999, max), 5);
    assert.equal(heatStep(1000, max), 5);
    assert.equal(heatStep(5, 0), 0);
    assert.deepEqual(heatLegend(1000), [
      { step: 0, from: 0, to: 0 },
      { step: 1, from: 0, to: 200 },
      { step: 2, from: 200, to: 400 },
      { step: 3, from: 400, to: 600 },
      { step: 4, from: 600, to: 800 },
      { step: 5, from: 800, to: 1000 },
    ]);
  });

  it('chooses nice axis ticks covering the largest value', () => {
    assert.deepEqual(niceTicks(45_000_000), [0, 10_000_000, 20_000_000, 30_000_000, 40_000_000, 50_000_000]);
    assert.deepEqual(niceTicks(100), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(3), [0, 1, 2, 3]);
    assert.deepEqual(niceTicks(0), [0, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), (max) => {
        const ticks = niceTicks(max);
        return ticks[0] === 0 && ticks[ticks.length - 1]! >= max && ticks.length <= 12 && ticks.every((t) => Number.isInteger(t));
      }),
    );
  });

  it('lays seven regions on a circle, the first at the top, labels outside', () => {
    const nodes = circleLayout(7, 200, 200, 100);
    assert.equal(nodes.length, 7);
    assert.deepEqual([nodes[0]!.x, nodes[0]!.y, nodes[0]!.anchor], [200, 100, 'middle']);
    assert.equal(nodes[1]!.anchor, 'start');
    assert.equal(nodes[6]!.anchor, 'end');
    for (const n of nodes) assert.ok(Math.abs(Math.hypot(n.x - 200, n.y - 200) - 100) < 0.2);
  });

  it('scales link widths with the count', () => {
    assert.equal(linkWidth(0, 5), 0);
    assert.equal(linkWidth(5, 5), 12);
    assert.equal(linkWidth(1, 5), 4);
  });

  it('builds the symmetric pair matrix and sorts pairs', () => {
    const pairs = [
      { a: '17', b: '18', projects: 3 },
      { a: '10', b: '17', projects: 1 },
      { a: '11', b: '18', projects: 3 },
    ];
    assert.deepEqual(pairMatrix(['10', '17', '18'], pairs), [
      [null, 1, 0],
      [1, null, 3],
      [0, 3, null],
    ]);
    assert.deepEqual(sortPairs(pairs).map((p) => `${p.a}-${p.b}`), ['11-18', '17-18', '10-17']);
  });

  it('wraps labels into lines', () => {
    assert.deepEqual(wrapLabel('Puhtaat ratkaisut ja energia', 12), ['Puhtaat', 'ratkaisut ja', 'energia']);
    assert.deepEqual(wrapLabel('aa bb cc dd ee', 5, 2), ['aa bb', 'cc d…']);
  });
});
