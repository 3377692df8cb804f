import type { Executor } from '../../db/database.js';
import { pagePath, type PageId } from '../../http/page-paths.js';
import { locales, type Locale, type Localised } from '../../i18n/locales.js';

/**
 * What an event is about, in public terms only (DESIGN.md, "Publicity"): the data that webhook
 * bodies and subscribers' e-mail carry. Loaded when an event is fanned out, in its transaction.
 */

export interface CallSubject {
  id: number;
  reference: string;
  instrument: string;
  title: Localised;
  summary: Localised;
  opensAt: string;
  closesAt: string;
  publishedAt: string | null;
  /** The councils taking part, each with its budget. */
  budgets: Array<{ regionCode: string; budgetCents: number }>;
  regionCodes: string[];
  prioritySlugs: string[];
  url: Localised;
}

export interface NewsSubject {
  id: number;
  /** Only the languages the item is written in. */
  title: Partial<Record<Locale, string>>;
  summary: Partial<Record<Locale, string>>;
  publishedAt: string | null;
  callId: number | null;
  /** Empty: the item concerns every council. */
  regionCodes: string[];
  prioritySlugs: string[];
  url: Localised;
}

export interface DecisionSubject {
  decisionId: number;
  callId: number;
  callReference: string;
  callTitle: Localised;
  regionCode: string;
  councilName: Localised;
  number: string;
  /** YYYY-MM-DD in Helsinki. */
  date: string;
  /** Applications this council funds in the decision, and what it grants them in all. */
  fundedCount: number;
  grantedCents: number;
  url: Localised;
}

function urls(baseUrl: string, page: PageId, ...rest: string[]): Localised {
  const base = baseUrl.replace(/\/$/, '');
  return Object.fromEntries(locales.map((l) => [l, `${base}${pagePath(l, page, ...rest)}`])) as Localised;
}

export async function loadCallSubject(db: Executor, callId: number, baseUrl: string): Promise<CallSubject | undefined> {
  const call = await db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  if (!call || call.status === 'draft') return undefined;
  const [budgets, priorities] = await Promise.all([
    db
      .selectFrom('call_regions')
      .innerJoin('regions', 'regions.code', 'call_regions.region_code')
      .select(['call_regions.region_code', 'call_regions.budget_cents'])
      .where('call_id', '=', callId)
      .orderBy('regions.sort_order')
      .execute(),
    db
      .selectFrom('call_priorities')
      .innerJoin('priorities', 'priorities.id', 'call_priorities.priority_id')
      .select('priorities.slug')
      .where('call_id', '=', callId)
      .orderBy('priorities.sort_order')
      .execute(),
  ]);
  return {
    id: call.id,
    reference: call.reference,
    instrument: call.instrument,
    title: { fi: call.title_fi, sv: call.title_sv, en: call.title_en },
    summary: { fi: call.summary_fi, sv: call.summary_sv, en: call.summary_en },
    opensAt: call.opens_at,
    closesAt: call.closes_at,
    publishedAt: call.published_at,
    budgets: budgets.map((b) => ({ regionCode: b.region_code, budgetCents: Number(b.budget_cents) })),
    regionCodes: budgets.map((b) => b.region_code),
    prioritySlugs: priorities.map((p) => p.slug),
    url: urls(baseUrl, 'calls', String(call.id)),
  };
}

export async function loadNewsSubject(db: Executor, newsId: number, baseUrl: string): Promise<NewsSubject | undefined> {
  const item = await db.selectFrom('news_items').selectAll().where('id', '=', newsId).executeTakeFirst();
  if (!item || item.status !== 'published') return undefined;
  const [texts, regions, priorities] = await Promise.all([
    db.selectFrom('news_texts').select(['locale', 'title', 'summary']).where('news_id', '=', newsId).execute(),
    db
      .selectFrom('news_regions')
      .innerJoin('regions', 'regions.code', 'news_regions.region_code')
      .select('news_regions.region_code')
      .where('news_id', '=', newsId)
      .orderBy('regions.sort_order')
      .execute(),
    db
      .selectFrom('news_priorities')
      .innerJoin('priorities', 'priorities.id', 'news_priorities.priority_id')
      .select('priorities.slug')
      .where('news_id', '=', newsId)
      .orderBy('priorities.sort_order')
      .execute(),
  ]);
  const title: Partial<Record<Locale, string>> = {};
  const summary: Partial<Record<Locale, string>> = {};
  for (const t of texts) {
    if (!(locales as readonly string[]).includes(t.locale)) continue;
    title[t.locale as Locale] = t.title;
    summary[t.locale as Locale] = t.summary;
  }
  return {
    id: item.id,
    title,
    summary,
    publishedAt: item.published_at,
    callId: item.call_id,
    regionCodes: regions.map((r) => r.region_code),
    prioritySlugs: priorities.map((p) => p.slug),
    url: urls(baseUrl, 'news', String(item.id)),
  };
}

export async function loadDecisionSubject(db: Executor, decisionId: number, baseUrl: string): Promise<DecisionSubject | undefined> {
  const row = await db
    .selectFrom('council_decisions')
    .innerJoin('calls', 'calls.id', 'council_decisions.call_id')
    .innerJoin('regions', 'regions.code', 'council_decisions.region_code')
    .select([
      'council_decisions.id',
      'council_decisions.call_id',
      'council_decisions.region_code',
      'council_decisions.decision_number',
      'council_decisions.decision_date',
      'calls.reference',
      'calls.title_fi',
      'calls.title_sv',
      'calls.title_en',
      'regions.council_name_fi',
      'regions.council_name_sv',
      'regions.council_name_en',
    ])
    .where('council_decisions.id', '=', decisionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const funded = await db
    .selectFrom('council_decision_shares')
    .select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.sum<string | number | null>('granted_cents').as('granted')])
    .where('decision_id', '=', decisionId)
    .where('outcome', '=', 'funded')
    .executeTakeFirstOrThrow();
  return {
    decisionId: row.id,
    callId: row.call_id,
    callReference: row.reference,
    callTitle: { fi: row.title_fi, sv: row.title_sv, en: row.title_en },
    regionCode: row.region_code,
    councilName: { fi: row.council_name_fi, sv: row.council_name_sv, en: row.council_name_en },
    number: row.decision_number,
    date: row.decision_date,
    fundedCount: Number(funded.n),
    grantedCents: Number(funded.granted ?? 0),
    url: urls(baseUrl, 'calls', String(row.call_id), 'decisions'),
  };
}
