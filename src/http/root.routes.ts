import type { FastifyInstance } from 'fastify';
import { negotiateLocale } from '../i18n/locales.js';
import { pagePath } from './page-paths.js';

/** The bare address picks a language from Accept-Language; every page lives under /fi, /sv or /en. */
export async function rootRoutes(app: FastifyInstance) {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language']);
    return reply.header('vary', 'Accept-Language').header('cache-control', 'no-cache').redirect(pagePath(locale, 'home'), 302);
  });
}
