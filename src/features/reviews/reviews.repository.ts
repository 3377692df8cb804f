import type { Executor } from '../../db/database.js';
import type { AssignmentMethod, AssignmentStatus } from '../../db/schema.js';

/**
 * Reading the review of a call: who reviews which application, the scores they submitted and the
 * officers' consensus scores. Changes go through assignments.service.ts and scoring.service.ts.
 */

export interface Assignment {
  id: number;
  applicationId: number;
  reviewerId: number;
  reviewerName: string;
  /** The reviewer's council (their expert role's region), or null. */
  reviewerRegion: string | null;
  method: AssignmentMethod;
  status: AssignmentStatus;
  barredReason: string | null;
  assignedAt: string;
  declaredAt: string | null;
  grounds: string[];
  declarationNote: string | null;
  submittedAt: string | null;
}

function assignmentsQuery(db: Executor) {
  return db
    .selectFrom('review_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.reviewer_id')
    .select([
      'ra.id',
      'ra.application_id',
      'ra.reviewer_id',
      'u.name as reviewer_name',
      'ra.method',
      'ra.status',
      'ra.barred_reason',
      'ra.assigned_at',
      'ra.declared_at',
      'ra.disqualification_grounds',
      'ra.declaration_note',
      'ra.submitted_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('role_assignments as r')
        .select((e) => e.fn.min('r.region_code').as('region'))
        .whereRef('r.user_id', '=', 'ra.reviewer_id')
        .where('r.role', '=', 'expert')
        .as('reviewer_region'),
    );
}

type AssignmentQueryRow = Awaited<ReturnType<ReturnType<typeof assignmentsQuery>['executeTakeFirstOrThrow']>>;

function toAssignment(r: AssignmentQueryRow): Assignment {
  return {
    id: r.id,
    applicationId: r.application_id,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    reviewerRegion: r.reviewer_region ?? null,
    method: r.method,
    status: r.status,
    barredReason: r.barred_reason,
    assignedAt: r.assigned_at,
    declaredAt: r.declared_at,
    grounds: r.disqualification_grounds ? (JSON.parse(r.disqualification_grounds) as string[]) : [],
    declarationNote: r.declaration_note,
    submittedAt: r.submitted_at,
  };
}

/** Every assignment of the call's applications, by application and then reviewer name. */
export async function listCallAssignments(db: Executor, callId: number): Promise<Assignment[]> {
  const rows = await assignmentsQuery(db)
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .where('a.call_id', '=', callId)
    .orderBy('ra.application_id')
    .orderBy('u.name')
    .orderBy('ra.id')
    .execute();
  return rows.map(toAssignment);
}

export async function listApplicationAssignments(db: Executor, applicationId: number): Promise<Assignment[]> {
  const rows = await assignmentsQuery(db).where('ra.application_id', '=', applicationId).orderBy('u.name').orderBy('ra.id').execute();
  return rows.map(toAssignment);
}

export async function findAssignment(db: Executor, id: number): Promise<Assignment | undefined> {
  const row = await assignmentsQuery(db).where('ra.id', '=', id).executeTakeFirst();
  return row && toAssignment(row);
}

export interface ScoreEntry {
  assignmentId: number;
  criterionId: number;
  score: number | null;
  comment: string;
}

/** The scores of the given assignments (drafts and submitted alike: the caller decides what it may show). */
export async function listScores(db: Executor, assignmentIds: readonly number[]): Promise<ScoreEntry[]> {
  if (assignmentIds.length === 0) return [];
  const rows = [];
  // Chunks keep the parameter count inside SQLite's and PostgreSQL's limits for large calls.
  for (let i = 0; i < assignmentIds.length; i += 5000) {
    const chunk = assignmentIds.slice(i, i + 5000);
    rows.push(...(await db.selectFrom('review_scores').select(['assignment_id', 'criterion_id', 'score', 'comment']).where('assignment_id', 'in', chunk).execute()));
  }
  return rows.map((r) => ({ assignmentId: r.assignment_id, criterionId: r.criterion_id, score: r.score, comment: r.comment }));
}

/** The submitted scores of cleared reviewers for every application of a call: what the ranking counts. */
export async function listSubmittedCallScores(db: Executor, callId: number): Promise<Array<{ applicationId: number; reviewerId: number; criterionId: number; score: number }>> {
  const rows = await db
    .selectFrom('review_scores as s')
    .innerJoin('review_assignments as ra', 'ra.id', 's.assignment_id')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .select(['ra.application_id', 'ra.reviewer_id', 's.criterion_id', 's.score'])
    .where('a.call_id', '=', callId)
    .where('ra.status', '=', 'cleared')
    .where('ra.submitted_at', 'is not', null)
    .where('s.score', 'is not', null)
    .orderBy('ra.application_id')
    .orderBy('ra.reviewer_id')
    .orderBy('s.criterion_id')
    .execute();
  return rows.map((r) => ({ applicationId: r.application_id, reviewerId: r.reviewer_id, criterionId: r.criterion_id, score: r.score as number }));
}

export interface ConsensusEntry {
  applicationId: number;
  criterionId: number;
  score: number;
  justification: string;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: string;
}

export async function listCallConsensus(db: Executor, callId: number): Promise<ConsensusEntry[]> {
  const rows = await db
    .selectFrom('consensus_scores as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.application_id', 'c.criterion_id', 'c.score', 'c.justification', 'c.recorded_by', 'u.name as recorded_by_name', 'c.recorded_at'])
    .where('a.call_id', '=', callId)
    .orderBy('c.application_id')
    .orderBy('c.criterion_id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    criterionId: r.criterion_id,
    score: r.score,
    justification: r.justification,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name ?? null,
    recordedAt: r.recorded_at,
  }));
}
