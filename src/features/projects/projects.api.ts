import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { ProblemSchema } from '../../http/schemas.js';
import { locales } from '../../i18n/locales.js';
import { cached } from '../calls/calls.api.js';
import { listRegions } from '../regions/regions.repository.js';
import { findPublicProject, type PublicProject } from './projects.public.repository.js';
import { ProjectIdSchema, ProjectListSchema, ProjectSchema, ProjectSearchQuerySchema, type ProjectDto, type ProjectListDto } from './projects.schema.js';
import { cursorFits, decodeCursor, searchProjects, type ProjectSummary } from './projects.search.js';

/**
 * The public project database in the API: the search with the page's parameters, keyset-paged, and
 * one project with everything public about it. Cached like the rest of the public API (a minute,
 * revalidated by ETag). Never a report narrative, an officer's comment, a contact person or a business secret.
 */

const notModified = Type.Null({ description: 'Not modified: the answer is the same as the one with the ETag sent in If-None-Match' });

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', `querystring ${field}: ${message}`, [{ field, message: `querystring ${field}: ${message}` }]);

const pageLinks = (baseUrl: string, id: number) =>
  Object.fromEntries(locales.map((l) => [l, `${baseUrl}${pagePath(l, 'projects', String(id))}`])) as ProjectDto['links']['page'];

export function presentSummary(p: ProjectSummary, baseUrl: string): ProjectListDto['items'][number] {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    leadOrganisation: p.leadOrganisation,
    regions: p.regionCodes,
    priority: p.priority,
    callId: p.callId,
    instrument: p.instrument as ProjectDto['instrument'],
    decisionYear: p.decisionYear,
    grantedCents: p.grantedCents,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    fundedAt: p.fundedAt,
    score: p.score,
    isDemo: p.isDemo,
    links: { self: `${baseUrl}/api/v1/projects/${p.id}`, page: pageLinks(baseUrl, p.id) },
  };
}

export function presentProject(found: PublicProject, baseUrl: string): ProjectDto {
  const p = found.project;
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    priority: p.priority ? { slug: p.priority.slug, name: p.priority.name } : null,
    call: { id: p.callId, reference: p.callReference, title: p.callTitle },
    instrument: p.instrument as ProjectDto['instrument'],
    startDate: p.startDate,
    endDate: p.endDate,
    decisionYear: p.decisionYear,
    status: p.status,
    fundedAt: p.fundedAt,
    completedAt: p.completedAt,
    grantedCents: p.grantedCents,
    partners: p.partners.map((x) => ({ organisationId: x.organisationId, name: x.name, businessId: x.businessId, region: x.regionCode, isLead: x.isLead })),
    funding: p.funding.map((f) => ({ regionCode: f.regionCode, grantedCents: f.grantedCents, decisionNumber: f.decisionNumber, decisionDate: f.decisionDate })),
    progress: found.progress,
    spending: found.spending,
    indicators: found.indicators,
    isDemo: p.isDemo,
    links: { self: `${baseUrl}/api/v1/projects/${p.id}`, page: pageLinks(baseUrl, p.id), call: `${baseUrl}/api/v1/calls/${p.callId}` },
  };
}

export const projectsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/projects',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'Search the funded projects: free text with Finnish, Swedish and English word forms, filters, keyset paging',
        description:
          'Without `q` every project matching the filters is listed, the latest funded first. With `q` a project must contain every word (in any inflected form) in its title, summary, partners’ names or priority name; the best matches come first (`score`: per word 3 for the title, 2 for the summary, 1 for the rest), ties by id, the newer first. The filters narrow either: `priority` by slug, `region` to projects with a partner in that region, `call`, `year` of the funding decision, `organisation` to projects it is a partner in, `status`. Pages are read with the opaque `nextCursor`: give it as `after` with the same other parameters; a cursor from another search is refused (400). `total` counts all matches. Amounts are in euro cents. Confidential information (report narratives, contact persons, business secrets) is never given.',
        querystring: ProjectSearchQuerySchema,
        response: { 200: ProjectListSchema, 304: notModified, 400: ProblemSchema },
      },
    },
    async (request, reply) => {
      const db = app.database.db;
      const { q, priority, region, call, year, organisation, status, limit, after } = request.query;
      if (region !== undefined && !(await listRegions(db)).some((r) => r.code === region)) throw invalid('region', `no region has the code ${region}`);
      if (priority !== undefined && !(await db.selectFrom('priorities').select('id').where('slug', '=', priority).executeTakeFirst())) {
        throw invalid('priority', `no priority has the slug ${priority}`);
      }
      const cursor = after === undefined ? undefined : decodeCursor(after);
      if (cursor === null || (cursor && !cursorFits(cursor, q))) throw invalid('after', 'not a cursor of this search; give the nextCursor of the previous page with the same q');
      const result = await searchProjects(db, { q, priority, region, call, year, organisation, status, limit, after: cursor });
      const base = app.config.baseUrl;
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ q, priority, region, call, year, organisation, status })) if (value !== undefined && value !== '') params.set(key, String(value));
      if (limit !== 20) params.set('limit', String(limit));
      const selfParams = new URLSearchParams(params);
      if (after) selfParams.set('after', after);
      const nextParams = new URLSearchParams(params);
      if (result.nextCursor) nextParams.set('after', result.nextCursor);
      const href = (p: URLSearchParams) => `${base}/api/v1/projects${p.size > 0 ? `?${p.toString()}` : ''}`;
      return cached(request, reply, {
        items: result.items.map((i) => presentSummary(i, base)),
        total: result.total,
        nextCursor: result.nextCursor,
        links: { self: href(selfParams), next: result.nextCursor ? href(nextParams) : null },
      } satisfies ProjectListDto);
    },
  );

  app.get(
    '/projects/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['projects'],
        summary: 'One funded project: partners, funding per council with decisions, progress of reporting, spending and indicators',
        description:
          'The public facts of a funded project: title, public summary, priority, call, dates and status; the partners with their regions; each council’s grant with its decision number and date; the reporting periods and where each report stands (late reports flagged); the spending to date and the indicator values of the latest accepted report against the project’s targets. Amounts are in euro cents, indicator values in hundredths of their unit. Report narratives, officers’ comments, contact persons and business secrets are never given.',
        params: Type.Object({ id: ProjectIdSchema }),
        response: { 200: ProjectSchema, 304: notModified, 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const found = await findPublicProject(app.database.db, request.params.id, app.now());
      if (!found) throw new AppError('PROJECT_NOT_FOUND', `No project has the identifier ${request.params.id}.`);
      return cached(request, reply, presentProject(found, app.config.baseUrl));
    },
  );
};
