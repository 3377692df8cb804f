import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { cliActor } from '../../src/features/audit/audit.repository.js';
import { createApiToken } from '../../src/features/api-tokens/api-tokens.service.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

for (const dialect of testDialects()) {
  describe(`API tokens [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let admin: UserRow;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      admin = await buildUser(t.database.db, { email: 'ada.admin@example.test', name: 'Ada Admin', roles: [{ role: 'admin' }] });
    });
    after(async () => t?.close());

    async function tokenFor(owner: UserRow, scopes: string[], days = 30): Promise<string> {
      const result = await createApiToken(t.database.db, cliActor, { name: `test ${scopes.join(' ')}`, ownerEmail: owner.email, scopes, days }, t.clock.now());
      assert.ok(result.ok);
      return result.token;
    }

    const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

    it('an administrator makes a token on the admin page; it is shown once and only its hash is kept', async () => {
      const agent = await agentFor(t, admin);
      const form = await agent.get('/fi/hallinta/api-avaimet');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<fieldset[^>]*>\s*<legend[^>]*>Käyttöoikeudet<\/legend>/);
      const created = await agent.post('/fi/hallinta/api-avaimet', { name: 'Raportointi', owner: admin.email, scopes: ['read', 'metrics'], days: '90' });
      assert.equal(created.statusCode, 200);
      assert.match(String(created.headers['cache-control']), /no-store/);
      const token = /value="(s3e_[A-Za-z0-9_-]{43})"/.exec(created.body)?.[1];
      assert.ok(token, 'the token is on the result page');
      const row = await t.database.db.selectFrom('api_tokens').selectAll().where('name', '=', 'Raportointi').executeTakeFirstOrThrow();
      assert.equal(row.token_hash, sha256Hex(token));
      assert.equal(row.prefix, token.slice(0, 10));
      assert.deepEqual(JSON.parse(row.scopes), ['read', 'metrics']);
      assert.equal(row.expires_at, '2027-02-26T10:00:00.000Z');
      const list = await agent.get('/fi/hallinta/api-avaimet');
      assert.match(list.body, /Raportointi/);
      assert.ok(!list.body.includes(token), 'the list never shows the token again');
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'api-token.created').where('entity_id', '=', String(row.id)).executeTakeFirstOrThrow();
      assert.equal(audit.actor_user_id, admin.id);
      assert.ok(!audit.after_json!.includes(token) && !audit.after_json!.includes(row.token_hash));
      assert.equal((await call('GET', '/api/v1/me', token)).statusCode, 200);
    });

    it('the create form names each wrong field and keeps what was typed', async () => {
      const agent = await agentFor(t, admin);
      const response = await agent.post('/en/admin/api-tokens', { name: 'Too long lived', owner: 'nobody@example.test', days: '400' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /No active account has this email address/);
      assert.match(response.body, /Choose at least one scope/);
      assert.match(response.body, /whole number of days from 1 to 365/);
      assert.match(response.body, /value="Too long lived"/);
      assert.equal(await t.database.db.selectFrom('api_tokens').select('id').where('name', '=', 'Too long lived').executeTakeFirst(), undefined);
    });

    it('only administrators may manage tokens', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '12' }] });
      const agent = await agentFor(t, officer);
      assert.equal((await agent.get('/fi/hallinta/api-avaimet')).statusCode, 403);
      assert.equal((await agent.post('/fi/hallinta/api-avaimet', { name: 'x', owner: officer.email, scopes: 'read', days: '1' })).statusCode, 403);
    });

    it('a read token may ask who it is but may not change the chair', async () => {
      const owner = await buildUser(t.database.db, { name: 'Rea Reader', roles: [{ role: 'admin' }] });
      const token = await tokenFor(owner, ['read']);
      const me = await call('GET', '/api/v1/me', token);
      assert.equal(me.statusCode, 200);
      assert.deepEqual(me.json(), { id: owner.id, name: 'Rea Reader', email: owner.email, roles: [{ role: 'admin', regionCode: null }], via: 'token', scopes: ['read'] });
      const put = await call('PUT', '/api/v1/chair/overrides/2031', token, { regionCode: '12', reason: 'Swap agreed by the councils' });
      assert.equal(put.statusCode, 403);
      assert.equal(put.json().code, 'FORBIDDEN');
      // Refused before the body is looked at: no validation details for a caller without the right.
      assert.equal((await call('PUT', '/api/v1/chair/overrides/2031', token, {})).statusCode, 403);
      assert.equal((await t.app.inject('/api/v1/chair/2031')).json().source, 'rotation');
    });

    it('a write:chair token of an administrator or this year’s coordinator changes the chair, audited as the token', async () => {
      const coordinator = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '18' }] });
      for (const owner of [admin, coordinator]) {
        const token = await tokenFor(owner, ['write:chair']);
        const put = await call('PUT', '/api/v1/chair/overrides/2030', token, { regionCode: '12', reason: 'Swap agreed by the councils' });
        assert.equal(put.statusCode, 200, put.body);
        assert.equal(put.json().region.code, '12');
        const chair = (await t.app.inject('/api/v1/chair/2030')).json();
        assert.equal(chair.region.code, '12');
        assert.equal(chair.source, 'override');
        const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'chair.override-set').orderBy('seq', 'desc').executeTakeFirstOrThrow();
        assert.equal(audit.actor_user_id, owner.id);
        assert.equal(audit.actor_label, 'token');
        const cleared = await call('DELETE', '/api/v1/chair/overrides/2030', token);
        assert.equal(cleared.statusCode, 200);
        assert.equal(cleared.json().source, 'rotation');
        assert.equal((await t.app.inject('/api/v1/chair/2030')).json().source, 'rotation');
      }
    });

    it('a write:chair token of an officer who does not coordinate this year is refused', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '12' }] });
      const put = await call('PUT', '/api/v1/chair/overrides/2030', await tokenFor(officer, ['write:chair']), { regionCode: '12', reason: 'x' });
      assert.equal(put.statusCode, 403);
    });

    it('refuses an unknown region and a missing reason with a problem naming the field', async () => {
      const token = await tokenFor(admin, ['write:chair']);
      const unknown = await call('PUT', '/api/v1/chair/overrides/2030', token, { regionCode: '99', reason: 'Swap' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().code, 'VALIDATION_FAILED');
      assert.equal(unknown.json().errors[0].field, 'regionCode');
      const noReason = await call('PUT', '/api/v1/chair/overrides/2030', token, { regionCode: '12' });
      assert.equal(noReason.statusCode, 400);
    });

    it('a revoked, expired or made-up token is refused with 401 and WWW-Authenticate', async () => {
      const agent = await agentFor(t, admin);
      const revoked = await tokenFor(admin, ['read']);
      const row = await t.database.db.selectFrom('api_tokens').select('id').where('token_hash', '=', sha256Hex(revoked)).executeTakeFirstOrThrow();
      const revoke = await agent.post(`/fi/hallinta/api-avaimet/${row.id}/revoke`);
      assert.equal(revoke.statusCode, 303);
      assert.equal(revoke.headers.location, '/fi/hallinta/api-avaimet?revoked');
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'api-token.revoked').where('entity_id', '=', String(row.id)).executeTakeFirst();
      assert.ok(audit);

      const expiring = await tokenFor(admin, ['read'], 1);
      assert.equal((await call('GET', '/api/v1/me', expiring)).statusCode, 200);
      const started = t.clock.now();
      t.clock.set(new Date(started.getTime() + 25 * 3_600_000).toISOString());
      try {
        for (const token of [revoked, expiring, 's3e_made-up-token-that-nobody-was-ever-given-000000']) {
          const response = await call('GET', '/api/v1/me', token);
          assert.equal(response.statusCode, 401);
          assert.match(String(response.headers['www-authenticate']), /^Bearer/);
          assert.equal(response.json().code, 'UNAUTHENTICATED');
        }
      } finally {
        t.clock.set(started.toISOString());
      }
      const anonymous = await t.app.inject('/api/v1/me');
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers['www-authenticate'], 'Bearer');
    });

    it('a metrics token reads /metrics; a read token of a non-administrator does not', async () => {
      const operator = await buildUser(t.database.db, {});
      const metrics = await call('GET', '/metrics', await tokenFor(operator, ['metrics']));
      assert.equal(metrics.statusCode, 200);
      assert.match(metrics.body, /# TYPE/);
      // The outbox as operators watch it (counted at each scrape).
      assert.match(metrics.body, /^s3_outbox_rows\{kind="webhook",status="failed"\} \d+$/m);
      assert.match(metrics.body, /^s3_outbox_oldest_pending_seconds \d+/m);
      assert.equal((await call('GET', '/metrics', await tokenFor(operator, ['read']))).statusCode, 403);
    });

    it('documents /api/v1/me and the chair writes in the OpenAPI document', async () => {
      const doc = t.app.swagger() as { paths: Record<string, Record<string, { description?: string }>> };
      assert.match(doc.paths['/api/v1/me']?.get?.description ?? '', /Bearer/);
      assert.match(doc.paths['/api/v1/chair/overrides/{year}']?.put?.description ?? '', /Bearer/);
      assert.ok(doc.paths['/api/v1/chair/overrides/{year}']?.delete);
    });
  });
}
