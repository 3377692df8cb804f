import type { Executor } from '../../db/database.js';
import type { AssignmentMethod, AssignmentStatus } from '../../db/schema.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';

/**
 * What assigning reviewers reads and writes: the applications of a call in review with their public
 * facts (never the sections or contact people), the expert pool, and the assignment rows themselves.
 * Reading assignments with their reviewers is in reviews.repository.ts.
 */

export interface PartnerFact {
  organisationId: number;
  name: string;
  regionCode: string;
  isLead: boolean;
}

/** An application as reviewers and the assignment see it: only what is public about it. */
export interface ReviewApplication {
  id: number;
  callId: number;
  title: string;
  summary: string;
  leadOrganisationName: string;
  partners: PartnerFact[];
  /** The regions of its partners, sorted. */
  regionCodes: string[];
}

async function partnersOf(db: Executor, applicationIds: readonly number[]): Promise<Map<number, PartnerFact[]>> {
  const map = new Map<number, PartnerFact[]>();
  if (applicationIds.length === 0) return map;
  const rows = await db
    .selectFrom('application_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.application_id', 'p.organisation_id', 'o.name', 'p.region_code', 'p.is_lead'])
    .where('p.application_id', 'in', applicationIds)
    .orderBy('p.application_id')
    .orderBy('p.is_lead', 'desc')
    .orderBy('p.sort_order')
    .orderBy('p.id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.application_id) ?? [];
    list.push({ organisationId: r.organisation_id, name: r.name, regionCode: r.region_code, isLead: r.is_lead === 1 });
    map.set(r.application_id, list);
  }
  return map;
}

function applicationsQuery(db: Executor) {
  return db
    .selectFrom('applications as a')
    .innerJoin('organisations as lead', 'lead.id', 'a.lead_organisation_id')
    .select(['a.id', 'a.call_id', 'a.title', 'a.summary', 'lead.name as lead_name'])
    .where('a.status', '=', 'submitted');
}

async function withPartners(db: Executor, rows: Array<{ id: number; call_id: number; title: string; summary: string; lead_name: string }>): Promise<ReviewApplication[]> {
  const partners = await partnersOf(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const own = partners.get(r.id) ?? [];
    return {
      id: r.id,
      callId: r.call_id,
      title: r.title,
      summary: r.summary,
      leadOrganisationName: r.lead_name,
      partners: own,
      regionCodes: [...new Set(own.map((p) => p.regionCode))].sort(),
    };
  });
}

/** The submitted applications of a call, by application number: the ones to review. */
export async function listReviewApplications(db: Executor, callId: number): Promise<ReviewApplication[]> {
  return withPartners(db, await applicationsQuery(db).where('a.call_id', '=', callId).orderBy('a.id').execute());
}

/** One submitted application with its public facts. */
export async function findReviewApplication(db: Executor, applicationId: number): Promise<ReviewApplication | undefined> {
  const row = await applicationsQuery(db).where('a.id', '=', applicationId).executeTakeFirst();
  return row ? (await withPartners(db, [row]))[0] : undefined;
}

/** A member of the expert pool: an active user with the expert role. */
export interface Expert {
  id: number;
  name: string;
  email: string;
  locale: string;
  /** The council of their expert role (the first by code if they have several), or null. */
  regionCode: string | null;
  organisationIds: number[];
}

export async function listExperts(db: Executor): Promise<Expert[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .select((eb) => eb.fn.min('r.region_code').as('region_code'))
    .where('u.status', '=', 'active')
    .where('r.role', '=', 'expert')
    .groupBy(['u.id', 'u.name', 'u.email', 'u.locale'])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  const memberships = rows.length === 0 ? [] : await db.selectFrom('organisation_members').select(['user_id', 'organisation_id']).where('user_id', 'in', rows.map((r) => r.id)).execute();
  const organisationsOf = new Map<number, number[]>();
  for (const m of memberships) organisationsOf.set(m.user_id, [...(organisationsOf.get(m.user_id) ?? []), m.organisation_id]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    locale: r.locale,
    regionCode: r.region_code ?? null,
    organisationIds: (organisationsOf.get(r.id) ?? []).sort((a, b) => a - b),
  }));
}

export async function insertAssignment(
  db: Executor,
  values: { applicationId: number; reviewerId: number; method: AssignmentMethod; status: AssignmentStatus; barredReason: string | null; assignedBy: number | null; assignedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('review_assignments')
    .values({
      application_id: values.applicationId,
      reviewer_id: values.reviewerId,
      method: values.method,
      status: values.status,
      barred_reason: values.barredReason,
      assigned_by: values.assignedBy,
      assigned_at: values.assignedAt,
      declared_at: null,
      disqualification_grounds: null,
      declaration_note: null,
      submitted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes an assignment whose scores were never submitted (its draft scores go with it); false if there was none such. */
export async function deleteUnsubmittedAssignment(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('review_assignments').where('id', '=', id).where('submitted_at', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Records the reviewer's declaration on an assignment still waiting for it; false if it no longer was. */
export async function recordDeclaration(
  db: Executor,
  id: number,
  values: { status: 'cleared' | 'disqualified'; grounds: readonly string[]; note: string | null; declaredAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable('review_assignments')
    .set({ status: values.status, disqualification_grounds: JSON.stringify(values.grounds), declaration_note: values.note, declared_at: values.declaredAt })
    .where('id', '=', id)
    .where('status', '=', 'awaiting-declaration')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One of a reviewer's assignments, for their own list. */
export interface ReviewerAssignment {
  id: number;
  applicationId: number;
  applicationTitle: string;
  leadOrganisationName: string;
  callId: number;
  callReference: string;
  callTitle: Localised;
  status: AssignmentStatus;
  assignedAt: string;
  submittedAt: string | null;
}

/** A reviewer's assignments on submitted applications, newest call first, then by application number. */
export async function listReviewerAssignments(db: Executor, reviewerId: number): Promise<ReviewerAssignment[]> {
  const rows = await db
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .innerJoin('organisations as lead', 'lead.id', 'a.lead_organisation_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select(['ra.id', 'ra.application_id', 'a.title', 'lead.name as lead_name', 'c.id as call_id', 'c.reference', 'c.title_fi', 'c.title_sv', 'c.title_en'])
    .select(['ra.status', 'ra.assigned_at', 'ra.submitted_at'])
    .where('ra.reviewer_id', '=', reviewerId)
    .where('a.status', '=', 'submitted')
    .orderBy('c.closes_at', 'desc')
    .orderBy('c.id', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    applicationTitle: r.title,
    leadOrganisationName: r.lead_name,
    callId: r.call_id,
    callReference: r.reference,
    callTitle: localisedColumns(r, 'title'),
    status: r.status,
    assignedAt: r.assigned_at,
    submittedAt: r.submitted_at,
  }));
}

/** The call an application belongs to. */
export async function callOfApplication(db: Executor, applicationId: number): Promise<number | undefined> {
  const row = await db.selectFrom('applications').select('call_id').where('id', '=', applicationId).executeTakeFirst();
  return row?.call_id;
}
