import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for the embedded set-up', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /data$/);
    assert.ok(Object.isFrozen(config));
  });

  it('stops with a message that names the wrong variable', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ PORT: 'eighty' }, 'PORT', /not a whole number/],
      [{ PORT: '70000' }, 'PORT', /outside 0–65535/],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres:/],
      [{ BASE_URL: 'not a url' }, 'BASE_URL', /not a valid URL/],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of/],
      [{ NODE_ENV: 'staging' }, 'NODE_ENV', /one of/],
      [{ NODE_ENV: 'production', DEMO_DATA: 'on' }, 'DEMO_DATA', /production/],
    ];
    for (const [env, variable, message] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.variable === variable && message.test(error.message),
        variable,
      );
    }
  });

  it('drops a trailing slash from BASE_URL', () => {
    assert.equal(loadConfig({ BASE_URL: 'https://s3.example.org/' }).baseUrl, 'https://s3.example.org');
  });
});
