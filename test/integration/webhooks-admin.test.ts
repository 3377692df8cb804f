import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/features/audit/audit.repository.js';
import { verifyWebhookSignature } from '../../src/features/webhooks/webhook-signature.js';
import { findSubscription } from '../../src/features/webhooks/webhooks.repository.js';
import { createSubscription, sendTestDelivery } from '../../src/features/webhooks/webhooks.service.js';
import { open } from '../../src/security/secret-box.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

/** The councils' webhook administration (issue 7): subscriptions per council, the secret shown once, deliveries and replays. */
const FI = '/fi/hallinta/webhookit';
const secretIn = (html: string) => /value="(whsec_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];

for (const dialect of testDialects()) {
  describe(`webhook administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let officer: TestAgent;
    let otherOfficer: TestAgent;
    let admin: TestAgent;
    const db = () => t.database.db;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      receiver = await startWebhookReceiver();
      officer = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '11' }] }));
      otherOfficer = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '12' }] }));
      admin = await agentFor(t, await buildUser(db(), { roles: [{ role: 'admin' }] }));
    });
    after(async () => {
      await t?.close();
      await receiver?.close();
    });

    async function create(agent: TestAgent, fields: Record<string, string | string[]>) {
      const res = await agent.post(FI, fields);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const id = Number(/webhookit\/(\d+)"/.exec(res.body)?.[1]);
      return { res, id, secret: secretIn(res.body)! };
    }

    it('shows the secret once on creation, keeps it only sealed, and never again on the subscription’s page', async () => {
      const { res, id, secret } = await create(officer, { region: '11', url: receiver.url('/created'), description: 'Intranetin uutisvirta', events: ['call.published', 'news.published'] });
      assert.ok(secret);
      assert.match(String(res.headers['cache-control']), /no-store/);
      assert.match(res.body, /Tilaus luotu/);
      assert.match(res.body, /Se näytetään vain tämän kerran/);
      const row = await db().selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([row.region_code, row.url, row.description, row.events, row.active], ['11', receiver.url('/created'), 'Intranetin uutisvirta', 'call.published,news.published', 1]);
      assert.ok(!row.secret_sealed.includes(secret.slice(6)));
      assert.equal(open(t.app.config.secretKey, row.secret_sealed), secret);
      const page = await officer.get(`${FI}/${id}`);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(secret), 'the subscription page does not show the secret');
      assert.match(page.body, /Haku julkaistu, Uutinen julkaistu/);
      const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'webhook_subscription').where('entity_id', '=', String(id)).execute();
      assert.deepEqual(audit.map((a) => a.action), ['webhook.created']);
      assert.ok(!audit[0]!.after_json!.includes(secret));
    });

    it('rotates the secret: the new one is shown once and the old one no longer signs', async () => {
      const { id, secret } = await create(officer, { region: '11', url: receiver.url('/rotated'), events: ['call.closing'] });
      const res = await officer.post(`${FI}/${id}/rotate`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /no-store/);
      const rotated = secretIn(res.body);
      assert.ok(rotated && rotated !== secret);
      assert.match(res.body, /Vanha salaisuus lakkasi toimimasta heti/);
      const subscription = await findSubscription(db(), id);
      assert.equal(open(t.app.config.secretKey, subscription!.secretSealed), rotated);
      assert.equal((await officer.post(`${FI}/${id}/test`)).statusCode, 303);
      await t.app.outbox.dispatch();
      const [ping] = receiver.at('/rotated');
      const header = String(ping?.headers['s3-signature']);
      const now = Math.floor(Date.now() / 1000);
      assert.equal(verifyWebhookSignature(rotated, header, ping!.body, now).ok, true);
      assert.deepEqual(verifyWebhookSignature(secret, header, ping!.body, now), { ok: false, reason: 'mismatch' });
      const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'webhook_subscription').where('entity_id', '=', String(id)).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['webhook.created', 'webhook.secret-rotated']);
    });

    it('keeps what was typed and says what is wrong at each field, in the page’s language', async () => {
      const before = (await db().selectFrom('webhook_subscriptions').select('id').execute()).length;
      const res = await officer.post(FI, { region: '11', url: 'https://hooks:salasana@intra.example.fi/s3', description: 'x'.repeat(201), events: [] });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Poista osoitteesta käyttäjätunnus ja salasana/);
      assert.match(res.body, /Kuvaus saa olla enintään 200 merkkiä pitkä\./);
      assert.match(res.body, /Valitse vähintään yksi tapahtuma\./);
      assert.match(res.body, /<a href="#field-url">/);
      assert.match(res.body, /value="https:\/\/hooks:salasana@intra\.example\.fi\/s3"/);
      assert.match(res.body, new RegExp(`value="${'x'.repeat(201)}"`));

      const kept = await officer.post(FI, { region: '11', url: '', events: ['decision.published'] });
      assert.match(kept.body, /Kirjoita vastaanottajan osoite\./);
      assert.match(kept.body, /value="decision\.published" checked/);
      assert.match((await officer.post('/sv/administration/webhooks', { region: '11', url: 'intra', events: ['call.published'] })).body, /Skriv adressen i formen https:\/\/example\.fi\/sokvag\./);
      assert.match((await officer.post('/en/admin/webhooks', { region: '11', url: 'ftp://intra.example.fi/', events: [] })).body, /Enter the address in the form https:\/\/example\.fi\/path\.[\s\S]*Choose at least one event\./);
      assert.equal((await officer.post(FI, {})).statusCode, 400);
      assert.equal((await db().selectFrom('webhook_subscriptions').select('id').execute()).length, before);
    });

    it('lets an officer subscribe and see only their own council’s subscriptions; an administrator sees all', async () => {
      const ofTwelve = await createSubscription(db(), systemActor, { regionCode: '12', url: receiver.url('/twelve'), description: 'Pohjois-Savo', events: ['news.published'] }, t.app.config.secretKey, t.clock.now());
      const list = await officer.get(FI);
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes(receiver.url('/twelve')));
      assert.ok(list.body.includes(receiver.url('/created')));
      assert.match(list.body, /<option value="11" selected/);
      assert.doesNotMatch(list.body, /<option value="12"/);
      const refused = await officer.post(FI, { region: '12', url: receiver.url('/not-mine'), events: ['news.published'] });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Valitse maakuntaliitto\./);

      const all = await admin.get(FI);
      assert.ok(all.body.includes(receiver.url('/twelve')) && all.body.includes(receiver.url('/created')));
      assert.match(all.body, /<option value="12"/);

      assert.equal((await officer.get(`${FI}/${ofTwelve.id}`)).statusCode, 403);
      for (const action of ['rotate', 'deactivate', 'delete', 'test']) assert.equal((await officer.post(`${FI}/${ofTwelve.id}/${action}`, { confirm: '1' })).statusCode, 403, action);
      assert.equal((await otherOfficer.get(`${FI}/${ofTwelve.id}`)).statusCode, 200);
      assert.equal(((await findSubscription(db(), ofTwelve.id))!).active, true);
      const missing = await officer.get(`${FI}/999999`, { accept: 'application/json' });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'WEBHOOK_NOT_FOUND');
      assert.equal((await officer.get(`${FI}/abc`)).statusCode, 400);
    });

    it('deactivates and activates a subscription, with an audit entry each', async () => {
      const { id } = await create(officer, { region: '11', url: receiver.url('/toggle'), events: ['call.published'] });
      const off = await officer.post(`${FI}/${id}/deactivate`);
      assert.equal(off.statusCode, 303);
      assert.equal(off.headers.location, `${FI}/${id}?done=deactivated`);
      assert.equal((await findSubscription(db(), id))!.active, false);
      const page = await officer.get(String(off.headers.location));
      assert.match(page.body, /Tilaus poistettiin käytöstä\./);
      assert.match(page.body, /Pois käytöstä/);
      assert.equal((await officer.post(`${FI}/${id}/test`)).statusCode, 409);
      assert.equal((await officer.post(`${FI}/${id}/activate`)).statusCode, 303);
      assert.equal((await findSubscription(db(), id))!.active, true);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'webhook_subscription').where('entity_id', '=', String(id)).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['webhook.created', 'webhook.deactivated', 'webhook.activated']);
    });

    it('sends a test event before answering and shows the delivery’s body and every attempt; another subscription’s delivery is not found', async () => {
      const { id } = await create(officer, { region: '11', url: receiver.url('/ping'), events: ['call.published'] });
      receiver.script('/ping', [503]);
      const res = await officer.post(`${FI}/${id}/test`);
      assert.equal(res.statusCode, 303);
      // No dispatch here: the route has sent the test event before it answered, so the page shows the attempt at once.
      const deliveryId = Number(/\/(\d+)\?done=test$/.exec(String(res.headers.location))?.[1]);
      const page = await officer.get(String(res.headers.location));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Testitapahtuma luotiin\./);
      assert.match(page.body, /&quot;type&quot;: &quot;ping&quot;/);
      assert.match(page.body, /<td>503<\/td><td>HTTP 503: refused with 503<\/td>/);
      assert.equal(receiver.at('/ping').length, 1);
      assert.equal((await otherOfficer.get(`${FI}/${id}/${deliveryId}`)).statusCode, 403);
      const { id: otherId } = await create(officer, { region: '11', url: receiver.url('/other'), events: ['call.published'] });
      assert.equal((await officer.get(`${FI}/${otherId}/${deliveryId}`)).statusCode, 404);
      assert.equal((await officer.post(`${FI}/${otherId}/${deliveryId}/replay`)).statusCode, 404);
      assert.equal((await officer.get(`${FI}/${id}/999999`)).statusCode, 404);
    });

    it('pages the deliveries newest first by their ids', async () => {
      const { id } = await create(officer, { region: '11', url: receiver.url('/paged'), events: ['call.published'] });
      const subscription = (await findSubscription(db(), id))!;
      const ids: number[] = [];
      for (let i = 0; i < 27; i += 1) ids.push(await sendTestDelivery(db(), systemActor, subscription, t.clock.now()));
      const linked = (html: string) => [...html.matchAll(new RegExp(`webhookit/${id}/(\\d+)">`, 'g'))].map((m) => Number(m[1]));
      const first = await officer.get(`${FI}/${id}`);
      assert.deepEqual(linked(first.body), ids.slice(2).reverse());
      const older = /href="([^"]+\?before=\d+)" rel="next"/.exec(first.body)?.[1];
      assert.equal(older, `${FI}/${id}?before=${ids[2]}`);
      assert.doesNotMatch(first.body, /rel="prev"/);
      const second = await officer.get(older!);
      assert.deepEqual(linked(second.body), [ids[1], ids[0]]);
      const newer = /href="([^"]+)" rel="prev"/.exec(second.body)?.[1];
      assert.equal(newer, `${FI}/${id}?after=${ids[1]}`);
      assert.deepEqual(linked((await officer.get(newer!)).body), ids.slice(2).reverse());
    });

    it('deletes a subscription with its deliveries only when the deletion is confirmed', async () => {
      const { id } = await create(officer, { region: '11', url: receiver.url('/deleted'), events: ['call.published'] });
      await sendTestDelivery(db(), systemActor, (await findSubscription(db(), id))!, t.clock.now());
      const unconfirmed = await officer.post(`${FI}/${id}/delete`);
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(unconfirmed.body, /Vahvista poistaminen valitsemalla ruutu\./);
      assert.ok(await findSubscription(db(), id));
      const res = await officer.post(`${FI}/${id}/delete`, { confirm: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${FI}?done=deleted`);
      assert.equal(await findSubscription(db(), id), undefined);
      assert.deepEqual(await db().selectFrom('webhook_deliveries').select('id').where('subscription_id', '=', id).execute(), []);
      assert.match((await officer.get(String(res.headers.location))).body, /Tilaus poistettiin\./);
      // The queued delivery's outbox row finds nothing to send and fails at once.
      await t.app.outbox.dispatch();
      assert.equal(receiver.at('/deleted').length, 0);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'webhook_subscription').where('entity_id', '=', String(id)).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['webhook.created', 'webhook.deleted']);
      assert.equal((await officer.post(`${FI}/${id}/delete`, { confirm: '1' })).statusCode, 404);
    });
  });
}
