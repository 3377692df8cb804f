import type { FastifyInstance } from 'fastify';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { listRegions } from '../regions/regions.repository.js';
import { firstValue, MAX_QUERY_LENGTH } from './projects.pages.js';
import { partnerSearch } from './projects.search.js';
import { PartnerSearchPage } from './views/projects-partner-search.js';

/**
 * Partner search (public): organisations from other regions that have carried out projects on a
 * topic, to help form cross-regional consortia. A plain GET form; an unknown region is ignored.
 */
export async function partnerSearchPages(app: FastifyInstance) {
  getPage(app, 'partnerSearch', '', 'public', async (locale, request) => {
    const db = app.database.db;
    const regions = await listRegions(db);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const q = (firstValue(query.q) ?? '').slice(0, MAX_QUERY_LENGTH);
    const regionText = firstValue(query.region) ?? '';
    const region = regions.some((r) => r.code === regionText) ? regionText : '';
    const result = await partnerSearch(db, { q, excludeRegion: region || undefined });
    const ctx = pageContext(request, locale, { current: 'partnerSearch' });
    return <PartnerSearchPage ctx={ctx} form={{ q, region }} ignored={regionText !== '' && region === ''} regions={regions} result={result} />;
  });
}
