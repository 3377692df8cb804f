import { sql } from 'kysely';
import type { Db, Dialect, Executor } from '../src/db/database.js';
import { businessIdCheckDigit } from '../src/domain/business-id.js';
import { words, wordKeys } from '../src/domain/search-terms.js';
import { regionMaskOf } from '../src/domain/region-mask.js';
import { FIELD_WEIGHTS } from '../src/features/projects/project-search.index.js';
import { prng } from './allocation-data.js';
import { orgKinds, places, summaryTemplates, titleTemplates, topics, type Topic } from './projects-vocabulary.js';

/**
 * A deterministic project database for the search and monitoring benchmark (bench/project-search.ts):
 * N funded applications as projects, as the decision service would have made them, written in bulk.
 *
 * - 20 calls over 2024–2027 (five a year, two of them AKKE, the rest ERDF), all three priorities of
 *   the strategy in force; each call decided by all seven councils on one of three days;
 * - ~5,000 organisations in the seven regions (weighted by size), of 14 kinds; a few are partners in
 *   hundreds of projects, most in a handful;
 * - 1–6 partners a project (mostly 2–4), grants log-uniform 20,000–400,000 € per partner, to the
 *   cent; project_funding per region, region_count, lead first;
 * - titles and summaries in Finnish (80 %), Swedish (12 %) or English (8 %) from 110 topics in
 *   inflected forms (bench/projects-vocabulary.ts), topics drawn with weights e^(−rank/25);
 * - the search keys computed in JS exactly as reindexProject does (documentKeys over title,
 *   summary, and priority names + partner names) and written in bulk;
 * - for ~20 % of the projects: 2–3 indicator targets, 1–3 reporting periods with accepted
 *   reports, spending per partner and indicator values; projects of 2024 calls 60 % completed.
 */

export const REGIONS = ['10', '11', '12', '16', '17', '18', '19'] as const;
const REGION_WEIGHTS = [0.11, 0.17, 0.13, 0.09, 0.25, 0.1, 0.15];
const YEARS = [2024, 2025, 2026, 2027] as const;
const CALLS_PER_YEAR = 5;
const AT = '2027-12-31T10:00:00.000Z';

export interface GenerationReport {
  projects: number;
  organisations: number;
  partners: number;
  fundingRows: number;
  searchTerms: number;
  reportingProjects: number;
  reports: number;
  milliseconds: number;
}

function pick<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let r = random() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/** Cumulative weights for fast weighted draws by binary search. */
function sampler<T>(items: readonly T[], weights: readonly number[]): (random: () => number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (random) => {
    const r = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

const topicOf = sampler(
  topics,
  topics.map((_, rank) => Math.exp(-rank / 25)),
);

function businessId(n: number): string {
  for (let k = n; ; k += 7919) {
    const digits = String(2_000_000 + k).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

/** Word keys are pure functions of the word, so they are computed once per distinct word (the vocabulary is small). */
const keyCache = new Map<string, string[]>();
function cachedWordKeys(word: string): string[] {
  let keys = keyCache.get(word);
  if (!keys) keyCache.set(word, (keys = wordKeys(word)));
  return keys;
}

/** documentKeys of src/domain/search-terms.ts with the word keys cached: the same keys and weights. */
export function cachedDocumentKeys(fields: readonly { text: string; weight: number }[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (const field of fields) {
    for (const word of words(field.text)) {
      for (const key of cachedWordKeys(word)) keys.set(key, Math.max(keys.get(key) ?? 0, field.weight));
    }
  }
  return keys;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('fi') + s.slice(1);

function distinctTopics(random: () => number, n: number): Topic[] {
  const chosen: Topic[] = [];
  while (chosen.length < n) {
    const topic = topicOf(random);
    if (!chosen.includes(topic)) chosen.push(topic);
  }
  return chosen;
}

function text(random: () => number): { title: string; summary: string } {
  const lang = pick(random, ['fi', 'sv', 'en'] as const, [0.8, 0.12, 0.08]);
  const titles = titleTemplates[lang] as ReadonlyArray<(...t: Topic[]) => string>;
  const title = capitalise(titles[Math.floor(random() * titles.length)]!(...distinctTopics(random, 4)));
  const sentences = summaryTemplates[lang] as ReadonlyArray<(...t: Topic[]) => string>;
  const count = 2 + Math.floor(random() * 3);
  const summary = sentences.slice(0, count).map((s) => s(...distinctTopics(random, 3))).join(' ');
  return { title, summary };
}

type Row = Record<string, unknown>;

/** Multi-row inserts, as many rows a statement as the dialect's parameter limit allows. */
async function insertRows(trx: Executor, dialect: Dialect, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const chunk = Math.max(1, Math.floor((dialect === 'sqlite' ? 32_000 : 60_000) / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table as 'projects')
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

async function nextId(db: Executor, table: string): Promise<number> {
  const row = await sql<{ m: number | null }>`SELECT MAX(id) AS m FROM ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.m ?? 0) + 1;
}

/** Generates and stores `count` projects; returns what it wrote and how long it took. */
export async function seedProjectData(db: Db, dialect: Dialect, count: number, seed = 20261129): Promise<GenerationReport> {
  const started = performance.now();
  const random = prng(seed);
  const strategy = await db.selectFrom('strategies').select('id').where('valid_to', 'is', null).orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
  const priorities = await db.selectFrom('priorities').select(['id', 'name_fi', 'name_sv', 'name_en']).where('strategy_id', '=', strategy.id).orderBy('sort_order').execute();
  const indicators = await db.selectFrom('indicators').select(['id', 'code']).where('computed', 'is', null).orderBy('sort_order').execute();

  // The search index takes about 90 keys a project, inserted in term order across a large B-tree:
  // a page cache big enough for it (this connection only) keeps the load from thrashing.
  if (dialect === 'sqlite') await sql`PRAGMA cache_size = -524288`.execute(db);
  const report: GenerationReport = { projects: 0, organisations: 0, partners: 0, fundingRows: 0, searchTerms: 0, reportingProjects: 0, reports: 0, milliseconds: 0 };
  await db.transaction().execute(async (trx) => {
    // Calls, their proposals and the councils' decisions.
    const calls: Array<{ id: number; year: number; instrument: 'erdf' | 'akke'; decisions: Record<string, number>; days: string[] }> = [];
    for (const year of YEARS) {
      for (let k = 1; k <= CALLS_PER_YEAR; k++) {
        const instrument = k === 2 || k === 4 ? ('akke' as const) : ('erdf' as const);
        const month = String(k * 2).padStart(2, '0');
        const call = await trx
          .insertInto('calls')
          .values({
            reference: `BENCH-${year}-${String(k).padStart(2, '0')}`,
            strategy_id: strategy.id,
            status: 'decided',
            instrument,
            title_fi: `Vertailuhaku ${year}/${k}`,
            title_sv: `Jämförelseutlysning ${year}/${k}`,
            title_en: `Benchmark call ${year}/${k}`,
            summary_fi: 'Yhteishaku ryhmähankkeille.',
            summary_sv: 'Gemensam utlysning för gruppprojekt.',
            summary_en: 'A joint call for group projects.',
            body_fi: '',
            body_sv: '',
            body_en: '',
            opens_at: `${year}-${month}-01T07:00:00.000Z`,
            closes_at: `${year}-${month}-20T13:15:00.000Z`,
            min_regions: 1,
            eligible_org_types: '[]',
            min_grant_cents: 0,
            max_grant_cents: 1_000_000_000,
            max_aid_rate_bp: 8000,
            max_duration_months: 36,
            lead_region_must_participate: 1,
            cost_model: 'flat_rate',
            flat_rate_bp: 4000,
            min_total_score: 0,
            contact_email: 'vertailu@example.org',
            published_at: `${year}-${month}-01T07:00:00.000Z`,
            review_started_at: `${year}-${month}-21T07:00:00.000Z`,
            decided_at: `${year}-${month}-28T10:00:00.000Z`,
            created_by: null,
            created_at: AT,
            updated_at: AT,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('call_priorities').values(priorities.map((p) => ({ call_id: call.id, priority_id: p.id }))).execute();
        await trx.insertInto('call_regions').values(REGIONS.map((r) => ({ call_id: call.id, region_code: r, budget_cents: 10_000_000_000 }))).execute();
        const proposal = await trx
          .insertInto('funding_proposals')
          .values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: `${year}-${month}-25T10:00:00.000Z` })
          .returning('id')
          .executeTakeFirstOrThrow();
        const decisions: Record<string, number> = {};
        const days = ['26', '27', '28'].map((d) => `${year}-${month}-${d}`);
        for (const [i, region] of REGIONS.entries()) {
          const row = await trx
            .insertInto('council_decisions')
            .values({
              call_id: call.id,
              proposal_id: proposal.id,
              region_code: region,
              decision_number: `${region}/${year}/${k}`,
              decision_date: days[i % 3]!,
              decision_maker: `Maakuntahallitus ${region}`,
              grounds: 'Perustelut.',
              recorded_by: null,
              recorded_at: `${days[i % 3]!}T10:00:00.000Z`,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          decisions[region] = row.id;
        }
        calls.push({ id: call.id, year, instrument, decisions, days });
      }
    }

    // Organisations: about 5,000, weighted by region.
    const orgCount = 5_000;
    const orgBase = await nextId(trx, 'organisations');
    const orgs: Array<{ id: number; name: string; region: string }> = [];
    const orgRows: Row[] = [];
    const names = new Set<string>();
    for (let i = 0; i < orgCount; i++) {
      const region = pick(random, REGIONS, REGION_WEIGHTS);
      const kind = orgKinds[Math.floor(random() * orgKinds.length)]!;
      let name = `${places[Math.floor(random() * places.length)]!}n ${kind.suffix}`;
      for (let n = 2; names.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
      names.add(name);
      const id = orgBase + i;
      orgs.push({ id, name, region });
      orgRows.push({ id, business_id: businessId(i), name, org_type: kind.type, region_code: region, created_at: AT, updated_at: AT });
    }
    await insertRows(trx, dialect, 'organisations', orgRows);
    report.organisations = orgCount;
    const orgsByRegion = new Map(REGIONS.map((r) => [r as string, orgs.filter((o) => o.region === r)]));
    // A few organisations take part in many projects: index = floor(n · u³).
    const orgIn = (region: string) => {
      const pool = orgsByRegion.get(region)!;
      return pool[Math.floor(pool.length * random() ** 3)]!;
    };

    let applicationId = await nextId(trx, 'applications');
    let applicationPartnerId = await nextId(trx, 'application_partners');
    let projectId = await nextId(trx, 'projects');
    let projectPartnerId = await nextId(trx, 'project_partners');
    let periodId = await nextId(trx, 'reporting_periods');
    let reportId = await nextId(trx, 'project_reports');

    const BATCH = 2_000;
    for (let start = 0; start < count; start += BATCH) {
      const rows: Record<string, Row[]> = {
        applications: [], application_partners: [], projects: [], project_partners: [], project_funding: [], project_search_terms: [],
        project_indicators: [], reporting_periods: [], project_reports: [], report_spending: [], report_indicator_values: [],
      };
      for (let n = start; n < Math.min(count, start + BATCH); n++) {
        const call = calls[Math.floor(random() * calls.length)]!;
        const priorityIndex = Math.floor(random() * priorities.length);
        const priority = priorities[priorityIndex]!;
        const partnerCount = pick(random, [1, 2, 3, 4, 5, 6], [0.05, 0.2, 0.35, 0.22, 0.12, 0.06]);
        const partners: Array<{ org: { id: number; name: string; region: string }; cents: number }> = [];
        const leadRegion = pick(random, REGIONS, REGION_WEIGHTS);
        while (partners.length < partnerCount) {
          // A region drawn by size; in 15 % of draws one already in the project (a second partner there).
          const region = partners.length === 0 ? leadRegion : random() < 0.15 ? partners[Math.floor(random() * partners.length)]!.org.region : pick(random, REGIONS, REGION_WEIGHTS);
          const org = orgIn(region);
          if (partners.some((p) => p.org.id === org.id)) continue;
          partners.push({ org, cents: Math.round(Math.exp(Math.log(2_000_000) + random() * Math.log(20))) });
        }
        const { title, summary } = text(random);
        const startYear = call.year + 1;
        const startMonth = 1 + Math.floor(random() * 6);
        const months = 18 + Math.floor(random() * 19);
        const startDate = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
        const endMonthIndex = startYear * 12 + startMonth - 1 + months - 1;
        const endYear = Math.floor(endMonthIndex / 12);
        const endMonth = (endMonthIndex % 12) + 1;
        const endDate = `${endYear}-${String(endMonth).padStart(2, '0')}-${endMonth === 2 ? '28' : ['04', '06', '09', '11'].includes(String(endMonth).padStart(2, '0')) ? '30' : '31'}`;
        const completed = call.year === 2024 ? random() < 0.6 : call.year === 2025 ? random() < 0.2 : false;
        const fundedAt = `${call.days[Math.floor(random() * 3)]!}T10:00:00.000Z`;
        const granted = partners.reduce((s, p) => s + p.cents, 0);
        const regions = [...new Set(partners.map((p) => p.org.region))].sort();

        rows.applications!.push({
          id: applicationId,
          call_id: call.id,
          lead_organisation_id: partners[0]!.org.id,
          status: 'submitted',
          title,
          summary,
          priority_id: priority.id,
          start_date: startDate,
          end_date: endDate,
          created_by: null,
          created_at: AT,
          updated_at: AT,
          updated_by: null,
          submitted_at: AT,
        });
        rows.projects!.push({
          id: projectId,
          application_id: applicationId,
          call_id: call.id,
          strategy_id: strategy.id,
          priority_id: priority.id,
          lead_organisation_id: partners[0]!.org.id,
          instrument: call.instrument,
          title,
          summary,
          start_date: startDate,
          end_date: endDate,
          decision_year: call.year,
          granted_cents: granted,
          region_count: regions.length,
          region_mask: regionMaskOf(regions),
          status: completed ? 'completed' : 'ongoing',
          funded_at: fundedAt,
          completed_at: completed ? `${endDate}T12:00:00.000Z` : null,
          updated_at: fundedAt,
        });
        const partnerIds: number[] = [];
        for (const [i, p] of partners.entries()) {
          rows.application_partners!.push({
            id: applicationPartnerId,
            application_id: applicationId,
            organisation_id: p.org.id,
            is_lead: i === 0 ? 1 : 0,
            region_code: p.org.region,
            unit: '',
            role_description: '',
            contact_name: '',
            contact_email: '',
            requested_cents: p.cents,
            own_funding_cents: Math.round(p.cents / 4),
            other_public_cents: 0,
            sort_order: i,
            created_at: AT,
            updated_at: AT,
            updated_by: null,
          });
          rows.project_partners!.push({
            id: projectPartnerId,
            project_id: projectId,
            application_partner_id: applicationPartnerId,
            organisation_id: p.org.id,
            region_code: p.org.region,
            is_lead: i === 0 ? 1 : 0,
            requested_cents: p.cents,
            sort_order: i,
          });
          partnerIds.push(projectPartnerId);
          applicationPartnerId++;
          projectPartnerId++;
        }
        for (const region of regions) {
          const cents = partners.filter((p) => p.org.region === region).reduce((s, p) => s + p.cents, 0);
          rows.project_funding!.push({ project_id: projectId, region_code: region, granted_cents: cents, decision_id: call.decisions[region]! });
        }
        const context = [priority.name_fi, priority.name_sv, priority.name_en, ...partners.map((p) => p.org.name)].join(' ');
        const keys = cachedDocumentKeys([
          { text: title, weight: FIELD_WEIGHTS.title },
          { text: summary, weight: FIELD_WEIGHTS.summary },
          { text: context, weight: FIELD_WEIGHTS.context },
        ]);
        for (const [term, weight] of keys) rows.project_search_terms!.push({ term, project_id: projectId, weight });

        if (random() < 0.2) {
          report.reportingProjects++;
          const chosen = new Set<number>();
          const targetCount = 2 + Math.floor(random() * 2);
          while (chosen.size < targetCount) chosen.add(indicators[Math.floor(random() * indicators.length)]!.id);
          const targets = [...chosen].map((id) => ({ id, target: (1 + Math.floor(random() * 40)) * 100 }));
          for (const x of targets) rows.project_indicators!.push({ project_id: projectId, indicator_id: x.id, target_hundredths: x.target });
          const periods = completed ? 3 : 1 + Math.floor(random() * 3);
          for (let k = 0; k < periods; k++) {
            const periodYear = startYear + k;
            const final = completed && k === periods - 1;
            rows.reporting_periods!.push({
              id: periodId,
              project_id: projectId,
              kind: final ? 'final' : 'progress',
              period_start: `${periodYear}-01-01`,
              period_end: final ? endDate : `${periodYear}-12-31`,
              due_date: `${periodYear + 1}-01-31`,
              created_by: null,
              created_at: fundedAt,
            });
            const accepted = random() < 0.9;
            rows.project_reports!.push({
              id: reportId,
              period_id: periodId,
              project_id: projectId,
              status: accepted ? 'accepted' : 'submitted',
              narrative: 'Hanke on edennyt suunnitelman mukaan.',
              updated_by: null,
              updated_at: `${periodYear + 1}-01-20T10:00:00.000Z`,
              submitted_by: null,
              submitted_at: `${periodYear + 1}-01-20T10:00:00.000Z`,
              first_submitted_at: `${periodYear + 1}-01-20T10:00:00.000Z`,
              reviewed_by: null,
              reviewed_at: accepted ? `${periodYear + 1}-02-05T10:00:00.000Z` : null,
              review_comment: null,
            });
            const share = (k + 1) / periods;
            for (const [i, id] of partnerIds.entries()) rows.report_spending!.push({ report_id: reportId, project_partner_id: id, spent_cents: Math.round(partners[i]!.cents * 1.25 * share * 0.9) });
            for (const x of targets) rows.report_indicator_values!.push({ report_id: reportId, indicator_id: x.id, value_hundredths: Math.round(x.target * share * (0.6 + random() * 0.6)) });
            report.reports++;
            periodId++;
            reportId++;
          }
        }
        applicationId++;
        projectId++;
      }
      for (const table of Object.keys(rows)) await insertRows(trx, dialect, table, rows[table]!);
      report.projects += rows.projects!.length;
      report.partners += rows.project_partners!.length;
      report.fundingRows += rows.project_funding!.length;
      report.searchTerms += rows.project_search_terms!.length;
    }

    if (dialect === 'postgres') {
      // Explicit ids were written: move each identity on past them.
      for (const table of ['organisations', 'applications', 'application_partners', 'projects', 'project_partners', 'reporting_periods', 'project_reports']) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT MAX(id) FROM ${sql.table(table)}))`.execute(trx);
      }
    }
  });
  report.milliseconds = performance.now() - started;
  return report;
}
