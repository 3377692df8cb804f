import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/features/audit/audit.repository.js';
import { moveCall } from '../../src/features/calls/calls.admin.service.js';
import { callClosingJob } from '../../src/features/webhooks/call-closing.job.js';
import { createWebhookHandler } from '../../src/features/webhooks/webhook.handler.js';
import { verifyWebhookSignature } from '../../src/features/webhooks/webhook-signature.js';
import { createSubscription, sendTestDelivery, setSubscriptionActive } from '../../src/features/webhooks/webhooks.service.js';
import { findSubscription } from '../../src/features/webhooks/webhooks.repository.js';
import type { WebhookEventType } from '../../src/db/schema-notifications.js';
import { webhookBackoff } from '../../src/domain/retry-backoff.js';
import { createDispatcher } from '../../src/jobs/dispatcher.js';
import { emitEvent } from '../../src/jobs/events.js';
import { outboxHandlers } from '../../src/jobs/outbox-handlers.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { decideCall } from '../helpers/decision-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildReviewedCall } from '../helpers/review-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

/** Webhooks (issue 7): signed deliveries to a real local receiver, retried with backoff, fanned out once, replayable. */
const nowSeconds = () => Math.floor(Date.now() / 1000);
const noMail = { delivers: false, handler: null, close: () => {} };

for (const dialect of testDialects()) {
  describe(`webhook deliveries [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    const db = () => t.database.db;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      receiver = await startWebhookReceiver();
    });
    after(async () => {
      await t?.close();
      await receiver?.close();
    });

    async function subscribe(region: string, events: WebhookEventType[], path: string, options: { active?: boolean } = {}) {
      const created = await createSubscription(db(), systemActor, { regionCode: region, url: receiver.url(path), description: '', events }, t.app.config.secretKey, t.clock.now());
      if (options.active === false) await setSubscriptionActive(db(), systemActor, (await findSubscription(db(), created.id))!, false, t.clock.now());
      return created;
    }
    const deliveriesOf = (subscriptionId: number) => db().selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('id').execute();
    const deliveryRow = (id: number) => db().selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attemptsOf = (deliveryId: number) => db().selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('id').execute();
    async function publishCall(budgets: Record<string, number>) {
      const call = await buildCall(db(), { status: 'draft', budgets, minRegions: Object.keys(budgets).length });
      assert.deepEqual(await moveCall(db(), systemActor, call.id, 'publish', t.clock.now()), { ok: true });
      return call;
    }

    it('signs a published call’s delivery with the secret shown once, and the signature fails for a changed body or an old timestamp', async () => {
      const officer = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '11' }] }));
      const created = await officer.post('/fi/hallinta/webhookit', { region: '11', url: receiver.url('/signed'), description: 'Intranet', events: ['call.published'] });
      assert.equal(created.statusCode, 200);
      const secret = /value="(whsec_[A-Za-z0-9_-]{43})"/.exec(created.body)?.[1];
      assert.ok(secret, 'the secret is on the confirmation page');

      const call = await publishCall({ '11': 20_000_000, '12': 10_000_000 });
      await t.app.outbox.dispatch();
      const [request, ...more] = receiver.at('/signed');
      assert.ok(request);
      assert.equal(more.length, 0);
      const subscription = await db().selectFrom('webhook_subscriptions').select('id').where('url', '=', receiver.url('/signed')).executeTakeFirstOrThrow();
      const [delivery] = await deliveriesOf(subscription.id);
      assert.ok(delivery);
      assert.equal(request.method, 'POST');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['user-agent'], 's3-enf-webhooks/1');
      assert.equal(request.headers['s3-event'], 'call.published');
      assert.equal(request.headers['s3-delivery'], String(delivery.id));
      assert.equal(request.headers['idempotency-key'], `call.published:${call.id}#sub-${subscription.id}`);

      const header = String(request.headers['s3-signature']);
      assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
      assert.equal(verifyWebhookSignature(secret, header, request.body, nowSeconds()).ok, true);
      assert.deepEqual(verifyWebhookSignature(secret, header, request.body.replace('"call.published"', '"call.closing"'), nowSeconds()), { ok: false, reason: 'mismatch' });
      assert.deepEqual(verifyWebhookSignature(secret, header, request.body, nowSeconds() + 301), { ok: false, reason: 'stale' });
      assert.deepEqual(verifyWebhookSignature('whsec_someone-else', header, request.body, nowSeconds()), { ok: false, reason: 'mismatch' });

      const body = JSON.parse(request.body) as { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
      assert.equal(body.id, `call.published:${call.id}`);
      assert.equal(body.type, 'call.published');
      assert.equal(body.occurredAt, t.clock.now().toISOString());
      assert.equal(body.data.reference, call.reference);
      assert.deepEqual(body.data.title, { fi: call.title_fi, sv: call.title_sv, en: call.title_en });
      assert.deepEqual([...(body.data.regionCodes as string[])].sort(), ['11', '12']);
      // Public data only: no contact addresses, no officers.
      assert.doesNotMatch(request.body, /@|created_?by|contact/i);

      const stored = await deliveryRow(delivery.id);
      assert.equal(stored.body, request.body);
      assert.deepEqual([stored.status, stored.attempts, stored.last_status_code, stored.delivered_at], ['delivered', 1, 200, t.clock.now().toISOString()]);
      assert.deepEqual((await attemptsOf(delivery.id)).map((a) => [a.status_code, a.error]), [[200, null]]);
    });

    it('fans a call out only to active subscriptions of its councils that chose the event, once even when two dispatchers run at once', async () => {
      const ofEleven = await subscribe('11', ['call.published'], '/fan/11');
      const ofTwelve = await subscribe('12', ['call.published', 'news.published'], '/fan/12');
      const newsOnly = await subscribe('12', ['news.published'], '/fan/12-news');
      const otherCouncil = await subscribe('16', ['call.published'], '/fan/16');
      const inactive = await subscribe('11', ['call.published'], '/fan/11-inactive', { active: false });

      const call = await publishCall({ '11': 10_000_000, '12': 10_000_000 });
      const second = createDispatcher({ db: db(), handlers: outboxHandlers(t.app.config, db(), noMail), now: t.clock.now, owner: 'second-instance' });
      await Promise.all([t.app.outbox.dispatch(), second.dispatch(), t.app.outbox.dispatch(), second.dispatch()]);

      for (const s of [ofEleven, ofTwelve]) {
        const deliveries = await deliveriesOf(s.id);
        assert.deepEqual(deliveries.map((d) => [d.event_id, d.status]), [[`call.published:${call.id}`, 'delivered']]);
      }
      for (const s of [newsOnly, otherCouncil, inactive]) assert.deepEqual(await deliveriesOf(s.id), []);
      assert.equal(receiver.at('/fan/11').length, 1);
      assert.equal(receiver.at('/fan/12').length, 1);
      assert.deepEqual(['/fan/12-news', '/fan/16', '/fan/11-inactive'].flatMap((p) => receiver.at(p)), []);
      const event = await db().selectFrom('outbox').select(['status', 'attempts']).where('idempotency_key', '=', `call.published:${call.id}`).executeTakeFirstOrThrow();
      assert.deepEqual(event, { status: 'delivered', attempts: 1 });
    });

    it('fans a news item without regions out to every council, and a decision to its own council only', async () => {
      const news = await subscribe('19', ['news.published', 'decision.published'], '/news/19');
      const decisions = await subscribe('17', ['decision.published'], '/decisions/17');
      const otherDecisions = await subscribe('18', ['decision.published'], '/decisions/18');
      const at = t.clock.now().toISOString();
      const item = await db().insertInto('news_items').values({ status: 'published', published_at: at, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      await db().insertInto('news_texts').values({ news_id: item.id, locale: 'fi', title: 'Uusi yhteishaku avautuu', summary: 'Lyhyesti', body: 'Teksti' }).execute();
      const { call } = await buildReviewedCall(db(), { count: 2, scores: [5, 4] });
      const decided = await decideCall(db(), call.id, ['17']);
      await db().transaction().execute(async (trx) => {
        await emitEvent(trx, { type: 'news.published', newsId: item.id }, t.clock.now());
        await emitEvent(trx, { type: 'decision.published', callId: call.id, regionCode: '17', decisionId: decided.decisionIds['17']! }, t.clock.now());
      });
      await t.app.outbox.dispatch();

      const [newsRequest] = receiver.at('/news/19');
      assert.equal(receiver.at('/news/19').length, 1);
      const newsBody = JSON.parse(newsRequest!.body) as { type: string; data: { title: Record<string, string>; regionCodes: string[] } };
      assert.equal(newsBody.type, 'news.published');
      assert.deepEqual(newsBody.data.title, { fi: 'Uusi yhteishaku avautuu' });
      assert.deepEqual(newsBody.data.regionCodes, []);
      const decisionBody = JSON.parse(receiver.at('/decisions/17')[0]!.body) as { type: string; data: { regionCode: string; number: string } };
      assert.deepEqual([decisionBody.type, decisionBody.data.regionCode, decisionBody.data.number], ['decision.published', '17', `17/2026/${call.id}`]);
      assert.equal(receiver.at('/decisions/18').length, 0);
      assert.equal((await deliveriesOf(news.id)).length, 1);
      assert.equal((await deliveriesOf(otherDecisions.id)).length, 0);
      assert.equal((await deliveriesOf(decisions.id)).length, 1);
    });

    it('retries 500 and 503 after the backoff and not before, logging each attempt, until a 200 delivers', async () => {
      const s = await subscribe('10', ['call.published'], '/retry');
      receiver.script('/retry', [500, 503, 200]);
      const subscription = (await findSubscription(db(), s.id))!;
      const id = await sendTestDelivery(db(), systemActor, subscription, t.clock.now());
      await t.app.outbox.dispatch();

      for (const [attempt, status] of [[1, 500], [2, 503]] as const) {
        const failed = await deliveryRow(id);
        assert.deepEqual([failed.status, failed.attempts, failed.last_status_code], ['pending', attempt, status]);
        const wait = Date.parse(failed.next_attempt_at!) - t.clock.now().getTime();
        const plain = webhookBackoff.baseMs * 2 ** (attempt - 1);
        assert.ok(wait >= plain * 0.8 && wait <= plain * 1.2, `attempt ${attempt}: waits ${wait} ms, the backoff says ${plain} ms ± 20 %`);
        t.clock.set(new Date(Date.parse(failed.next_attempt_at!) - 1000).toISOString());
        await t.app.outbox.dispatch();
        assert.equal(receiver.at('/retry').length, attempt, 'no retry before the backoff has passed');
        t.clock.set(failed.next_attempt_at!);
        await t.app.outbox.dispatch();
        assert.equal(receiver.at('/retry').length, attempt + 1);
      }

      const delivered = await deliveryRow(id);
      assert.deepEqual([delivered.status, delivered.attempts, delivered.last_status_code, delivered.next_attempt_at], ['delivered', 3, 200, null]);
      const attempts = await attemptsOf(id);
      assert.deepEqual(attempts.map((a) => a.status_code), [500, 503, 200]);
      assert.match(attempts[0]!.error!, /^HTTP 500: refused with 500/);
      assert.equal(attempts[2]!.error, null);
      // Each attempt is signed anew at its own time, with the same body and the same idempotency key.
      const requests = receiver.at('/retry');
      assert.equal(new Set(requests.map((r) => r.body)).size, 1);
      assert.equal(new Set(requests.map((r) => r.headers['idempotency-key'])).size, 1);
      assert.equal(JSON.parse(requests[0]!.body).type, 'ping');
    });

    it('fails at once on a 410 or a redirect, without following it', async () => {
      const gone = await subscribe('10', ['call.published'], '/gone');
      const moved = await subscribe('10', ['call.published'], '/moved');
      receiver.script('/gone', [410]);
      receiver.script('/moved', [{ status: 301, headers: { location: receiver.url('/elsewhere') } }]);
      const goneId = await sendTestDelivery(db(), systemActor, (await findSubscription(db(), gone.id))!, t.clock.now());
      const movedId = await sendTestDelivery(db(), systemActor, (await findSubscription(db(), moved.id))!, t.clock.now());
      await t.app.outbox.dispatch();
      for (const id of [goneId, movedId]) {
        const row = await deliveryRow(id);
        assert.deepEqual([row.status, row.attempts, row.next_attempt_at], ['failed', 1, null]);
      }
      assert.equal((await deliveryRow(goneId)).last_status_code, 410);
      assert.match((await deliveryRow(movedId)).last_error!, /^HTTP 301: redirect to http:\/\/127\.0\.0\.1:\d+\/elsewhere not followed/);
      assert.equal(receiver.at('/elsewhere').length, 0);
      const outbox = await db().selectFrom('outbox').select('status').where('ref_id', 'in', [goneId, movedId]).where('kind', '=', 'webhook').execute();
      assert.deepEqual(outbox.map((o) => o.status), ['failed', 'failed']);
    });

    it('gives up after the last attempt, each delay about double the one before', async () => {
      const s = await subscribe('10', ['call.published'], '/down');
      receiver.script('/down', Array.from({ length: webhookBackoff.maxAttempts }, () => 503));
      const id = await sendTestDelivery(db(), systemActor, (await findSubscription(db(), s.id))!, t.clock.now());
      await t.app.outbox.dispatch();
      for (let attempt = 1; attempt < webhookBackoff.maxAttempts; attempt += 1) {
        const row = await deliveryRow(id);
        assert.equal(row.attempts, attempt);
        const plain = Math.min(webhookBackoff.maxMs, webhookBackoff.baseMs * 2 ** (attempt - 1));
        const wait = Date.parse(row.next_attempt_at!) - t.clock.now().getTime();
        assert.ok(wait >= plain * 0.8 && wait <= plain * 1.2, `attempt ${attempt}: waits ${wait} ms`);
        t.clock.set(row.next_attempt_at!);
        await t.app.outbox.dispatch();
      }
      const row = await deliveryRow(id);
      assert.deepEqual([row.status, row.attempts, row.next_attempt_at], ['failed', webhookBackoff.maxAttempts, null]);
      assert.equal(receiver.at('/down').length, webhookBackoff.maxAttempts);
      assert.equal((await attemptsOf(id)).length, webhookBackoff.maxAttempts);
    });

    it('retries a receiver that does not answer within the timeout, and fails an inactive subscription’s delivery without sending it', async () => {
      const slow = await subscribe('10', ['call.published'], '/slow');
      receiver.script('/slow', [{ status: 200, delayMs: 2000 }]);
      const handlers = { ...outboxHandlers(t.app.config, db(), noMail), webhook: createWebhookHandler(t.app.config, db(), { timeoutMs: 200 }) };
      const impatient = createDispatcher({ db: db(), handlers, now: t.clock.now, owner: 'impatient' });
      const slowId = await sendTestDelivery(db(), systemActor, (await findSubscription(db(), slow.id))!, t.clock.now());
      await impatient.dispatch();
      const timedOut = await deliveryRow(slowId);
      assert.deepEqual([timedOut.status, timedOut.attempts, timedOut.last_status_code, timedOut.last_error], ['pending', 1, null, 'timed out']);

      const later = await subscribe('10', ['call.published'], '/later');
      const laterId = await sendTestDelivery(db(), systemActor, (await findSubscription(db(), later.id))!, t.clock.now());
      await setSubscriptionActive(db(), systemActor, (await findSubscription(db(), later.id))!, false, t.clock.now());
      await t.app.outbox.dispatch();
      const refused = await deliveryRow(laterId);
      assert.deepEqual([refused.status, refused.last_error], ['failed', 'not sent: the subscription is inactive']);
      assert.equal(receiver.at('/later').length, 0);
    });

    it('replays a delivery as a new delivery with the same body and event id, and delivers it', async () => {
      const officer = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '16' }] }));
      const s = await subscribe('16', ['call.published'], '/replay');
      const call = await publishCall({ '16': 10_000_000, '17': 10_000_000 });
      await t.app.outbox.dispatch();
      const [original] = await deliveriesOf(s.id);
      assert.ok(original);
      const res = await officer.post(`/fi/hallinta/webhookit/${s.id}/${original.id}/replay`);
      assert.equal(res.statusCode, 303);
      await t.app.outbox.dispatch();
      const [, replay] = await deliveriesOf(s.id);
      assert.ok(replay);
      assert.equal(res.headers.location, `/fi/hallinta/webhookit/${s.id}/${replay.id}?done=replay`);
      assert.deepEqual([replay.replay_of, replay.event_id, replay.body, replay.status], [original.id, `call.published:${call.id}`, original.body, 'delivered']);
      const [first, again] = receiver.at('/replay');
      assert.equal(again?.body, first?.body);
      assert.equal(again?.headers['s3-delivery'], String(replay.id));
      assert.equal(again?.headers['idempotency-key'], `call.published:${call.id}#sub-${s.id}#replay-${replay.id}`);
      const audit = await db().selectFrom('audit_log').select(['action', 'actor_user_id']).where('entity_type', '=', 'webhook_delivery').where('entity_id', '=', String(replay.id)).execute();
      assert.deepEqual(audit.map((a) => a.action), ['webhook.replayed']);
    });

    it('records "call closing" once per call and deadline across two concurrent ticks, and a moved deadline is a new event', async () => {
      const now = t.clock.now();
      const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
      const closing = await buildCall(db(), { closesAt: inDays(3), budgets: { '18': 10_000_000 } });
      const later = await buildCall(db(), { closesAt: inDays(10), budgets: { '18': 10_000_000 } });
      const draft = await buildCall(db(), { status: 'draft', closesAt: inDays(3), budgets: { '18': 10_000_000 } });
      const s = await subscribe('18', ['call.closing'], '/closing');
      const context = { config: t.app.config, owner: 'test', deliverMail: false };
      const keysOf = async () =>
        (await db().selectFrom('outbox').select('idempotency_key').where('kind', '=', 'event').where('idempotency_key', 'like', 'call.closing:%').execute())
          .map((r) => r.idempotency_key)
          .filter((k) => [closing.id, later.id, draft.id].some((id) => k.startsWith(`call.closing:${id}:`)));

      const [a, b] = await Promise.all([callClosingJob.run(db(), now, context), callClosingJob.run(db(), now, context)]);
      assert.equal(a + b, (await keysOf()).length);
      assert.deepEqual(await keysOf(), [`call.closing:${closing.id}:${closing.closes_at}`]);
      assert.equal(await callClosingJob.run(db(), now, context), 0);

      const moved = inDays(5);
      await db().updateTable('calls').set({ closes_at: moved }).where('id', '=', closing.id).execute();
      assert.equal(await callClosingJob.run(db(), now, context), 1);
      await t.app.outbox.dispatch();
      // The event of the old deadline is stale by the time it is fanned out: only the new deadline is told.
      const requests = receiver.at('/closing');
      assert.equal(requests.length, 1);
      const body = JSON.parse(requests[0]!.body) as { id: string; type: string; data: { id: number; closesAt: string } };
      assert.deepEqual([body.id, body.type, body.data.id, body.data.closesAt], [`call.closing:${closing.id}:${moved}`, 'call.closing', closing.id, moved]);
      assert.equal((await deliveriesOf(s.id)).length, 1);
    });
  });
}
