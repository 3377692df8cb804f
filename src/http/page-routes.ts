import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { JSX } from 'preact';
import { locales, type Locale } from '../i18n/locales.js';
import type { Access } from './plugins/auth.js';
import { pageSegments, type PageId } from './page-paths.js';
import { renderDocument } from './render.js';

type PageHandler = (locale: Locale, request: FastifyRequest, reply: FastifyReply) => Promise<JSX.Element | FastifyReply>;

/** The route pattern of a page in a language, e.g. /sv/landskap/:slug. */
export function pageRoute(locale: Locale, page: PageId, suffix = ''): string {
  const segment = pageSegments[page][locale];
  return `/${locale}${segment ? `/${segment}` : ''}${suffix}`;
}

/** Sends a rendered page; pages for the public carry a short shared-cache lifetime. */
export function sendPage(reply: FastifyReply, page: JSX.Element): FastifyReply {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'public, max-age=60');
  return reply.type('text/html; charset=utf-8').send(renderDocument(page));
}

function register(
  app: FastifyInstance,
  method: 'GET' | 'POST',
  page: PageId,
  suffix: string,
  access: Access,
  handler: PageHandler,
  options: RouteShorthandOptions = {},
): void {
  for (const locale of locales) {
    app.route({
      method,
      url: pageRoute(locale, page, suffix),
      ...options,
      config: { ...(options.config ?? {}), access },
      schema: { hide: true, ...(options.schema ?? {}) },
      handler: async (request, reply) => {
        const result = await handler(locale, request, reply);
        return 'sent' in result ? result : sendPage(reply, result);
      },
    });
  }
}

/** Registers a page in every language under its localised address, open to those the access rule lets in. */
export function getPage(
  app: FastifyInstance,
  page: PageId,
  suffix: string,
  access: Access,
  handler: PageHandler,
  options?: RouteShorthandOptions,
) {
  register(app, 'GET', page, suffix, access, handler, options);
}

/** A form post: the access rule is checked first, then the CSRF token (see plugins/auth.ts). */
export function postPage(
  app: FastifyInstance,
  page: PageId,
  suffix: string,
  access: Access,
  handler: PageHandler,
  options?: RouteShorthandOptions,
) {
  register(app, 'POST', page, suffix, access, handler, options);
}
