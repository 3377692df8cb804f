import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pagePath } from '../../http/page-paths.js';
import { sendPage } from '../../http/page-routes.js';
import { pageContext, requestLocale } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { constantTimeEqual } from '../../security/tokens.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import { authMessages } from './auth.messages.js';
import { setSessionCookie } from './auth.pages.js';
import { safeNextPath } from './auth.service.js';
import { OIDC_FLOW_MINUTES, finishOidcFlow, oidcDiscovery, startOidcFlow } from './oidc.service.js';
import { sessionCookieOptions } from './session.service.js';
import { deleteSession } from './sessions.repository.js';

/**
 * Binds a flow to the browser that started it: the callback must bring back the state in this
 * cookie as well as in the address, so a callback link planted in someone else's browser signs
 * nobody in there (login CSRF). The flow itself is in the database, so any instance can finish it.
 */
export const OIDC_STATE_COOKIE = 's3_oidc_state';

function text(query: unknown, name: string): string {
  const value = query !== null && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Single sign-on with the council's OpenID Connect provider; the routes exist only when it is configured. */
export async function oidcRoutes(app: FastifyInstance) {
  const oidc = app.config.oidc;
  if (!oidc) return;
  const provider = oidcDiscovery(app.config, oidc);
  const stateCookie = { ...sessionCookieOptions(app.config, OIDC_FLOW_MINUTES * 60), path: '/auth/oidc/' };

  app.get('/auth/oidc/start', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const lang = text(request.query, 'lang');
    const locale: Locale = isLocale(lang) ? lang : requestLocale(request);
    const next = safeNextPath(text(request.query, 'next'), '');
    let configuration;
    try {
      configuration = await provider();
    } catch (error) {
      request.log.error({ err: error }, 'OpenID Connect discovery failed');
      return failure(request, reply, locale, 'failed', 503);
    }
    const { url, state } = await startOidcFlow(app.database.db, configuration, app.config, { locale, next }, app.now());
    reply.setCookie(OIDC_STATE_COOKIE, state, stateCookie);
    reply.header('cache-control', 'no-store');
    return reply.redirect(url.href, 303);
  });

  app.get('/auth/oidc/callback', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const state = text(request.query, 'state');
    const remembered = request.cookies[OIDC_STATE_COOKIE] ?? '';
    reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
    reply.header('cache-control', 'no-store');
    let configuration;
    try {
      configuration = await provider();
    } catch (error) {
      request.log.error({ err: error }, 'OpenID Connect discovery failed');
      return failure(request, reply, requestLocale(request), 'failed', 503);
    }
    const result = await finishOidcFlow(
      app.database.db,
      configuration,
      app.config,
      {
        callbackUrl: new URL(request.url, app.config.baseUrl),
        // A state that is not also in this browser's cookie is treated as unknown (and still spent).
        state: remembered !== '' && constantTimeEqual(remembered, state) ? state : '',
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      },
      app.now(),
      (error) => request.log.warn({ err: error }, 'OpenID Connect callback rejected'),
    );
    if (!result.ok) return failure(request, reply, result.locale ?? requestLocale(request), result.reason, result.reason === 'no-account' ? 403 : 400);
    // A session this browser already had is ended, so only the new one is live.
    if (request.session) await deleteSession(app.database.db, request.session.idHash);
    setSessionCookie(reply, app.config, result.token);
    const { locale, next, step, user } = result;
    if (step === 'done') {
      const home = isLocale(user.locale) ? user.locale : locale;
      return reply.redirect(next || pagePath(home, 'account'), 303);
    }
    const target = pagePath(locale, step === 'second-factor' ? 'signInSecondFactor' : 'signInSetUpSecondFactor');
    return reply.redirect(next ? `${target}?next=${encodeURIComponent(next)}` : target, 303);
  });

  function failure(request: FastifyRequest, reply: FastifyReply, locale: Locale, reason: 'no-account' | 'failed', status: number) {
    const ctx = pageContext(request, locale, { current: 'signIn' });
    const m = authMessages[locale];
    reply.code(status).header('cache-control', 'no-store');
    return sendPage(
      reply,
      <Layout ctx={ctx} title={m.signInTitle}>
        <div class="narrow">
          <PageHeading title={m.signInTitle} />
          <div class="error-summary" role="alert" aria-labelledby="sso-problem">
            <p id="sso-problem">{reason === 'no-account' ? m.ssoNoAccount : m.ssoFailed}</p>
          </div>
          <p>
            <a class="button" href={pagePath(locale, 'signIn')}>
              {m.signInTitle}
            </a>
          </p>
        </div>
      </Layout>,
    );
  }
}
