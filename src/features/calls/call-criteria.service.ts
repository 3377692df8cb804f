import type { Transaction } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import type { CriterionKind, Database, QuestionKind } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import type { Localised } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { phaseOf, toCall, toCriterion, toQuestion, type CallQuestion, type Criterion } from './calls.repository.js';

export const criterionKinds: readonly CriterionKind[] = ['general', 'content', 'specifying', 'horizontal'];
export const questionKinds: readonly QuestionKind[] = ['text', 'choice', 'number', 'file'];


/**
 * How a call's criteria and questions may change: freely while it is a draft; after publication only
 * until it closes, each change announced as a correction; after closing not at all.
 */
export type EditMode = 'free' | 'correction' | 'locked';

export function editModeOf(phase: CallPhase): EditMode {
  if (phase === 'draft') return 'free';
  return phase === 'published' || phase === 'open' ? 'correction' : 'locked';
}

export type CallPart = 'criteria' | 'questions';

/** A correction announcement: Finnish required, Swedish and English may be empty. */
export type CorrectionNote = Localised;

export interface CriterionInput {
  kind: CriterionKind;
  name: Localised;
  description: Localised;
  weight: number;
}

export interface QuestionInput {
  kind: QuestionKind;
  label: Localised;
  help: Localised;
  options: Localised[];
  required: boolean;
  maxLength: number | null;
}

export type ChangeResult =
  | { ok: true; id: number; corrected: boolean }
  | { ok: false; reason: 'not-found' | 'locked' | 'note-required' };

type Trx = Transaction<Database>;
/** What a change did, for the audit log; null when the target does not exist. */
type Change = { id: number; action: string; before?: unknown; after?: unknown; unchanged?: boolean } | null;

/**
 * Runs one change of a call's criteria or questions in a transaction: checks the call's phase by
 * the clock at that moment, writes the correction announcement and raises the call's version when
 * the call is already published, and records the change in the audit log.
 */
async function changePart(
  db: Db,
  actor: Actor,
  callId: number,
  part: CallPart,
  note: CorrectionNote | null,
  now: Date,
  apply: (trx: Trx) => Promise<Change>,
): Promise<ChangeResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' };
    const mode = editModeOf(phaseOf(toCall(row), now));
    if (mode === 'locked') return { ok: false, reason: 'locked' };
    if (mode === 'correction' && (note === null || note.fi.trim() === '')) return { ok: false, reason: 'note-required' };
    const change = await apply(trx);
    if (!change) return { ok: false, reason: 'not-found' };
    if (change.unchanged) return { ok: true, id: change.id, corrected: false };
    let correctionId: number | null = null;
    if (mode === 'correction' && note) {
      const correction = await trx
        .insertInto('call_corrections')
        .values({
          call_id: callId,
          note_fi: note.fi,
          note_sv: note.sv,
          note_en: note.en,
          changed_fields: JSON.stringify([part]),
          corrected_by: actor.userId,
          corrected_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      correctionId = correction.id;
      await trx
        .updateTable('calls')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now.toISOString() }))
        .where('id', '=', callId)
        .execute();
    } else {
      await trx.updateTable('calls').set({ updated_at: now.toISOString() }).where('id', '=', callId).execute();
    }
    await appendAudit(
      trx,
      actor,
      {
        action: change.action,
        entityType: 'call',
        entityId: callId,
        ...(change.before !== undefined ? { before: change.before } : {}),
        after: { ...(change.after !== undefined ? (change.after as object) : { id: change.id }), ...(correctionId !== null ? { correctionId } : {}) },
      },
      now,
    );
    return { ok: true, id: change.id, corrected: correctionId !== null };
  });
}

// ---------- Criteria ----------

const criterionRow = (callId: number, input: CriterionInput) => ({
  call_id: callId,
  kind: input.kind,
  name_fi: input.name.fi,
  name_sv: input.name.sv,
  name_en: input.name.en,
  description_fi: input.description.fi,
  description_sv: input.description.sv,
  description_en: input.description.en,
  weight: input.weight,
});

async function criteriaOf(trx: Executor, callId: number): Promise<Criterion[]> {
  const rows = await trx.selectFrom('call_criteria').selectAll().where('call_id', '=', callId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toCriterion);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createCriterion(db: Db, actor: Actor, callId: number, input: CriterionInput, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'criteria', note, now, async (trx) => {
    const last = await trx.selectFrom('call_criteria').select((eb) => eb.fn.max('sort_order').as('max')).where('call_id', '=', callId).executeTakeFirst();
    const { id } = await trx
      .insertInto('call_criteria')
      .values({ ...criterionRow(callId, input), sort_order: Number(last?.max ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, action: 'call.criterion-created', after: { criterionId: id, ...input } };
  });
}

export function updateCriterion(db: Db, actor: Actor, callId: number, id: number, input: CriterionInput, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'criteria', note, now, async (trx) => {
    const before = (await criteriaOf(trx, callId)).find((c) => c.id === id);
    if (!before) return null;
    const { id: _, ...old } = before;
    if (sameJson(old, input)) return { id, action: '', unchanged: true };
    await trx.updateTable('call_criteria').set(criterionRow(callId, input)).where('id', '=', id).execute();
    return { id, action: 'call.criterion-updated', before: { criterionId: id, ...old }, after: { criterionId: id, ...input } };
  });
}

export function removeCriterion(db: Db, actor: Actor, callId: number, id: number, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'criteria', note, now, async (trx) => {
    const before = (await criteriaOf(trx, callId)).find((c) => c.id === id);
    if (!before) return null;
    await trx.deleteFrom('call_criteria').where('id', '=', id).execute();
    const { id: _, ...old } = before;
    return { id, action: 'call.criterion-removed', before: { criterionId: id, ...old }, after: { criterionId: id, removed: true } };
  });
}

/**
 * Moves a criterion one place up or down among the criteria of its own kind (the pages list them by
 * kind), then numbers the call's list again from 1.
 */
export function moveCriterion(db: Db, actor: Actor, callId: number, id: number, direction: 'up' | 'down', note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'criteria', note, now, async (trx) => {
    const all = await criteriaOf(trx, callId);
    const target = all.find((c) => c.id === id);
    if (!target) return null;
    const moved = moveWithin(all, id, direction, (c) => c.kind === target.kind);
    if (!moved) return { id, action: '', unchanged: true };
    await renumber(trx, 'call_criteria', moved);
    return { id, action: 'call.criteria-reordered', before: { order: all.map((c) => c.id) }, after: { criterionId: id, direction, order: moved } };
  });
}

// ---------- Extra questions ----------

const questionRow = (callId: number, input: QuestionInput) => ({
  call_id: callId,
  kind: input.kind,
  label_fi: input.label.fi,
  label_sv: input.label.sv,
  label_en: input.label.en,
  help_fi: input.help.fi,
  help_sv: input.help.sv,
  help_en: input.help.en,
  options: JSON.stringify(input.options),
  required: input.required ? 1 : 0,
  max_length: input.maxLength,
});

async function questionsOf(trx: Executor, callId: number): Promise<CallQuestion[]> {
  const rows = await trx.selectFrom('call_questions').selectAll().where('call_id', '=', callId).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toQuestion);
}

export function createQuestion(db: Db, actor: Actor, callId: number, input: QuestionInput, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'questions', note, now, async (trx) => {
    const last = await trx.selectFrom('call_questions').select((eb) => eb.fn.max('sort_order').as('max')).where('call_id', '=', callId).executeTakeFirst();
    const { id } = await trx
      .insertInto('call_questions')
      .values({ ...questionRow(callId, input), sort_order: Number(last?.max ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, action: 'call.question-created', after: { questionId: id, ...input } };
  });
}

export function updateQuestion(db: Db, actor: Actor, callId: number, id: number, input: QuestionInput, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'questions', note, now, async (trx) => {
    const before = (await questionsOf(trx, callId)).find((q) => q.id === id);
    if (!before) return null;
    const { id: _, ...old } = before;
    if (sameJson(old, input)) return { id, action: '', unchanged: true };
    await trx.updateTable('call_questions').set(questionRow(callId, input)).where('id', '=', id).execute();
    return { id, action: 'call.question-updated', before: { questionId: id, ...old }, after: { questionId: id, ...input } };
  });
}

export function removeQuestion(db: Db, actor: Actor, callId: number, id: number, note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'questions', note, now, async (trx) => {
    const before = (await questionsOf(trx, callId)).find((q) => q.id === id);
    if (!before) return null;
    await trx.deleteFrom('call_questions').where('id', '=', id).execute();
    const { id: _, ...old } = before;
    return { id, action: 'call.question-removed', before: { questionId: id, ...old }, after: { questionId: id, removed: true } };
  });
}

export function moveQuestion(db: Db, actor: Actor, callId: number, id: number, direction: 'up' | 'down', note: CorrectionNote | null, now: Date) {
  return changePart(db, actor, callId, 'questions', note, now, async (trx) => {
    const all = await questionsOf(trx, callId);
    if (!all.some((q) => q.id === id)) return null;
    const moved = moveWithin(all, id, direction, () => true);
    if (!moved) return { id, action: '', unchanged: true };
    await renumber(trx, 'call_questions', moved);
    return { id, action: 'call.questions-reordered', before: { order: all.map((q) => q.id) }, after: { questionId: id, direction, order: moved } };
  });
}

// ---------- Order ----------

/** The ids in their new order after swapping the item with its neighbour in the group; null at the group's edge. */
export function moveWithin<T extends { id: number }>(items: readonly T[], id: number, direction: 'up' | 'down', inGroup: (item: T) => boolean): number[] | null {
  const ids = items.map((i) => i.id);
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const group = items.map((item, i) => ({ item, i })).filter(({ item }) => inGroup(item)).map(({ i }) => i);
  const place = group.indexOf(index);
  const other = group[direction === 'up' ? place - 1 : place + 1];
  if (other === undefined) return null;
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}

async function renumber(trx: Trx, table: 'call_criteria' | 'call_questions', ids: readonly number[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await trx.updateTable(table).set({ sort_order: i + 1 }).where('id', '=', id).execute();
  }
}
