import type { Executor } from '../../db/database.js';
import type { CallStoredStatus } from '../../db/schema.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';
import { prioritiesInForce } from '../regions/growth-sectors.admin.service.js';
import { listPriorities, listStrategies, type Priority, type Strategy } from '../strategy/strategy.repository.js';
import type { CorrectableField } from './calls.admin.messages.js';
import type { CallDetails } from './calls.repository.js';

// Reads for the officers' call administration; functions of the database or a transaction.

/** A row of the officers' list of calls. */
export interface AdminCallRow {
  id: number;
  reference: string;
  title: Localised;
  status: CallStoredStatus;
  opensAt: string;
  closesAt: string;
  createdBy: number | null;
  budgets: Array<{ regionCode: string; budgetCents: number }>;
}

export async function listCallsForAdmin(db: Executor): Promise<AdminCallRow[]> {
  const [calls, budgets] = await Promise.all([
    db
      .selectFrom('calls')
      .select(['id', 'reference', 'title_fi', 'title_sv', 'title_en', 'status', 'opens_at', 'closes_at', 'created_by'])
      .orderBy('opens_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('call_regions')
      .innerJoin('regions', 'regions.code', 'call_regions.region_code')
      .select(['call_regions.call_id', 'call_regions.region_code', 'call_regions.budget_cents'])
      .orderBy('regions.sort_order')
      .execute(),
  ]);
  return calls.map((c) => ({
    id: c.id,
    reference: c.reference,
    title: localisedColumns(c, 'title'),
    status: c.status,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    createdBy: c.created_by,
    budgets: budgets.filter((b) => b.call_id === c.id).map((b) => ({ regionCode: b.region_code, budgetCents: Number(b.budget_cents) })),
  }));
}

/** Who created a call (null when unknown or erased); undefined when there is no such call. */
export async function callCreator(db: Executor, id: number): Promise<number | null | undefined> {
  const row = await db.selectFrom('calls').select('created_by').where('id', '=', id).executeTakeFirst();
  return row ? row.created_by : undefined;
}

/** The priorities a call may target: the strategy in force for a new call or a draft, the call's own strategy once published. */
export async function priorityChoices(
  db: Executor,
  call: Pick<CallDetails, 'strategyId' | 'status'> | null,
  now: Date,
): Promise<{ strategy: Strategy | undefined; priorities: Priority[] }> {
  if (call && call.status !== 'draft') {
    const strategy = (await listStrategies(db)).find((s) => s.id === call.strategyId);
    return { strategy, priorities: await listPriorities(db, { strategyIds: [call.strategyId] }) };
  }
  return prioritiesInForce(db, now);
}

/** Regions in which applications to the call (other than withdrawn ones) have partners. */
export async function regionsWithApplicants(db: Executor, callId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('application_partners')
    .innerJoin('applications', 'applications.id', 'application_partners.application_id')
    .select('application_partners.region_code')
    .distinct()
    .where('applications.call_id', '=', callId)
    .where('applications.status', '!=', 'withdrawn')
    .execute();
  return rows.map((r) => r.region_code);
}

export interface CallCorrection {
  id: number;
  note: Localised;
  changedFields: CorrectableField[];
  correctedAt: string;
}

export async function listCorrections(db: Executor, callId: number): Promise<CallCorrection[]> {
  const rows = await db.selectFrom('call_corrections').selectAll().where('call_id', '=', callId).orderBy('corrected_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, note: localisedColumns(r, 'note'), changedFields: JSON.parse(r.changed_fields) as CorrectableField[], correctedAt: r.corrected_at }));
}

/** The next free reference of a year: S3-2027-01, S3-2027-02, … */
export async function nextReference(trx: Executor, year: number): Promise<string> {
  const prefix = `S3-${year}-`;
  const rows = await trx.selectFrom('calls').select('reference').where('reference', 'like', `${prefix}%`).execute();
  const used = rows.map((r) => Number(r.reference.slice(prefix.length))).filter((n) => Number.isInteger(n));
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(2, '0')}`;
}
