import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { MessagePage } from '../auth/password-reset.pages.js';
import { formField } from '../auth/password-reset.form.js';
import { formOf, readSubscriptionForm, validateSubscriptionForm, type SubscriptionForm } from './subscriptions.form.js';
import { subscriptionMessages } from './subscriptions.messages.js';
import {
  changeChoices,
  confirmSubscription,
  openConfirmLink,
  openUnsubscribeLink,
  requestSubscription,
  subscriptionOptions,
  unsubscribe,
  type SubscriptionOptions,
} from './subscriptions.service.js';
import { ConfirmPage, LinkGonePage, SubscribePage, UnsubscribedPage, UnsubscribePage } from './subscriptions.views.js';

const tokenParams = { schema: { params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }) } };

/** Pages with a token in the address are never cached and never pass the address on to another site. */
function privatePage(reply: FastifyReply, withToken = false): void {
  reply.header('cache-control', 'no-store');
  if (withToken) reply.header('referrer-policy', 'no-referrer');
}

const tokenOf = (request: FastifyRequest) => (request.params as { token: string }).token;
const knownChoices = (options: SubscriptionOptions) => ({ regionCodes: options.regions.map((r) => r.code), prioritySlugs: options.priorities.map((p) => p.slug) });
const context = (request: FastifyRequest, locale: Locale) => pageContext(request, locale, { current: 'feeds' });

/**
 * E-mail subscriptions for anyone (double opt-in): the form, the confirmation link's page, and the
 * unsubscribe and change-choices pages every message links to. The unsubscribe post also takes the
 * one-click request a mail provider makes for the List-Unsubscribe header (RFC 8058).
 */
export async function subscriptionPages(app: FastifyInstance) {
  const mailCtx = () => ({ baseUrl: app.config.baseUrl, deliver: app.mailer.delivers });
  // Both topics ticked to start with: most people want both, and none ticked would only lead to an error.
  const blankForm = (locale: Locale): SubscriptionForm => ({ email: '', what: ['calls', 'news'], regions: [], priorities: [], locale });

  getPage(app, 'subscribe', '', 'public', async (locale, request, reply) => {
    privatePage(reply);
    const options = await subscriptionOptions(app.database.db, app.now());
    return <SubscribePage ctx={context(request, locale)} mode={{ kind: 'new' }} form={blankForm(locale)} errors={[]} options={options} />;
  });

  postPage(app, 'subscribe', '', 'public', async (locale, request, reply) => {
    privatePage(reply);
    const options = await subscriptionOptions(app.database.db, app.now());
    const form = readSubscriptionForm(request.body);
    const result = validateSubscriptionForm(locale, form, knownChoices(options), { withEmail: true });
    if (!result.ok) {
      reply.code(400);
      return <SubscribePage ctx={context(request, locale)} mode={{ kind: 'new' }} form={form} errors={result.errors} options={options} />;
    }
    // The same answer whatever happened, so that the form does not tell who subscribes.
    await requestSubscription(app.database.db, result.email, result.choices, app.now(), mailCtx());
    void app.outbox.dispatch();
    return reply.redirect(pagePath(locale, 'subscribe', 'lahetetty'), 303);
  });

  getPage(app, 'subscribe', '/lahetetty', 'public', async (locale, request, reply) => {
    privatePage(reply);
    const m = subscriptionMessages[locale];
    return (
      <MessagePage ctx={context(request, locale)} title={m.sentTitle} text={m.sentText}>
        <p>{m.sentHint}</p>
      </MessagePage>
    );
  });

  getPage(app, 'subscribe', '/vahvistettu', 'public', async (locale, request, reply) => {
    privatePage(reply);
    const m = subscriptionMessages[locale];
    return <MessagePage ctx={context(request, locale)} title={m.confirmedTitle} text={m.confirmedText} success />;
  });

  // Opening the link changes nothing: mail scanners follow links. The button posts.
  getPage(
    app,
    'subscribe',
    '/vahvista/:token',
    'public',
    async (locale, request, reply) => {
      privatePage(reply, true);
      const ctx = context(request, locale);
      const token = tokenOf(request);
      const link = await openConfirmLink(app.database.db, token, app.now());
      if (link.state !== 'valid') {
        reply.code(link.state === 'expired' ? 410 : 404);
        return <LinkGonePage ctx={ctx} expired={link.state === 'expired'} />;
      }
      const options = await subscriptionOptions(app.database.db, app.now());
      return <ConfirmPage ctx={ctx} token={token} email={link.subscription.email} choices={link.choices} options={options} />;
    },
    tokenParams,
  );

  postPage(
    app,
    'subscribe',
    '/vahvista/:token',
    'public',
    async (locale, request, reply) => {
      privatePage(reply, true);
      const state = await confirmSubscription(app.database.db, tokenOf(request), app.now());
      if (state !== 'valid') {
        reply.code(state === 'expired' ? 410 : 404);
        return <LinkGonePage ctx={context(request, locale)} expired={state === 'expired'} />;
      }
      return reply.redirect(pagePath(locale, 'subscribe', 'vahvistettu'), 303);
    },
    tokenParams,
  );

  /** The subscription behind an unsubscribe or change-choices link, or the page to show instead (a link gone, or one already unsubscribed). */
  async function openChangeLink(locale: Locale, request: FastifyRequest, reply: FastifyReply) {
    privatePage(reply, true);
    const ctx = context(request, locale);
    const token = tokenOf(request);
    const held = await openUnsubscribeLink(app.database.db, token);
    if (!held) {
      reply.code(404);
      return { open: false as const, page: <LinkGonePage ctx={ctx} expired={false} /> };
    }
    if (held.subscription.status === 'unsubscribed') return { open: false as const, page: <UnsubscribedPage ctx={ctx} /> };
    return { open: true as const, ctx, token, held, options: await subscriptionOptions(app.database.db, app.now()) };
  }

  getPage(
    app,
    'subscribe',
    '/peru/:token',
    'public',
    async (locale, request, reply) => {
      const link = await openChangeLink(locale, request, reply);
      if (!link.open) return link.page;
      const { ctx, token, held, options } = link;
      return <UnsubscribePage ctx={ctx} token={token} email={held.subscription.email} choices={held.choices} options={options} />;
    },
    tokenParams,
  );

  // Mail providers post here without a CSRF token (RFC 8058 one-click): the token in the address is the
  // capability, and unsubscribing is all the post can do. A signed-in browser's form carries the token as usual.
  postPage(
    app,
    'subscribe',
    '/peru/:token',
    'public',
    async (locale, request, reply) => {
      privatePage(reply, true);
      const token = tokenOf(request);
      const outcome = await unsubscribe(app.database.db, token, app.now());
      if (outcome === 'unknown') {
        reply.code(404);
        return <LinkGonePage ctx={context(request, locale)} expired={false} />;
      }
      if (formField(request.body, 'List-Unsubscribe') === 'One-Click') return <UnsubscribedPage ctx={context(request, locale)} />;
      return reply.redirect(pagePath(locale, 'subscribe', 'peru', token), 303);
    },
    { ...tokenParams, config: { csrfExemptWhenSignedOut: true } },
  );

  getPage(
    app,
    'subscribe',
    '/muuta/:token',
    'public',
    async (locale, request, reply) => {
      const link = await openChangeLink(locale, request, reply);
      if (!link.open) return link.page;
      const { ctx, token, held, options } = link;
      const saved = (request.query as Record<string, unknown>).saved === '1';
      const mode = { kind: 'change' as const, token, email: held.subscription.email, saved };
      return <SubscribePage ctx={ctx} mode={mode} form={formOf(held.subscription.email, held.choices)} errors={[]} options={options} />;
    },
    tokenParams,
  );

  postPage(
    app,
    'subscribe',
    '/muuta/:token',
    'public',
    async (locale, request, reply) => {
      const link = await openChangeLink(locale, request, reply);
      if (!link.open) return link.page;
      const { ctx, token, held, options } = link;
      const form = { ...readSubscriptionForm(request.body), email: held.subscription.email };
      const result = validateSubscriptionForm(locale, form, knownChoices(options), { withEmail: false });
      if (!result.ok) {
        reply.code(400);
        const mode = { kind: 'change' as const, token, email: held.subscription.email, saved: false };
        return <SubscribePage ctx={ctx} mode={mode} form={form} errors={result.errors} options={options} />;
      }
      if (!(await changeChoices(app.database.db, token, result.choices))) {
        reply.code(404);
        return <LinkGonePage ctx={ctx} expired={false} />;
      }
      return reply.redirect(`${pagePath(locale, 'subscribe', 'muuta', token)}?saved=1`, 303);
    },
    tokenParams,
  );
}
