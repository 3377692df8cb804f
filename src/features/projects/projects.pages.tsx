import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { projectStatuses, type ProjectStatus } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { findPublicProject, listSearchChoices, organisationName, type SearchChoices } from './projects.public.repository.js';
import { ProjectIdSchema } from './projects.schema.js';
import { cursorFits, decodeCursor, searchProjects, type ProjectSearchParams } from './projects.search.js';
import { ProjectPage } from './views/projects-detail.js';
import { ProjectSearchPage, type ProjectSearchForm } from './views/projects-search.js';

/** Results on one page of the search. */
export const PROJECTS_PER_PAGE = 20;
/** Longest query read; the rest is cut. */
export const MAX_QUERY_LENGTH = 200;

/** The first value of a query parameter given once or many times; anything else counts as absent. */
export function firstValue(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
}

/**
 * The search read leniently from the address: a value that is not one of the choices is left out
 * (and the page says so), so a stale or hand-edited link still shows projects, never an error.
 */
export function readProjectSearch(
  query: unknown,
  choices: { priorities: readonly { slug: string }[]; regions: readonly Region[] },
): { params: ProjectSearchParams; form: ProjectSearchForm; ignored: boolean } {
  const raw = (query ?? {}) as Record<string, unknown>;
  let ignored = false;
  const text = (name: string) => {
    const v = firstValue(raw[name]);
    return v === undefined || v === '' ? undefined : v;
  };
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    ignored = true;
    return undefined;
  };
  const integer = (name: string, pattern: RegExp): number | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    if (pattern.test(v) && Number(v) <= 2_147_483_647) return Number(v);
    ignored = true;
    return undefined;
  };
  const q = text('q')?.slice(0, MAX_QUERY_LENGTH);
  const priority = pick('priority', choices.priorities.map((p) => p.slug));
  const region = pick('region', choices.regions.map((r) => r.code));
  const call = integer('call', /^[1-9][0-9]{0,9}$/);
  const year = integer('year', /^(?:19|20|21)[0-9]{2}$/);
  const organisation = integer('organisation', /^[1-9][0-9]{0,9}$/);
  const status = pick<ProjectStatus>('status', projectStatuses);
  const afterText = text('after');
  let after = afterText === undefined ? undefined : (decodeCursor(afterText) ?? undefined);
  if (after && !cursorFits(after, q)) after = undefined;
  if (afterText !== undefined && !after) ignored = true;
  return {
    params: { q, priority, region, call, year, organisation, status, after, limit: PROJECTS_PER_PAGE },
    form: {
      q: q ?? '',
      priority: priority ?? '',
      region: region ?? '',
      call: call === undefined ? '' : String(call),
      year: year === undefined ? '' : String(year),
      organisation: organisation === undefined ? '' : String(organisation),
      status: status ?? '',
    },
    ignored,
  };
}

/** The address of the search with these values, and a cursor for a later page. */
export function searchHref(locale: Locale, form: Partial<ProjectSearchForm>, after?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
  if (after) params.set('after', after);
  const query = params.toString();
  return `${pagePath(locale, 'projects')}${query ? `?${query}` : ''}`;
}

export async function projectsPages(app: FastifyInstance) {
  const db = () => app.database.db;

  getPage(app, 'projects', '', 'public', async (locale, request) => {
    const [choices, regions] = await Promise.all([listSearchChoices(db()), listRegions(db())]);
    const { params, form, ignored } = readProjectSearch(request.query, { priorities: choices.priorities, regions });
    const result = await searchProjects(db(), params);
    // An organisation chosen by a link is shown even when the form does not list them all.
    const withChosen: SearchChoices =
      choices.organisations === null && params.organisation !== undefined
        ? { ...choices, organisations: [{ id: params.organisation, name: (await organisationName(db(), params.organisation)) ?? form.organisation }] }
        : choices;
    const ctx = pageContext(request, locale, { current: 'projects' });
    return (
      <ProjectSearchPage
        ctx={ctx}
        form={form}
        ignored={ignored}
        choices={withChosen}
        regions={regions}
        result={result}
        first={params.after ? searchHref(locale, form) : undefined}
        next={result.nextCursor ? searchHref(locale, form, result.nextCursor) : undefined}
      />
    );
  });

  getPage(
    app,
    'projects',
    '/:id',
    'public',
    async (locale, request) => {
      const { id } = request.params as { id: number };
      const found = await findPublicProject(db(), id, app.now());
      if (!found) throw new AppError('PROJECT_NOT_FOUND');
      const ctx = pageContext(request, locale, { current: 'projects', alternates: alternatePaths('projects', String(id)) });
      return <ProjectPage ctx={ctx} found={found} regions={await listRegions(db())} />;
    },
    { schema: { params: Type.Object({ id: ProjectIdSchema }) } },
  );
}
