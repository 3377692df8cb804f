import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { isAdmin, mayManageWebhooksFor } from '../../policies/policies.js';
import { listRegions } from '../regions/regions.repository.js';
import { readSubscriptionForm, validateSubscriptionForm, type SubscriptionForm } from './webhooks.form.js';
import { webhooksMessages } from './webhooks.messages.js';
import { findDelivery, findSubscription, listAttempts, listDeliveries, listSubscriptions, type DeliveryCursor, type WebhookSubscription } from './webhooks.repository.js';
import { createSubscription, removeSubscription, replayDelivery, rotateSecret, sendTestDelivery, setSubscriptionActive } from './webhooks.service.js';
import { WebhookDeliveryPage } from './views/webhooks.delivery.js';
import { WebhookSecretPage, WebhooksListPage, emptySubscriptionForm, subscriptionErrors } from './views/webhooks.list.js';
import { councilName } from './views/webhooks.parts.js';
import { WebhookSubscriptionPage } from './views/webhooks.subscription.js';

const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const idParams = { schema: { params: Type.Object({ id }) } };
const deliveryParams = { schema: { params: Type.Object({ id, deliveryId: id }) } };
const doneQuery = Type.Optional(Type.String({ maxLength: 20 }));
const listQuery = { schema: { querystring: Type.Object({ done: doneQuery }) } };
const subscriptionQuery = { schema: { params: Type.Object({ id }), querystring: Type.Object({ before: Type.Optional(id), after: Type.Optional(id), done: doneQuery }) } };
const deliveryQuery = { schema: { params: Type.Object({ id, deliveryId: id }), querystring: Type.Object({ done: doneQuery }) } };

/**
 * A council's officers subscribe their council's systems to events: the list and the new-subscription
 * form, each subscription's deliveries, and each delivery's body and attempts. Officers see and manage
 * their own councils' subscriptions; administrators all.
 */
export async function webhooksAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;
  const production = () => app.config.env === 'production';

  /** The councils the user may subscribe for: an officer's own, every council for an administrator. */
  async function councilsOf(request: FastifyRequest) {
    const regions = await listRegions(db());
    const p = request.principal;
    return { regions, councils: isAdmin(p) ? regions : regions.filter((r) => mayManageWebhooksFor(p, r.code)) };
  }

  async function renderList(locale: Locale, request: FastifyRequest, reply: FastifyReply, form: SubscriptionForm, errors: FieldError[], notice?: string) {
    reply.header('cache-control', 'no-store');
    const { regions, councils } = await councilsOf(request);
    const subscriptions = await listSubscriptions(db(), isAdmin(request.principal) ? null : councils.map((c) => c.code));
    const initial = form === emptySubscriptionForm && councils.length === 1 ? { ...form, region: councils[0]!.code } : form;
    const ctx = pageContext(request, locale, { current: 'adminWebhooks' });
    return (
      <WebhooksListPage ctx={ctx} subscriptions={subscriptions} regions={regions} councils={councils} form={initial} errors={errors} httpsOnly={production()} notice={notice} />
    );
  }

  async function subscriptionOf(request: FastifyRequest): Promise<WebhookSubscription> {
    const subscription = await findSubscription(db(), (request.params as { id: number }).id);
    if (!subscription) throw new AppError('WEBHOOK_NOT_FOUND');
    if (!mayManageWebhooksFor(request.principal, subscription.regionCode)) throw new AppError('FORBIDDEN');
    return subscription;
  }

  async function renderSubscription(locale: Locale, request: FastifyRequest, reply: FastifyReply, subscription: WebhookSubscription, errors: FieldError[] = []) {
    reply.header('cache-control', 'no-store');
    const query = request.query as { before?: number; after?: number; done?: string };
    const cursor: DeliveryCursor = query.before ? { before: query.before } : query.after ? { after: query.after } : null;
    const page = await listDeliveries(db(), subscription.id, cursor);
    const base = pagePath(locale, 'adminWebhooks', String(subscription.id));
    const m = webhooksMessages[locale];
    const notice = query.done === 'activated' || query.done === 'deactivated' ? m.done[query.done] : undefined;
    const ctx = pageContext(request, locale, { current: 'adminWebhooks' });
    return (
      <WebhookSubscriptionPage
        ctx={ctx}
        subscription={subscription}
        council={councilName(await listRegions(db()), subscription.regionCode, locale)}
        deliveries={{
          rows: page.rows,
          newer: page.hasNewer && page.rows.length > 0 ? `${base}?after=${page.rows[0]!.id}` : page.hasNewer ? base : undefined,
          older: page.hasOlder && page.rows.length > 0 ? `${base}?before=${page.rows[page.rows.length - 1]!.id}` : undefined,
        }}
        errors={errors}
        notice={notice}
      />
    );
  }

  getPage(app, 'adminWebhooks', '', 'manageWebhooks', async (locale, request, reply) => {
    const done = (request.query as { done?: string }).done;
    return renderList(locale, request, reply, emptySubscriptionForm, [], done === 'deleted' ? webhooksMessages[locale].done.deleted : undefined);
  }, listQuery);

  postPage(app, 'adminWebhooks', '', 'manageWebhooks', async (locale, request, reply) => {
    const form = readSubscriptionForm(request.body);
    const { councils } = await councilsOf(request);
    const checked = validateSubscriptionForm(form, { allowedRegions: councils.map((c) => c.code), production: production() });
    if (!checked.ok) {
      reply.code(400);
      return renderList(locale, request, reply, form, subscriptionErrors(webhooksMessages[locale], checked.problems));
    }
    const created = await createSubscription(db(), requestActor(request), checked.value, app.config.secretKey, app.now());
    // The secret is in this answer and nowhere else, so nothing may keep a copy of it.
    reply.header('cache-control', 'no-store');
    return <WebhookSecretPage ctx={pageContext(request, locale, { current: 'adminWebhooks' })} subscriptionId={created.id} secret={created.secret} rotated={false} />;
  });

  getPage(app, 'adminWebhooks', '/:id', 'manageWebhooks', async (locale, request, reply) => {
    return renderSubscription(locale, request, reply, await subscriptionOf(request));
  }, subscriptionQuery);

  postPage(app, 'adminWebhooks', '/:id/rotate', 'manageWebhooks', async (locale, request, reply) => {
    const subscription = await subscriptionOf(request);
    const secret = await rotateSecret(db(), requestActor(request), subscription, app.config.secretKey, app.now());
    if (secret === null) throw new AppError('WEBHOOK_NOT_FOUND');
    reply.header('cache-control', 'no-store');
    return <WebhookSecretPage ctx={pageContext(request, locale, { current: 'adminWebhooks' })} subscriptionId={subscription.id} secret={secret} rotated />;
  }, idParams);

  for (const [suffix, active] of [['/:id/activate', true], ['/:id/deactivate', false]] as const) {
    postPage(app, 'adminWebhooks', suffix, 'manageWebhooks', async (locale, request, reply) => {
      const subscription = await subscriptionOf(request);
      if (!(await setSubscriptionActive(db(), requestActor(request), subscription, active, app.now()))) throw new AppError('WEBHOOK_NOT_FOUND');
      return reply.redirect(`${pagePath(locale, 'adminWebhooks', String(subscription.id))}?done=${active ? 'activated' : 'deactivated'}`, 303);
    }, idParams);
  }

  postPage(app, 'adminWebhooks', '/:id/delete', 'manageWebhooks', async (locale, request, reply) => {
    const subscription = await subscriptionOf(request);
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== '1') {
      reply.code(400);
      return renderSubscription(locale, request, reply, subscription, [{ field: 'confirm', message: webhooksMessages[locale].deleteConfirmRequired }]);
    }
    if (!(await removeSubscription(db(), requestActor(request), subscription, app.now()))) throw new AppError('WEBHOOK_NOT_FOUND');
    return reply.redirect(`${pagePath(locale, 'adminWebhooks')}?done=deleted`, 303);
  }, idParams);

  /**
   * A test event or a replay is sent before the officer's page is shown, so that it shows the outcome;
   * a slow receiver is not waited for longer than a few seconds (the delivery then goes on behind).
   */
  const deliverBeforeAnswering = () =>
    Promise.race([app.outbox.dispatch(), new Promise<void>((resolve) => setTimeout(resolve, 4_000).unref())]);

  postPage(app, 'adminWebhooks', '/:id/test', 'manageWebhooks', async (locale, request, reply) => {
    const subscription = await subscriptionOf(request);
    if (!subscription.active) throw new AppError('CONFLICT', 'The subscription is inactive');
    const deliveryId = await sendTestDelivery(db(), requestActor(request), subscription, app.now());
    await deliverBeforeAnswering();
    return reply.redirect(`${pagePath(locale, 'adminWebhooks', String(subscription.id), String(deliveryId))}?done=test`, 303);
  }, idParams);

  getPage(app, 'adminWebhooks', '/:id/:deliveryId', 'manageWebhooks', async (locale, request, reply) => {
    const subscription = await subscriptionOf(request);
    const delivery = await findDelivery(db(), (request.params as { deliveryId: number }).deliveryId);
    if (!delivery || delivery.subscription_id !== subscription.id) throw new AppError('WEBHOOK_NOT_FOUND');
    reply.header('cache-control', 'no-store');
    const m = webhooksMessages[locale];
    const done = (request.query as { done?: string }).done;
    return (
      <WebhookDeliveryPage
        ctx={pageContext(request, locale, { current: 'adminWebhooks' })}
        subscription={subscription}
        delivery={delivery}
        attempts={await listAttempts(db(), delivery.id)}
        notice={done === 'replay' ? m.replayCreated : done === 'test' ? m.testCreated : undefined}
      />
    );
  }, deliveryQuery);

  postPage(app, 'adminWebhooks', '/:id/:deliveryId/replay', 'manageWebhooks', async (locale, request, reply) => {
    const subscription = await subscriptionOf(request);
    if (!subscription.active) throw new AppError('CONFLICT', 'The subscription is inactive');
    const replayId = await replayDelivery(db(), requestActor(request), subscription, (request.params as { deliveryId: number }).deliveryId, app.now());
    if (replayId === null) throw new AppError('WEBHOOK_NOT_FOUND');
    await deliverBeforeAnswering();
    return reply.redirect(`${pagePath(locale, 'adminWebhooks', String(subscription.id), String(replayId))}?done=replay`, 303);
  }, deliveryParams);
}
