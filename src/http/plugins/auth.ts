import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findApiTokenByHash, markApiTokenUsed } from '../../features/auth/api-tokens.repository.js';
import { loadPrincipal } from '../../features/auth/principal.service.js';
import { SESSION_COOKIE, resumeSession, sessionCookieOptions } from '../../features/auth/session.service.js';
import { findUserById } from '../../features/auth/users.repository.js';
import { policies, type PolicyName } from '../../policies/policies.js';
import { apiScopes, type ApiScope, type Principal } from '../../policies/principal.js';
import { constantTimeEqual, hmacBase64Url, randomToken, sha256Hex } from '../../security/tokens.js';
import { AppError } from '../errors.js';
import { pagePath } from '../page-paths.js';
import { requestLocale } from '../render.js';

/**
 * Who may call a route: anyone; someone between password and second factor; or a named policy of
 * src/policies/policies.ts. Every route declares one (an undeclared route fails at start-up), and
 * the role-matrix test walks them all.
 */
export type Access = 'public' | 'second-factor-pending' | PolicyName;

export interface SessionState {
  idHash: string;
  userId: number;
  mfaPending: boolean;
  method: 'password' | 'oidc';
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionState | null;
    /** A token for the hidden _csrf field of a form; issues the anonymous CSRF cookie when needed. */
    csrfToken(): string;
  }
  interface FastifyInstance {
    /** Every route with its access rule, as registered (for the role-matrix test and the docs). */
    routeTable: Array<{ method: string; url: string; access: Access }>;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Skip the CSRF check when nobody is signed in (sign-out: an expired session has nothing to protect). */
    csrfExemptWhenSignedOut?: boolean;
  }
}

export const CSRF_COOKIE = 's3_csrf';
export const CSRF_FIELD = '_csrf';
const csrfIssued = Symbol('csrfIssued');

/** Routes outside our feature code that need no declaration: static files and framework internals. */
const undeclaredPublic = [/^\/assets\//, /^\/favicon\.ico$/];

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : '';
}

function parseScopes(json: string): ApiScope[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s)) : [];
  } catch {
    return [];
  }
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  const { config } = app;

  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', function csrfToken(this: FastifyRequest) {
    const request = this as FastifyRequest & { [csrfIssued]?: string };
    if (request.session) return hmacBase64Url(config.secretKey, `session|${request.session.idHash}`);
    let anonymous = request.cookies[CSRF_COOKIE];
    if (!anonymous || anonymous.length < 20) {
      anonymous = request[csrfIssued] ?? randomToken();
      request[csrfIssued] = anonymous;
    }
    return hmacBase64Url(config.secretKey, `anonymous|${anonymous}`);
  });

  const routeTable: Array<{ method: string; url: string; access: Access }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url, access: route.config?.access ?? 'public' });
    }
    if (route.config?.access) return;
    if (undeclaredPublic.some((pattern) => pattern.test(url))) return;
    throw new Error(`Route ${String(route.method)} ${url} declares no access rule (config.access)`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const now = app.now();
    const bearer = bearerToken(request);
    if (bearer !== null) {
      const token = bearer ? await findApiTokenByHash(app.database.db, sha256Hex(bearer)) : undefined;
      const usable = token && token.revoked_at === null && Date.parse(token.expires_at) > now.getTime();
      const user = usable ? await findUserById(app.database.db, token.user_id) : undefined;
      if (!token || !usable || !user || user.status !== 'active') {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        throw new AppError('UNAUTHENTICATED', 'The API token is not valid, has expired or was revoked');
      }
      if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > 60_000) {
        await markApiTokenUsed(app.database.db, token.id, now);
      }
      request.principal = await loadPrincipal(app.database.db, user, 'token', parseScopes(token.scopes), now);
      return;
    }
    const cookieValue = request.cookies[SESSION_COOKIE];
    if (!cookieValue) return;
    const session = await resumeSession(app.database.db, cookieValue, now, config);
    const user = session ? await findUserById(app.database.db, session.user_id) : undefined;
    if (!session || !user || user.status !== 'active') {
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
      return;
    }
    request.session = { idHash: session.id_hash, userId: user.id, mfaPending: session.mfa_pending === 1, method: session.method };
    if (!request.session.mfaPending) request.principal = await loadPrincipal(app.database.db, user, 'session', null, now);
  });

  // Access is decided before the body is validated, so that nobody learns a route's input rules without the right to call it.
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'second-factor-pending') {
      if (!request.session?.mfaPending) return denied(request, reply, false);
    } else if (access !== 'public' && !(policies[access] as (p: Principal | null) => boolean)(request.principal)) {
      return denied(request, reply, request.principal !== null);
    }
    if (unsafeMethods.has(request.method) && request.url.startsWith('/api/') && request.principal?.via === 'session') {
      // The API takes no CSRF token, so changes through it need an API token, never a browser's cookie.
      throw new AppError('FORBIDDEN', 'Changes through the API need an API token (Authorization: Bearer)');
    }
  });

  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    const exempt = request.routeOptions.config.csrfExemptWhenSignedOut === true && !request.session;
    if (unsafeMethods.has(request.method) && !request.url.startsWith('/api/') && !exempt) verifyCsrf(request);
  });

  function denied(request: FastifyRequest, reply: FastifyReply, signedIn: boolean) {
    if (signedIn) throw new AppError('FORBIDDEN');
    const isPage = !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && request.method === 'GET') {
      const locale = requestLocale(request);
      return reply.redirect(`${pagePath(locale, 'signIn')}?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (request.url.startsWith('/api/')) reply.header('www-authenticate', 'Bearer');
    throw new AppError('UNAUTHENTICATED');
  }

  /** Form posts must carry the token of this session (or of the anonymous CSRF cookie) and come from this site. */
  function verifyCsrf(request: FastifyRequest) {
    const origin = request.headers.origin;
    if (origin && origin !== new URL(config.baseUrl).origin && origin !== 'null') throw new AppError('CSRF_FAILED', 'Cross-site form post');
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('CSRF_FAILED', 'Cross-site form post');
    const body = request.body as Record<string, unknown> | undefined;
    const sent = body && typeof body[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : '';
    const secret = request.session
      ? `session|${request.session.idHash}`
      : request.cookies[CSRF_COOKIE]
        ? `anonymous|${request.cookies[CSRF_COOKIE]}`
        : null;
    if (!secret || !sent || !constantTimeEqual(sent, hmacBase64Url(config.secretKey, secret))) {
      throw new AppError('CSRF_FAILED');
    }
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const issued = (request as FastifyRequest & { [csrfIssued]?: string })[csrfIssued];
    if (issued) reply.setCookie(CSRF_COOKIE, issued, sessionCookieOptions(config));
    if (issued || request.principal || request.session) {
      reply.header('cache-control', 'private, no-store');
      const vary = reply.getHeader('vary');
      reply.header('vary', vary ? `${String(vary)}, Cookie` : 'Cookie');
    }
    return payload;
  });
});
