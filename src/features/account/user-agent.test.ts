import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeUserAgent } from './user-agent.js';

describe('describing a browser from its user agent', () => {
  it('names the browser and the system without versions', () => {
    assert.deepEqual(
      describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'),
      { browser: 'Firefox', os: 'Windows' },
    );
    assert.deepEqual(
      describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'),
      { browser: 'Safari', os: 'iOS' },
    );
  });

  it('tells Edge from Chrome although Edge also says Chrome', () => {
    const edge = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';
    assert.equal(describeUserAgent(edge).browser, 'Edge');
    assert.equal(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36').browser, 'Chrome');
  });

  it('gives nothing for a missing or unknown agent', () => {
    assert.deepEqual(describeUserAgent(null), { browser: null, os: null });
    assert.deepEqual(describeUserAgent('test'), { browser: null, os: null });
  });
});
