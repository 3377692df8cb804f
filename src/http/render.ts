import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyRequest } from 'fastify';
import { isLocale, negotiateLocale, type Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages/index.js';
import type { PageContext } from '../views/page-context.js';
import { alternatePaths, type PageId } from './page-paths.js';

/** Renders a page component to a complete HTML document. Preact escapes every text and attribute. */
export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** The language of a request: the first path segment if it is one, else the Accept-Language choice. */
export function requestLocale(request: FastifyRequest): Locale {
  const first = request.url.split(/[/?#]/)[1];
  if (isLocale(first)) return first;
  const query = request.query as Record<string, unknown> | undefined;
  if (query && isLocale(query.lang)) return query.lang;
  return negotiateLocale(request.headers['accept-language']);
}

/** What the layout needs from a request: the language, the signed-in user and the CSRF token for the sign-out form. */
export function pageContext(
  request: FastifyRequest,
  locale: Locale,
  page: { current?: PageId; alternates?: Record<Locale, string> } = {},
): PageContext {
  const principal = request.principal;
  return {
    locale,
    t: messages(locale),
    ...(page.current ? { current: page.current } : {}),
    alternates: page.alternates ?? alternatePaths(page.current ?? 'home'),
    baseUrl: request.server.config.baseUrl,
    viewer: principal && principal.via === 'session' ? { name: principal.name, principal } : null,
    csrf: () => request.csrfToken(),
  };
}
