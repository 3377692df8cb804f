import { emitEvent } from '../../jobs/events.js';
import type { Db, Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { CallStoredStatus } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import { publishProblems, type CallForPublishing, type CallProblem } from '../../domain/call-validation.js';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import type { Localised } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { councilsStillToDecide } from '../decisions/council-decisions.service.js';
import { prioritiesInForce } from '../regions/growth-sectors.admin.service.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import type { CallInput } from './calls.admin.form.js';
import { correctableFields, type CorrectableField } from './calls.admin.messages.js';
import { nextReference, regionsWithApplicants } from './calls.admin.repository.js';
import { findCallDetails, phaseOf, type CallDetails } from './calls.repository.js';

function columns(input: CallInput) {
  return {
    instrument: input.instrument,
    title_fi: input.title.fi,
    title_sv: input.title.sv,
    title_en: input.title.en,
    summary_fi: input.summary.fi,
    summary_sv: input.summary.sv,
    summary_en: input.summary.en,
    body_fi: input.body.fi,
    body_sv: input.body.sv,
    body_en: input.body.en,
    opens_at: input.opensAt,
    closes_at: input.closesAt,
    min_regions: input.minRegions,
    eligible_org_types: JSON.stringify(input.eligibleOrgTypes),
    min_grant_cents: input.minGrantCents,
    max_grant_cents: input.maxGrantCents,
    max_aid_rate_bp: input.maxAidRateBp,
    max_duration_months: input.maxDurationMonths,
    lead_region_must_participate: input.leadRegionMustParticipate ? 1 : 0,
    cost_model: input.costModel,
    flat_rate_bp: input.flatRateBp,
    min_total_score: input.minTotalScore,
    contact_email: input.contactEmail,
  };
}

async function writeLinks(trx: Executor, callId: number, input: CallInput): Promise<void> {
  await trx.deleteFrom('call_regions').where('call_id', '=', callId).execute();
  await trx.deleteFrom('call_priorities').where('call_id', '=', callId).execute();
  if (input.budgets.length > 0) {
    await trx
      .insertInto('call_regions')
      .values(input.budgets.map((b) => ({ call_id: callId, region_code: b.regionCode, budget_cents: b.budgetCents })))
      .execute();
  }
  if (input.priorityIds.length > 0) {
    await trx.insertInto('call_priorities').values(input.priorityIds.map((priority_id) => ({ call_id: callId, priority_id }))).execute();
  }
}

/** A call's input as read back from its stored details, to compare with a correction. */
export function inputOf(call: CallDetails): CallInput {
  return {
    title: call.title,
    summary: call.summary,
    body: call.body,
    budgets: call.budgets.map((b) => ({ ...b })),
    priorityIds: [...call.priorityIds],
    instrument: call.instrument,
    opensAt: call.opensAt,
    closesAt: call.closesAt,
    contactEmail: call.contactEmail,
    minRegions: call.minRegions,
    eligibleOrgTypes: [...call.eligibleOrgTypes],
    minGrantCents: call.minGrantCents,
    maxGrantCents: call.maxGrantCents,
    maxAidRateBp: call.maxAidRateBp,
    maxDurationMonths: call.maxDurationMonths,
    leadRegionMustParticipate: call.leadRegionMustParticipate,
    costModel: call.costModel,
    flatRateBp: call.flatRateBp,
    minTotalScore: call.minTotalScore,
  };
}

/** The stored fields whose values differ, in the order of correctableFields. */
export function changedFields(before: CallInput, after: CallInput): CorrectableField[] {
  const key = (i: CallInput): Record<CorrectableField, string> => {
    const c = columns(i);
    return {
      ...(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)])) as Record<keyof typeof c, string>),
      opens_at: new Date(i.opensAt).toISOString(),
      closes_at: new Date(i.closesAt).toISOString(),
      budgets: JSON.stringify([...i.budgets].sort((a, b) => a.regionCode.localeCompare(b.regionCode))),
      priorities: JSON.stringify([...i.priorityIds].sort((a, b) => a - b)),
      eligible_org_types: JSON.stringify([...i.eligibleOrgTypes].sort()),
    };
  };
  const a = key(before);
  const b = key(after);
  return correctableFields.filter((f) => a[f] !== b[f]);
}

/** What the audit log keeps of a call: its public content and rules (not the contact address). */
function auditView(input: CallInput, extra: { reference: string; status: CallStoredStatus; version: number }) {
  const { contactEmail: _contact, ...content } = input;
  return { ...extra, ...content };
}

export type SaveProblem =
  | { kind: 'conflict'; currentVersion: number }
  | { kind: 'no-strategy' }
  | { kind: 'no-changes' }
  | { kind: 'closes-moved-to-past' }
  | { kind: 'opens-moved-after-opening' }
  | { kind: 'council-has-partners'; regionCode: string }
  | { kind: 'rule'; problem: CallProblem };

export type SaveResult = { ok: true; id: number; corrected: boolean } | { ok: false; problems: SaveProblem[] };

export async function createCall(db: Db, actor: Actor, input: CallInput, now: Date): Promise<SaveResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx): Promise<SaveResult> => {
        const { strategy } = await prioritiesInForce(trx, now);
        if (!strategy) return { ok: false, problems: [{ kind: 'no-strategy' }] };
        const reference = await nextReference(trx, helsinkiYear(new Date(input.opensAt)));
        const { id } = await trx
          .insertInto('calls')
          .values({
            ...columns(input),
            reference,
            strategy_id: strategy.id,
            status: 'draft',
            created_by: actor.userId,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeLinks(trx, id, input);
        await appendAudit(trx, actor, { action: 'call.created', entityType: 'call', entityId: id, after: auditView(input, { reference, status: 'draft', version: 1 }) }, now);
        return { ok: true, id, corrected: false };
      });
    } catch (error) {
      // Two officers took the same reference number at the same moment: take the next one.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** What a closed, decided or reviewed call cannot have: edits. */
const editablePhases: readonly CallPhase[] = ['draft', 'published', 'open', 'closed'];

/**
 * Saves the form over a call. A draft is simply edited (its reference follows the year of opening);
 * a published call is corrected: the change needs a notice, is recorded in call_corrections and may
 * not move the closing time into the past, move the opening later once the call has opened, or
 * remove a council in whose region applications already have partners. Every save raises the
 * call's version; a form filled in on an older version is refused as a conflict.
 */
export async function saveCall(
  db: Db,
  actor: Actor,
  id: number,
  input: CallInput,
  form: { version: number; note: Localised | null },
  now: Date,
): Promise<SaveResult | { ok: false; state: CallPhase } | null> {
  return db.transaction().execute(async (trx) => {
    const call = await findCallDetails(trx, id);
    if (!call) return null;
    const phase = phaseOf(call, now);
    if (!editablePhases.includes(phase)) return { ok: false as const, state: phase };
    if (call.version !== form.version) return { ok: false as const, problems: [{ kind: 'conflict' as const, currentVersion: call.version }] };
    const before = inputOf(call);
    const correction = phase !== 'draft';
    const changed = changedFields(before, input);
    const problems: SaveProblem[] = [];
    if (correction) {
      if (changed.length === 0) problems.push({ kind: 'no-changes' });
      if (changed.includes('closes_at') && new Date(input.closesAt).getTime() <= now.getTime()) problems.push({ kind: 'closes-moved-to-past' });
      if (changed.includes('opens_at') && new Date(call.opensAt).getTime() <= now.getTime() && new Date(input.opensAt).getTime() > now.getTime()) {
        problems.push({ kind: 'opens-moved-after-opening' });
      }
      const kept = new Set(input.budgets.map((b) => b.regionCode));
      const withApplicants = new Set(await regionsWithApplicants(trx, id));
      for (const b of call.budgets) if (!kept.has(b.regionCode) && withApplicants.has(b.regionCode)) problems.push({ kind: 'council-has-partners', regionCode: b.regionCode });
      const own = await listPriorities(trx, { strategyIds: [call.strategyId] });
      // A correction may not break a rule the call met; a problem the call already had does not block it.
      const context = { now, priorityIdsInForce: own.map((p) => p.id), requireFutureClose: false };
      const already = new Set(publishProblems(forPublishing(before, call), context).map((p) => `${p.code}:${p.field}`));
      const rules = publishProblems(forPublishing(input, call), context).filter((p) => !already.has(`${p.code}:${p.field}`));
      problems.push(...rules.map((problem) => ({ kind: 'rule' as const, problem })));
    }
    if (problems.length > 0) return { ok: false as const, problems };

    let reference = call.reference;
    let strategyId = call.strategyId;
    if (!correction) {
      const year = helsinkiYear(new Date(input.opensAt));
      if (helsinkiYear(new Date(call.opensAt)) !== year || !reference.startsWith(`S3-${year}-`)) reference = await nextReference(trx, year);
      strategyId = (await prioritiesInForce(trx, now)).strategy?.id ?? strategyId;
    }
    const updated = await trx
      .updateTable('calls')
      .set((eb) => ({ ...columns(input), reference, strategy_id: strategyId, version: eb('version', '+', 1), updated_at: now.toISOString() }))
      .where('id', '=', id)
      .where('version', '=', form.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false as const, problems: [{ kind: 'conflict' as const, currentVersion: call.version + 1 }] };
    await writeLinks(trx, id, input);
    if (correction) {
      await trx
        .insertInto('call_corrections')
        .values({
          call_id: id,
          note_fi: form.note?.fi ?? '',
          note_sv: form.note?.sv ?? '',
          note_en: form.note?.en ?? '',
          changed_fields: JSON.stringify(changed),
          corrected_by: actor.userId,
          corrected_at: now.toISOString(),
        })
        .execute();
    }
    await appendAudit(
      trx,
      actor,
      {
        action: correction ? 'call.corrected' : 'call.updated',
        entityType: 'call',
        entityId: id,
        before: auditView(before, { reference: call.reference, status: call.status, version: call.version }),
        after: { ...auditView(input, { reference, status: call.status, version: call.version + 1 }), ...(correction ? { changedFields: changed } : {}) },
      },
      now,
    );
    return { ok: true as const, id, corrected: correction };
  });
}

function forPublishing(input: CallInput, call: CallDetails): CallForPublishing {
  return {
    ...input,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    criteria: call.criteria,
  };
}

export type LifecycleAction = 'publish' | 'start-review' | 'mark-decided' | 'delete';
export type LifecycleResult =
  | { ok: true }
  | { ok: false; state: CallPhase }
  | { ok: false; problems: CallProblem[] }
  /** Marking decided waits for the funding proposal (none yet) or for these councils' decisions. */
  | { ok: false; decisionsPending: 'no-proposal' | string[] }
  | null;

const transitions: Record<Exclude<LifecycleAction, 'delete'>, { from: CallPhase; to: CallStoredStatus; stamp: 'published_at' | 'review_started_at' | 'decided_at'; audit: string }> = {
  publish: { from: 'draft', to: 'published', stamp: 'published_at', audit: 'call.published' },
  'start-review': { from: 'closed', to: 'in_review', stamp: 'review_started_at', audit: 'call.review-started' },
  'mark-decided': { from: 'in_review', to: 'decided', stamp: 'decided_at', audit: 'call.decided' },
};

/**
 * Moves a call on by an officer's action: publish a draft (only when call-validation finds nothing
 * wrong), start the review of a closed call, mark a reviewed call decided. The phase is checked
 * again inside the transaction, and the update only lands on the status it was checked against.
 */
export async function moveCall(db: Db, actor: Actor, id: number, action: Exclude<LifecycleAction, 'delete'>, now: Date): Promise<LifecycleResult> {
  const step = transitions[action];
  return db.transaction().execute(async (trx): Promise<LifecycleResult> => {
    const call = await findCallDetails(trx, id);
    if (!call) return null;
    const phase = phaseOf(call, now);
    if (phase !== step.from) return { ok: false, state: phase };
    // A call with submitted applications is decided by its councils' decisions on the funding proposal
    // (council-decisions.service.ts marks it decided after the last one), never by hand before them.
    if (action === 'mark-decided') {
      const waiting = await councilsStillToDecide(trx, id);
      if (waiting.length > 0) return { ok: false, decisionsPending: waiting };
      const proposal = await trx.selectFrom('funding_proposals').select('id').where('call_id', '=', id).executeTakeFirst();
      const submitted = await trx.selectFrom('applications').select('id').where('call_id', '=', id).where('status', '=', 'submitted').limit(1).executeTakeFirst();
      if (!proposal && submitted) return { ok: false, decisionsPending: 'no-proposal' };
    }
    if (action === 'publish') {
      const { priorities } = await prioritiesInForce(trx, now);
      const problems = publishProblems(forPublishing(inputOf(call), call), { now, priorityIdsInForce: priorities.map((p) => p.id), requireFutureClose: true });
      if (problems.length > 0) return { ok: false, problems };
    }
    const updated = await trx
      .updateTable('calls')
      .set((eb) => ({ status: step.to, [step.stamp]: now.toISOString(), version: eb('version', '+', 1), updated_at: now.toISOString() }))
      .where('id', '=', id)
      .where('status', '=', call.status)
      .where('version', '=', call.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, state: phase };
    await appendAudit(
      trx,
      actor,
      { action: step.audit, entityType: 'call', entityId: id, before: { status: call.status, version: call.version }, after: { status: step.to, version: call.version + 1 } },
      now,
    );
    // The councils' channels hear of a published call from the outbox, in this transaction.
    if (action === 'publish') await emitEvent(trx, { type: 'call.published', callId: id }, now);
    return { ok: true };
  });
}

/** Deletes a draft call with its councils, priorities, criteria and questions (cascaded). */
export async function deleteDraftCall(db: Db, actor: Actor, id: number, now: Date): Promise<LifecycleResult> {
  return db.transaction().execute(async (trx): Promise<LifecycleResult> => {
    const call = await findCallDetails(trx, id);
    if (!call) return null;
    const phase = phaseOf(call, now);
    const applications = await trx.selectFrom('applications').select('id').where('call_id', '=', id).limit(1).execute();
    if (phase !== 'draft' || applications.length > 0) return { ok: false, state: phase };
    const deleted = await trx.deleteFrom('calls').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return { ok: false, state: phase };
    await appendAudit(
      trx,
      actor,
      { action: 'call.deleted', entityType: 'call', entityId: id, before: auditView(inputOf(call), { reference: call.reference, status: call.status, version: call.version }) },
      now,
    );
    return { ok: true };
  });
}
