import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { FastifyRequest } from 'fastify';
import { isLocale, locales, negotiateLocale, type Locale } from '../i18n/locales.js';
import { messages } from '../i18n/messages/index.js';
import type { PageContext } from '../views/page-context.js';
import { alternatePaths, matchPageRoute, pageSegments, type PageId } from './page-paths.js';

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

/**
 * The page a request was routed to, and its address in each language with the same parameters, so
 * that the language switch and hreflang links lead to the same page, not to its section's front page.
 */
function routedPage(request: FastifyRequest): { page: PageId; suffix: string; alternates: Record<Locale, string> } | null {
  const pattern = request.routeOptions?.url;
  const match = pattern ? matchPageRoute(pattern) : null;
  if (!match) return null;
  const params = (request.params ?? {}) as Record<string, string>;
  const suffix = match.suffix.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const alternates = Object.fromEntries(
    locales.map((l) => [l, `/${l}${pageSegments[match.page][l] ? `/${pageSegments[match.page][l]}` : ''}${suffix}`]),
  ) as Record<Locale, string>;
  return { page: match.page, suffix: match.suffix, alternates };
}

/** What the layout needs from a request: the language, the signed-in user and the CSRF token for the sign-out form. */
export function pageContext(
  request: FastifyRequest,
  locale: Locale,
  page: { current?: PageId; alternates?: Record<Locale, string> } = {},
): PageContext {
  const principal = request.principal;
  const routed = routedPage(request);
  return {
    locale,
    t: messages(locale),
    ...(page.current ? { current: page.current } : {}),
    ...(routed && routed.suffix === '' ? { exactPage: routed.page } : {}),
    alternates: page.alternates ?? routed?.alternates ?? alternatePaths(page.current ?? 'home'),
    baseUrl: request.server.config.baseUrl,
    viewer: principal && principal.via === 'session' ? { name: principal.name, principal } : null,
    csrf: () => request.csrfToken(),
  };
}
