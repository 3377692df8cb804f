import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ProjectStatus } from '../../db/schema.js';
import { queryKeys } from '../../domain/search-terms.js';
import type { Localised } from '../../i18n/locales.js';

/**
 * Search of the public project database. A query is cut into words and each word into its keys
 * (src/domain/search-terms.ts, the same code that indexed the projects); a project matches when it
 * has a key of every word, and scores the sum over the words of the weight of the best field the
 * word occurs in (title 3, summary 2, partners and priority 1). Scores are integers summed in SQL
 * and ties are broken by id, so both databases give the same results in the same order.
 *
 * Pages are read by keyset: the cursor carries the (score, id) or (funded_at, id) of the last row
 * given, never an offset, so a page deep in the list costs what the first does.
 */

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 100;
/** Query words beyond this are ignored. */
export const SEARCH_MAX_WORDS = 8;

export interface ProjectSearchParams {
  q?: string | undefined;
  /** Priority slug. */
  priority?: string | undefined;
  /** Region code: any partner in that region. */
  region?: string | undefined;
  call?: number | undefined;
  year?: number | undefined;
  /** Organisation id: any partner. */
  organisation?: number | undefined;
  status?: ProjectStatus | undefined;
  limit?: number | undefined;
  after?: SearchCursor | undefined;
}

/** Where the previous page ended: by score with a query, by funding time without. */
export type SearchCursor = { by: 'score'; score: number; id: number } | { by: 'funded'; fundedAt: string; id: number };

export function encodeCursor(cursor: SearchCursor): string {
  const body = cursor.by === 'score' ? ['s', cursor.score, cursor.id] : ['f', cursor.fundedAt, cursor.id];
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 2_147_483_647;

/** The cursor of a page link, or null when the text is not one this search made. */
export function decodeCursor(text: string): SearchCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(body) || body.length !== 3 || !isId(body[2])) return null;
  const [kind, value, id] = body as [unknown, unknown, number];
  if (kind === 's' && Number.isSafeInteger(value) && (value as number) >= 0) return { by: 'score', score: value as number, id };
  if (kind === 'f' && typeof value === 'string' && isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return { by: 'funded', fundedAt: value, id };
  return null;
}

export interface ProjectSummary {
  id: number;
  title: string;
  summary: string;
  leadOrganisation: { id: number; name: string };
  /** The partners' regions, without repeats, in code order. */
  regionCodes: string[];
  priority: { slug: string; name: Localised } | null;
  callId: number;
  instrument: string;
  decisionYear: number;
  grantedCents: number;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  fundedAt: string;
  isDemo: boolean;
  /** The search score; null without a query. */
  score: number | null;
}

export interface ProjectSearchResult {
  items: ProjectSummary[];
  /** The cursor of the next page; null on the last one. */
  nextCursor: string | null;
  /** Matching projects in all. */
  total: number;
  /** The query had words to search with (otherwise the list is every project, newest first). */
  searched: boolean;
}

/** Whether the cursor suits the query: a score cursor needs query words, a funding-time cursor none. */
export function cursorFits(cursor: SearchCursor, q: string | undefined): boolean {
  return (cursor.by === 'score') === (queryKeys(q ?? '', SEARCH_MAX_WORDS).length > 0);
}

/**
 * The projects matching every word of the query (given as the set of keys of each word), with their
 * score: one pass over the index rows of all the keys, grouped by project; a project is kept when
 * each word has a key among its rows, and scores the sum of each word's best weight. Gives rows
 * (project_id, score); the score is an integer on both databases.
 */
export function matchingProjects(keys: readonly string[][]): RawBuilder<{ project_id: number; score: number }> {
  const all = [...new Set(keys.flat())];
  const best = (k: readonly string[]) => sql`MAX(CASE WHEN term IN (${sql.join(k)}) THEN weight ELSE 0 END)`;
  return sql<{ project_id: number; score: number }>`SELECT project_id, ${sql.join(keys.map(best), sql` + `)} AS score
    FROM project_search_terms WHERE term IN (${sql.join(all)})
    GROUP BY project_id
    HAVING ${sql.join(keys.map((k) => sql`${best(k)} > 0`), sql` AND `)}`;
}

function filterConditions(params: ProjectSearchParams): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (params.priority !== undefined) conditions.push(sql`p.priority_id IN (SELECT id FROM priorities WHERE slug = ${params.priority})`);
  if (params.region !== undefined) conditions.push(sql`p.id IN (SELECT project_id FROM project_partners WHERE region_code = ${params.region})`);
  if (params.call !== undefined) conditions.push(sql`p.call_id = ${params.call}`);
  if (params.year !== undefined) conditions.push(sql`p.decision_year = ${params.year}`);
  if (params.organisation !== undefined) conditions.push(sql`p.id IN (SELECT project_id FROM project_partners WHERE organisation_id = ${params.organisation})`);
  if (params.status !== undefined) conditions.push(sql`p.status = ${params.status}`);
  return conditions;
}

const whereAll = (conditions: RawBuilder<unknown>[]) => (conditions.length === 0 ? sql`` : sql`WHERE ${sql.join(conditions, sql` AND `)}`);

export async function searchProjects(db: Executor, params: ProjectSearchParams): Promise<ProjectSearchResult> {
  const limit = Math.min(Math.max(1, Math.trunc(params.limit ?? SEARCH_DEFAULT_LIMIT)), SEARCH_MAX_LIMIT);
  const keys = queryKeys(params.q ?? '', SEARCH_MAX_WORDS);
  const filters = filterConditions(params);
  const after = params.after;

  let rows: Array<{ id: number; score: number | null; funded_at: string }>;
  let total: number;
  if (keys.length > 0) {
    // One pass computes the page and, by a window, the count of all matches.
    const keyset = after?.by === 'score' ? sql`WHERE (c.score < ${after.score} OR (c.score = ${after.score} AND c.id < ${after.id}))` : sql``;
    const matched = sql`SELECT p.id AS id, m.score AS score, p.funded_at AS funded_at FROM (${matchingProjects(keys)}) m JOIN projects p ON p.id = m.project_id ${whereAll(filters)}`;
    const page = await sql<{ id: number; score: number; funded_at: string; total: number }>`SELECT c.id, c.score, c.funded_at, c.total
      FROM (SELECT x.id, x.score, x.funded_at, COUNT(*) OVER () AS total FROM (${matched}) x) c
      ${keyset} ORDER BY c.score DESC, c.id DESC LIMIT ${limit + 1}`.execute(db);
    rows = page.rows.map((r) => ({ id: r.id, funded_at: r.funded_at, score: Number(r.score) }));
    total =
      page.rows.length > 0
        ? Number(page.rows[0]!.total)
        : Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM (${matched}) x`.execute(db)).rows[0]?.n ?? 0);
  } else {
    const keyset =
      after?.by === 'funded' ? [sql`(p.funded_at < ${after.fundedAt} OR (p.funded_at = ${after.fundedAt} AND p.id < ${after.id}))`] : [];
    const [page, count] = await Promise.all([
      sql<{ id: number; funded_at: string }>`SELECT p.id, p.funded_at FROM projects p ${whereAll([...filters, ...keyset])} ORDER BY p.funded_at DESC, p.id DESC LIMIT ${limit + 1}`.execute(db),
      sql<{ n: number }>`SELECT COUNT(*) AS n FROM projects p ${whereAll(filters)}`.execute(db),
    ]);
    rows = page.rows.map((r) => ({ ...r, score: null }));
    total = Number(count.rows[0]?.n ?? 0);
  }

  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const nextCursor =
    more && last
      ? encodeCursor(keys.length > 0 ? { by: 'score', score: last.score ?? 0, id: last.id } : { by: 'funded', fundedAt: normaliseInstant(last.funded_at), id: last.id })
      : null;
  const summaries = await projectSummaries(db, shown.map((r) => r.id));
  const items = shown.map((r) => ({ ...summaries.get(r.id)!, score: r.score }));
  return { items, nextCursor, total, searched: keys.length > 0 };
}

/** Times come back as ISO strings on both databases (src/db/database.ts); a raw query on PostgreSQL may give a Date. */
function normaliseInstant(value: string | Date): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

/** The list facts of the given projects: lead organisation, regions, priority, amounts. */
export async function projectSummaries(db: Executor, ids: readonly number[]): Promise<Map<number, Omit<ProjectSummary, 'score'>>> {
  if (ids.length === 0) return new Map();
  const [projects, regions] = await Promise.all([
    db
      .selectFrom('projects')
      .innerJoin('organisations', 'organisations.id', 'projects.lead_organisation_id')
      .leftJoin('priorities', 'priorities.id', 'projects.priority_id')
      .select([
        'projects.id',
        'projects.title',
        'projects.summary',
        'projects.lead_organisation_id',
        'organisations.name as lead_name',
        'priorities.slug as priority_slug',
        'priorities.name_fi as priority_fi',
        'priorities.name_sv as priority_sv',
        'priorities.name_en as priority_en',
        'projects.call_id',
        'projects.instrument',
        'projects.decision_year',
        'projects.granted_cents',
        'projects.status',
        'projects.start_date',
        'projects.end_date',
        'projects.funded_at',
        'projects.is_demo',
      ])
      .where('projects.id', 'in', [...ids])
      .execute(),
    db.selectFrom('project_partners').select(['project_id', 'region_code']).distinct().where('project_id', 'in', [...ids]).orderBy('project_id').orderBy('region_code').execute(),
  ]);
  const regionsOf = new Map<number, string[]>();
  for (const r of regions) regionsOf.set(r.project_id, [...(regionsOf.get(r.project_id) ?? []), r.region_code]);
  return new Map(
    projects.map((p) => [
      p.id,
      {
        id: p.id,
        title: p.title,
        summary: p.summary,
        leadOrganisation: { id: p.lead_organisation_id, name: p.lead_name },
        regionCodes: regionsOf.get(p.id) ?? [],
        priority: p.priority_slug !== null ? { slug: p.priority_slug, name: { fi: p.priority_fi ?? '', sv: p.priority_sv ?? '', en: p.priority_en ?? '' } } : null,
        callId: p.call_id,
        instrument: p.instrument,
        decisionYear: p.decision_year,
        grantedCents: Number(p.granted_cents),
        status: p.status,
        startDate: p.start_date,
        endDate: p.end_date,
        fundedAt: p.funded_at,
        isDemo: p.is_demo === 1,
      },
    ]),
  );
}

export const PARTNER_SEARCH_LIMIT = 50;
/** Project titles shown per organisation. */
export const PARTNER_PROJECT_TITLES = 3;

export interface PartnerSearchParams {
  q: string;
  /** The searcher's own region: its organisations are left out. */
  excludeRegion?: string | undefined;
  /** Only organisations of this region. */
  region?: string | undefined;
  limit?: number | undefined;
}

export interface PartnerMatch {
  organisationId: number;
  name: string;
  /** The organisation's home region. */
  regionCode: string;
  /** Matching projects it took part in. */
  projectCount: number;
  /** Its best-matching projects, best first. */
  projects: Array<{ id: number; title: string }>;
}

export interface PartnerSearchResult {
  searched: boolean;
  /** Organisations found in all (the list shows the first `limit`). */
  total: number;
  organisations: PartnerMatch[];
}

const nameOrder = new Intl.Collator('fi', { sensitivity: 'variant' });

/**
 * Organisations that were partners in projects matching the query, to find partners from other
 * regions for a consortium: per organisation the number of matching projects and a few of their
 * titles; most projects first, then by name (compared in the application, so both databases agree).
 */
export async function partnerSearch(db: Executor, params: PartnerSearchParams): Promise<PartnerSearchResult> {
  const keys = queryKeys(params.q, SEARCH_MAX_WORDS);
  if (keys.length === 0) return { searched: false, total: 0, organisations: [] };
  const limit = Math.min(Math.max(1, params.limit ?? PARTNER_SEARCH_LIMIT), SEARCH_MAX_LIMIT);
  const conditions: RawBuilder<unknown>[] = [];
  if (params.excludeRegion !== undefined) conditions.push(sql`o.region_code <> ${params.excludeRegion}`);
  if (params.region !== undefined) conditions.push(sql`o.region_code = ${params.region}`);
  const matched = sql`SELECT project_id AS id, score FROM (${matchingProjects(keys)}) mp`;
  const groups = await sql<{ id: number; name: string; region_code: string; n: number }>`
    SELECT o.id, o.name, o.region_code, COUNT(DISTINCT m.id) AS n
    FROM (${matched}) m
    JOIN project_partners pp ON pp.project_id = m.id
    JOIN organisations o ON o.id = pp.organisation_id
    ${whereAll(conditions)}
    GROUP BY o.id, o.name, o.region_code`.execute(db);
  const sorted = groups.rows
    .map((g) => ({ organisationId: g.id, name: g.name, regionCode: g.region_code, projectCount: Number(g.n) }))
    .sort((a, b) => b.projectCount - a.projectCount || nameOrder.compare(a.name, b.name) || a.organisationId - b.organisationId)
    .slice(0, limit);
  if (sorted.length === 0) return { searched: true, total: 0, organisations: [] };
  const projects = await sql<{ organisation_id: number; id: number; title: string }>`
    SELECT DISTINCT pp.organisation_id, p.id, p.title, m.score
    FROM (${matched}) m
    JOIN project_partners pp ON pp.project_id = m.id
    JOIN projects p ON p.id = m.id
    WHERE pp.organisation_id IN (${sql.join(sorted.map((o) => o.organisationId))})
    ORDER BY pp.organisation_id, m.score DESC, p.id DESC`.execute(db);
  const titles = new Map<number, Array<{ id: number; title: string }>>();
  for (const row of projects.rows) {
    const list = titles.get(row.organisation_id) ?? [];
    if (list.length < PARTNER_PROJECT_TITLES) list.push({ id: row.id, title: row.title });
    titles.set(row.organisation_id, list);
  }
  return {
    searched: true,
    total: groups.rows.length,
    organisations: sorted.map((o) => ({ ...o, projects: titles.get(o.organisationId) ?? [] })),
  };
}
