import type { FastifyInstance } from 'fastify';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { OpenDataPage } from './views/open-data.page.js';

/** The open data page (public): what the datasets hold, their columns, and links to each file. */
export async function openDataPages(app: FastifyInstance) {
  getPage(app, 'openData', '', 'public', async (locale, request) => <OpenDataPage ctx={pageContext(request, locale, { current: 'openData' })} />);
}
