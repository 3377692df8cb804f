import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strategyInForce, versionStatus } from './strategy-versions.js';

const elmo = { slug: 'elmo', validFrom: '2019-01-01', validTo: '2023-12-31' };
const joint = { slug: 'joint', validFrom: '2024-01-01', validTo: null };

describe('strategy versions', () => {
  it('has the 2019–2023 strategy in force on its last day and the joint one from 1 January 2024', () => {
    assert.equal(strategyInForce([joint, elmo], '2023-12-31')?.slug, 'elmo');
    assert.equal(strategyInForce([joint, elmo], '2024-01-01')?.slug, 'joint');
  });

  it('keeps an open-ended strategy in force until another replaces it', () => {
    assert.equal(strategyInForce([joint, elmo], '2031-06-15')?.slug, 'joint');
  });

  it('prefers the version that began last where periods overlap', () => {
    const next = { slug: 'next', validFrom: '2028-01-01', validTo: null };
    assert.equal(strategyInForce([joint, next, elmo], '2028-01-01')?.slug, 'next');
  });

  it('has none in force before the first one began', () => {
    assert.equal(strategyInForce([joint, elmo], '2018-12-31'), undefined);
  });

  it('tells earlier versions from upcoming ones', () => {
    const next = { slug: 'next', validFrom: '2028-01-01', validTo: null };
    assert.equal(versionStatus(elmo, joint, '2026-11-28'), 'earlier');
    assert.equal(versionStatus(next, joint, '2026-11-28'), 'upcoming');
    assert.equal(versionStatus(joint, joint, '2026-11-28'), 'in-force');
  });
});
