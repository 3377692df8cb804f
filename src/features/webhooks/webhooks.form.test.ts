import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrivateHost, urlProblem, validateSubscriptionForm, type SubscriptionForm } from './webhooks.form.js';

const form = (overrides: Partial<SubscriptionForm> = {}): SubscriptionForm => ({
  region: '11',
  url: 'https://hooks.example.fi/s3',
  description: 'Intranet',
  events: ['call.published', 'news.published'],
  ...overrides,
});
const rules = { allowedRegions: ['11'], production: true };

describe('webhook subscription form', () => {
  it('takes an https address on the internet, a council of the user and at least one event', () => {
    const result = validateSubscriptionForm(form(), rules);
    assert.deepEqual(result, { ok: true, value: { regionCode: '11', url: 'https://hooks.example.fi/s3', description: 'Intranet', events: ['call.published', 'news.published'] } });
  });

  it('refuses another council than the user’s own, and an empty or unknown event list', () => {
    const result = validateSubscriptionForm(form({ region: '12', events: [] }), rules);
    assert.deepEqual(result.ok ? [] : result.problems, [{ field: 'region', problem: 'required' }, { field: 'events', problem: 'required' }]);
    const forged = validateSubscriptionForm(form({ events: ['call.published', 'user.deleted'] }), rules);
    assert.equal(forged.ok, false);
  });

  it('requires https in production and allows http elsewhere', () => {
    assert.deepEqual(urlProblem('http://hooks.example.fi/', true), { field: 'url', problem: 'https-required' });
    assert.equal(urlProblem('http://127.0.0.1:8080/hook', false), null);
  });

  it('refuses credentials in the address, other schemes, and addresses over 2000 characters', () => {
    assert.deepEqual(urlProblem('https://user:pw@hooks.example.fi/', true), { field: 'url', problem: 'credentials' });
    assert.deepEqual(urlProblem('https://token@hooks.example.fi/', false), { field: 'url', problem: 'credentials' });
    assert.deepEqual(urlProblem('ftp://hooks.example.fi/', false), { field: 'url', problem: 'invalid' });
    assert.deepEqual(urlProblem('hooks.example.fi', false), { field: 'url', problem: 'invalid' });
    assert.deepEqual(urlProblem(`https://hooks.example.fi/${'a'.repeat(2000)}`, true), { field: 'url', problem: 'too-long' });
    assert.deepEqual(urlProblem('', true), { field: 'url', problem: 'required' });
  });

  it('refuses addresses inside the server’s own network in production', () => {
    for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '[fd00::1]', '[::ffff:10.0.0.1]']) {
      assert.deepEqual(urlProblem(`https://${host}/hook`, true), { field: 'url', problem: 'private-host' }, host);
    }
    assert.equal(isPrivateHost('172.32.0.1'), false);
    assert.equal(isPrivateHost('hooks.example.fi'), false);
  });
});
