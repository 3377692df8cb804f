import type { Executor } from '../../db/database.js';
import type { FundingInstrument } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';
import { listPublishedInquiries, type PublishedInquiry } from './call-inquiries.repository.js';
import { findCallDetails, phaseOf, toCall, type Call, type CallBudget, type CallDetails } from './calls.repository.js';

/**
 * What the public reads about calls: the list with its filters, the corrections announced on a
 * call's page, and the public part of the applications submitted to a call. Nothing here reads a
 * draft call, a draft or withdrawn application, a business secret, an attachment or a person.
 */

/** The phases the public sees (a draft is never public). */
export const publicPhases = ['published', 'open', 'closed', 'in_review', 'decided'] as const satisfies readonly CallPhase[];
export type PublicPhase = (typeof publicPhases)[number];

export const instruments = ['erdf', 'akke', 'other'] as const satisfies readonly FundingInstrument[];

/** The phases in which the submitted applications are public (the call has closed). */
export const closedPhases: readonly CallPhase[] = ['closed', 'in_review', 'decided'];

export interface CallFilter {
  phase?: PublicPhase | undefined;
  /** A priority's slug. */
  priority?: string | undefined;
  /** A participating council's region code. */
  region?: string | undefined;
  instrument?: FundingInstrument | undefined;
}

export interface PublicCallSummary extends Call {
  phase: PublicPhase;
  budgets: CallBudget[];
  totalBudgetCents: number;
  priorityIds: number[];
}

/** The stored statuses that can be in a phase (published covers the three time-based phases). */
const statusesOf: Record<PublicPhase, Array<'published' | 'in_review' | 'decided'>> = {
  published: ['published'],
  open: ['published'],
  closed: ['published'],
  in_review: ['in_review'],
  decided: ['decided'],
};

/**
 * The public calls that pass the filter, newest closing first, with their phase at `now`. The
 * time-based phases (coming, open, closed) are derived by the same rule as everywhere else
 * (phaseOf), so the list never disagrees with a call's own page; there are tens of calls a year.
 */
export async function listPublicCalls(
  db: Executor,
  filter: CallFilter,
  now: Date,
  page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
): Promise<{ items: PublicCallSummary[]; total: number }> {
  let query = db.selectFrom('calls').selectAll('calls').where('calls.status', '!=', 'draft');
  if (filter.phase) query = query.where('calls.status', 'in', statusesOf[filter.phase]);
  if (filter.instrument) query = query.where('calls.instrument', '=', filter.instrument);
  if (filter.region) {
    const region = filter.region;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('call_regions')
          .select('call_regions.call_id')
          .whereRef('call_regions.call_id', '=', 'calls.id')
          .where('call_regions.region_code', '=', region),
      ),
    );
  }
  if (filter.priority) {
    const slug = filter.priority;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('call_priorities')
          .innerJoin('priorities', 'priorities.id', 'call_priorities.priority_id')
          .select('call_priorities.call_id')
          .whereRef('call_priorities.call_id', '=', 'calls.id')
          .where('priorities.slug', '=', slug),
      ),
    );
  }
  const rows = await query.orderBy('calls.closes_at', 'desc').orderBy('calls.id', 'desc').execute();
  const matching = rows
    .map((row) => {
      const call = toCall(row);
      return { call, phase: phaseOf(call, now) as PublicPhase };
    })
    .filter((c) => filter.phase === undefined || c.phase === filter.phase);
  const slice = matching.slice(page.offset, page.offset + page.limit);
  const ids = slice.map((c) => c.call.id);
  const [budgets, priorities] = ids.length
    ? await Promise.all([
        db.selectFrom('call_regions').innerJoin('regions', 'regions.code', 'call_regions.region_code')
          .select(['call_regions.call_id', 'call_regions.region_code', 'call_regions.budget_cents'])
          .where('call_regions.call_id', 'in', ids).orderBy('regions.sort_order').execute(),
        db.selectFrom('call_priorities').innerJoin('priorities', 'priorities.id', 'call_priorities.priority_id')
          .select(['call_priorities.call_id', 'call_priorities.priority_id'])
          .where('call_priorities.call_id', 'in', ids).orderBy('priorities.sort_order').execute(),
      ])
    : [[], []];
  const items = slice.map(({ call, phase }) => {
    const own = budgets.filter((b) => b.call_id === call.id).map((b) => ({ regionCode: b.region_code, budgetCents: Number(b.budget_cents) }));
    return {
      ...call,
      phase,
      budgets: own,
      totalBudgetCents: own.reduce((sum, b) => sum + b.budgetCents, 0),
      priorityIds: priorities.filter((p) => p.call_id === call.id).map((p) => p.priority_id),
    };
  });
  return { items, total: matching.length };
}

export interface CallCorrection {
  id: number;
  note: Localised;
  changedFields: string[];
  correctedAt: string;
}

/** The corrections of a call as announced on its page, newest first (who made them is not public). */
export async function listCorrections(db: Executor, callId: number): Promise<CallCorrection[]> {
  const rows = await db
    .selectFrom('call_corrections')
    .select(['id', 'note_fi', 'note_sv', 'note_en', 'changed_fields', 'corrected_at'])
    .where('call_id', '=', callId)
    .orderBy('corrected_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, note: localisedColumns(r, 'note'), changedFields: parseFields(r.changed_fields), correctedAt: r.corrected_at }));
}

function parseFields(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export interface PublicPartner {
  organisationName: string;
  regionCode: string;
  isLead: boolean;
  requestedCents: number;
}

/**
 * The public part of a submitted application (the publicity rule of issue 4): title, summary,
 * priority, the applicant and partners with their regions, and the grant applied for in total and
 * per council. Only these columns are read, so nothing else can leak by accident.
 */
export interface PublicApplication {
  id: number;
  title: string;
  summary: string;
  priorityId: number | null;
  lead: PublicPartner | undefined;
  partners: PublicPartner[];
  requestedCents: number;
  requestedByRegion: Array<{ regionCode: string; requestedCents: number }>;
}

export async function countSubmittedApplications(db: Executor, callId: number): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('call_id', '=', callId)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The submitted applications of a call, in the order they came in; never drafts or withdrawn ones. */
export async function listPublicApplications(db: Executor, callId: number): Promise<PublicApplication[]> {
  const apps = await db
    .selectFrom('applications')
    .select(['id', 'title', 'summary', 'priority_id'])
    .where('call_id', '=', callId)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  if (apps.length === 0) return [];
  const partners = await db
    .selectFrom('application_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.application_id', 'p.is_lead', 'p.region_code', 'p.requested_cents', 'o.name as organisation_name'])
    .where('p.application_id', 'in', apps.map((a) => a.id))
    .orderBy('p.application_id')
    .orderBy('p.is_lead', 'desc')
    .orderBy('p.sort_order')
    .orderBy('p.id')
    .execute();
  const regionOrder = new Map(
    (await db.selectFrom('regions').select(['code', 'sort_order']).execute()).map((r) => [r.code, r.sort_order]),
  );
  return apps.map((a) => {
    const own: PublicPartner[] = partners
      .filter((p) => p.application_id === a.id)
      .map((p) => ({ organisationName: p.organisation_name, regionCode: p.region_code, isLead: p.is_lead === 1, requestedCents: Number(p.requested_cents) }));
    const byRegion = new Map<string, number>();
    for (const p of own) byRegion.set(p.regionCode, (byRegion.get(p.regionCode) ?? 0) + p.requestedCents);
    return {
      id: a.id,
      title: a.title,
      summary: a.summary,
      priorityId: a.priority_id,
      lead: own.find((p) => p.isLead),
      partners: own.filter((p) => !p.isLead),
      requestedCents: own.reduce((sum, p) => sum + p.requestedCents, 0),
      requestedByRegion: [...byRegion]
        .sort(([x], [y]) => (regionOrder.get(x) ?? 0) - (regionOrder.get(y) ?? 0) || x.localeCompare(y))
        .map(([regionCode, requestedCents]) => ({ regionCode, requestedCents })),
    };
  });
}

export interface PublicCall {
  call: CallDetails;
  phase: PublicPhase;
  corrections: CallCorrection[];
  inquiries: PublishedInquiry[];
  submittedCount: number;
  /** The public part of the submitted applications once the call has closed; null before. */
  applications: PublicApplication[] | null;
}

/** Everything public about a call, or undefined for an unknown id or a draft. */
export async function findPublicCall(db: Executor, id: number, now: Date): Promise<PublicCall | undefined> {
  const call = await findCallDetails(db, id);
  if (!call || call.status === 'draft') return undefined;
  const phase = phaseOf(call, now) as PublicPhase;
  const [corrections, inquiries, submittedCount, applications] = await Promise.all([
    listCorrections(db, id),
    listPublishedInquiries(db, id),
    countSubmittedApplications(db, id),
    closedPhases.includes(phase) ? listPublicApplications(db, id) : Promise.resolve(null),
  ]);
  return { call, phase, corrections, inquiries, submittedCount, applications };
}
