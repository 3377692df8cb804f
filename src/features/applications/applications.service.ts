import type { Db, Executor } from '../../db/database.js';
import type { ApplicationStatus } from '../../db/schema.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';
import { applicationSections, checkEligibility, type EligibilityResult } from '../../domain/eligibility.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { callRules, findCall, findCallDetails, phaseOf, type Call, type CallDetails } from '../calls/calls.repository.js';
import { listGrowthSectors, listRegions, type GrowthSector, type Region } from '../regions/regions.repository.js';
import { listPriorities, type Priority } from '../strategy/strategy.repository.js';
import type { GeneralFormContext, GeneralInput } from './applications.form.js';
import { editorAccess, findApplicationDetails, toDraft, type ApplicationDetails } from './applications.repository.js';

/**
 * Drafts and the lead's part (the general part) of an application. Every save is guarded twice in
 * its transaction: the call must be open by the server's clock and the application a draft, and the
 * part must still be at the version the editor loaded (optimistic locking), so that two people
 * editing the same part get a conflict instead of overwriting each other.
 */

/** Why nothing may be changed now. */
export interface EditRefusal {
  code: 'DEADLINE_PASSED' | 'CALL_NOT_OPEN' | 'APPLICATION_STATE' | 'APPLICATION_NOT_FOUND';
  status: ApplicationStatus | null;
  closesAt: string | null;
}

/** Who saved a part last and when. */
export interface SavedBy {
  userId: number | null;
  name: string | null;
  at: string;
}

export type SaveResult<V> =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; conflict: { current: V; version: number; savedBy: SavedBy; savedAt: string } }
  | { ok: false; refused: EditRefusal };

/** Null when the application may be edited now; otherwise the reason it may not. */
export function editRefusalOf(status: ApplicationStatus, call: Pick<Call, 'status' | 'opensAt' | 'closesAt'>, now: Date): EditRefusal | null {
  if (status !== 'draft') return { code: 'APPLICATION_STATE', status, closesAt: call.closesAt };
  const phase: CallPhase = phaseOf(call, now);
  if (phase === 'open') return null;
  const after = phase === 'closed' || phase === 'in_review' || phase === 'decided';
  return { code: after ? 'DEADLINE_PASSED' : 'CALL_NOT_OPEN', status, closesAt: call.closesAt };
}

/** The application's state and call as a save sees them inside its transaction. */
export async function editState(trx: Executor, applicationId: number, now: Date) {
  const application = await trx
    .selectFrom('applications')
    .select(['id', 'call_id', 'status', 'version', 'lead_organisation_id'])
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!application) return { refusal: { code: 'APPLICATION_NOT_FOUND', status: null, closesAt: null } as EditRefusal, call: null, application: null };
  const call = (await findCall(trx, application.call_id))!;
  return { refusal: editRefusalOf(application.status, call, now), call, application };
}

export async function userNames(db: Executor, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function savedBy(db: Executor, userId: number | null, at: string): Promise<SavedBy> {
  return { userId, name: userId === null ? null : ((await userNames(db, [userId])).get(userId) ?? null), at };
}

/** The stored general part in the shape the form and the save take. */
export function generalValuesOf(a: ApplicationDetails): GeneralInput {
  return {
    title: a.title,
    summary: a.summary,
    priorityId: a.priorityId,
    growthSectorIds: a.growthSectorIds,
    startDate: a.startDate,
    endDate: a.endDate,
    sections: Object.fromEntries(
      applicationSections.map((s) => [s, { body: a.sections[s]?.body ?? '', isSecret: a.sections[s]?.isSecret ?? false }]),
    ) as GeneralInput['sections'],
    indicators: a.indicators.map((i) => ({ name: i.name, unit: i.unit, targetValue: i.targetValue })),
    answers: a.answers,
  };
}

export type StartResult = { ok: true; id: number } | { ok: false; reason: 'call-not-found' | 'call-not-open' | 'not-member' };

/**
 * Starts a draft in an open call with one of the user's organisations as the lead partner, working
 * in its home region until someone says otherwise.
 */
export async function startDraft(
  db: Db,
  actor: Actor & { userId: number },
  input: { callId: number; organisationId: number },
  now: Date,
): Promise<StartResult> {
  return db.transaction().execute(async (trx) => {
    const call = await findCall(trx, input.callId);
    if (!call) return { ok: false, reason: 'call-not-found' };
    if (phaseOf(call, now) !== 'open') return { ok: false, reason: 'call-not-open' };
    const organisation = await trx
      .selectFrom('organisation_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.region_code'])
      .where('m.organisation_id', '=', input.organisationId)
      .where('m.user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!organisation) return { ok: false, reason: 'not-member' };
    const at = now.toISOString();
    const { id } = await trx
      .insertInto('applications')
      .values({
        call_id: call.id,
        lead_organisation_id: organisation.id,
        status: 'draft',
        title: '',
        summary: '',
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const partner = await trx
      .insertInto('application_partners')
      .values({
        application_id: id,
        organisation_id: organisation.id,
        is_lead: 1,
        region_code: organisation.region_code,
        unit: '',
        role_description: '',
        contact_name: '',
        contact_email: '',
        sort_order: 0,
        created_at: at,
        updated_at: at,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: 'application.created', entityType: 'application', entityId: id, after: { callId: call.id, leadOrganisationId: organisation.id, leadPartnerId: partner.id } },
      now,
    );
    return { ok: true, id };
  });
}

/**
 * Saves the general part (title, summary, priority, growth sectors, dates, description, indicators,
 * answers) if it is still at `expectedVersion`; otherwise returns what is stored now and who saved
 * it, and saves nothing. The input is what validateGeneralForm accepted for this call.
 */
export async function saveGeneralPart(
  db: Db,
  actor: Actor,
  applicationId: number,
  expectedVersion: number,
  input: GeneralInput,
  now: Date,
): Promise<SaveResult<GeneralInput>> {
  return db.transaction().execute(async (trx): Promise<SaveResult<GeneralInput>> => {
    const state = await editState(trx, applicationId, now);
    if (state.refusal) return { ok: false, refused: state.refusal };
    const at = now.toISOString();
    // The guarded update comes first: on PostgreSQL it takes the row lock, so of two saves at once the second waits and then finds the version moved on.
    const updated = await trx
      .updateTable('applications')
      .set((eb) => ({
        title: input.title,
        summary: input.summary,
        priority_id: input.priorityId,
        start_date: input.startDate,
        end_date: input.endDate,
        version: eb('version', '+', 1),
        updated_at: at,
        updated_by: actor.userId,
      }))
      .where('id', '=', applicationId)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const current = (await findApplicationDetails(trx, applicationId))!;
      if (current.status !== 'draft') return { ok: false, refused: { code: 'APPLICATION_STATE', status: current.status, closesAt: state.call!.closesAt } };
      return {
        ok: false,
        conflict: { current: generalValuesOf(current), version: current.version, savedBy: await savedBy(trx, current.updatedBy, current.updatedAt), savedAt: current.updatedAt },
      };
    }

    await trx.deleteFrom('application_sections').where('application_id', '=', applicationId).execute();
    const sections = applicationSections
      .filter((s) => input.sections[s].body !== '' || input.sections[s].isSecret)
      .map((s) => ({ application_id: applicationId, section: s, body: input.sections[s].body, is_secret: input.sections[s].isSecret ? 1 : 0 }));
    if (sections.length > 0) await trx.insertInto('application_sections').values(sections).execute();

    await trx.deleteFrom('application_growth_sectors').where('application_id', '=', applicationId).execute();
    if (input.growthSectorIds.length > 0) {
      await trx
        .insertInto('application_growth_sectors')
        .values(input.growthSectorIds.map((growth_sector_id) => ({ application_id: applicationId, growth_sector_id })))
        .execute();
    }

    await trx.deleteFrom('application_indicators').where('application_id', '=', applicationId).execute();
    if (input.indicators.length > 0) {
      await trx
        .insertInto('application_indicators')
        .values(input.indicators.map((i, n) => ({ application_id: applicationId, name: i.name, unit: i.unit, target_value: i.targetValue, sort_order: n + 1 })))
        .execute();
    }

    // File questions are answered by attachments elsewhere; only the questions this form covers are replaced.
    const questionIds = (
      await trx.selectFrom('call_questions').select('id').where('call_id', '=', state.call!.id).where('kind', '!=', 'file').execute()
    ).map((q) => q.id);
    if (questionIds.length > 0) {
      await trx.deleteFrom('application_answers').where('application_id', '=', applicationId).where('question_id', 'in', questionIds).execute();
      const answers = questionIds
        .filter((id) => (input.answers[id] ?? '') !== '')
        .map((id) => ({ application_id: applicationId, question_id: id, value: input.answers[id]! }));
      if (answers.length > 0) await trx.insertInto('application_answers').values(answers).execute();
    }

    await appendAudit(
      trx,
      actor,
      { action: 'application.general-saved', entityType: 'application', entityId: applicationId, before: { version: expectedVersion }, after: { version: expectedVersion + 1 } },
      now,
    );
    return { ok: true, version: expectedVersion + 1, savedAt: at };
  });
}

export interface ApplicationListItem {
  id: number;
  title: string;
  status: ApplicationStatus;
  call: Pick<Call, 'id' | 'title' | 'status' | 'opensAt' | 'closesAt'>;
  leadOrganisationName: string;
  /** The user edits the whole application (a member of the lead organisation), or only partners' parts. */
  isLead: boolean;
}

/** The applications a user may edit: their organisations' as lead or partner, and those they were invited to. */
export async function listEditableApplications(db: Executor, userId: number): Promise<ApplicationListItem[]> {
  const myOrganisations = db.selectFrom('organisation_members').select('organisation_id').where('user_id', '=', userId);
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
    .select([
      'a.id',
      'a.title',
      'a.status',
      'a.lead_organisation_id',
      'a.updated_at',
      'c.id as call_id',
      'c.title_fi',
      'c.title_sv',
      'c.title_en',
      'c.status as call_status',
      'c.opens_at',
      'c.closes_at',
      'o.name as lead_name',
    ])
    .where((eb) =>
      eb.or([
        eb('a.lead_organisation_id', 'in', myOrganisations),
        eb('a.id', 'in', eb.selectFrom('application_partners').select('application_id').where('organisation_id', 'in', myOrganisations)),
        eb('a.id', 'in', eb.selectFrom('application_editors').select('application_id').where('user_id', '=', userId)),
      ]),
    )
    .orderBy('c.closes_at', 'desc')
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  const mine = new Set((await myOrganisations.execute()).map((r) => r.organisation_id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    call: { id: r.call_id, title: { fi: r.title_fi, sv: r.title_sv, en: r.title_en }, status: r.call_status, opensAt: r.opens_at, closesAt: r.closes_at },
    leadOrganisationName: r.lead_name,
    isLead: mine.has(r.lead_organisation_id),
  }));
}

/** What every editor page reads: the application, its call, the viewer's rights, the eligibility check now. */
export interface EditorState {
  app: ApplicationDetails;
  call: CallDetails;
  access: { whole: boolean; partnerIds: number[] };
  regions: Region[];
  eligibility: EligibilityResult;
  refusal: EditRefusal | null;
  now: Date;
}

export async function loadEditor(db: Executor, applicationId: number, userId: number, now: Date): Promise<EditorState | null> {
  const app = await findApplicationDetails(db, applicationId);
  if (!app) return null;
  const [access, call, regions] = await Promise.all([editorAccess(db, app, userId), findCallDetails(db, app.callId), listRegions(db)]);
  return {
    app,
    call: call!,
    access,
    regions,
    eligibility: checkEligibility(callRules(call!), toDraft(app)),
    refusal: editRefusalOf(app.status, call!, now),
    now,
  };
}

/** The choices of the general part: the call's priorities and the growth sectors of the regions the partners work in. */
export async function generalChoices(db: Executor, state: Pick<EditorState, 'app' | 'call'>, locale: 'fi' | 'sv' | 'en') {
  const regions = new Set(state.app.partners.map((p) => p.regionCode));
  const [priorities, sectors] = await Promise.all([listPriorities(db, { strategyIds: [state.call.strategyId] }), listGrowthSectors(db)]);
  const callPriorities: Priority[] = state.call.priorityIds.map((id) => priorities.find((p) => p.id === id)).filter((p): p is Priority => p !== undefined);
  const involved: GrowthSector[] = sectors.filter((s) => regions.has(s.regionCode));
  const context: GeneralFormContext = {
    priorityIds: state.call.priorityIds,
    growthSectorIds: involved.map((s) => s.id),
    questions: state.call.questions
      .filter((q): q is typeof q & { kind: 'text' | 'choice' | 'number' } => q.kind !== 'file')
      .map((q) => ({ id: q.id, kind: q.kind, label: q.label[locale], optionCount: q.options.length })),
  };
  return { priorities: callPriorities, sectors: involved, context };
}
