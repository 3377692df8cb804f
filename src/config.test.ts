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
      [{ NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(40), DEMO_DATA: 'on' }, 'DEMO_DATA', /production/],
      [{ NODE_ENV: 'production' }, 'SECRET_KEY', /must be set in production/],
      [{ NODE_ENV: 'test', SECRET_KEY: 'short' }, 'SECRET_KEY', /at least 32/],
      [{ NODE_ENV: 'test', SMTP_URL: 'http://mail.example' }, 'SMTP_URL', /smtp:/],
      [{ NODE_ENV: 'test', OIDC_ISSUER: 'https://id.example' }, 'OIDC_CLIENT_ID', /must be set/],
      [{ NODE_ENV: 'test', OIDC_CLIENT_ID: 's3' }, 'OIDC_ISSUER', /must be set/],
      [{ NODE_ENV: 'test', SESSION_IDLE_MINUTES: '1' }, 'SESSION_IDLE_MINUTES', /outside/],
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
    assert.equal(loadConfig({ NODE_ENV: 'test', BASE_URL: 'https://s3.example.org/' }).baseUrl, 'https://s3.example.org');
  });
});
