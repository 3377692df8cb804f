import type { Executor } from '../database.js';
import { applicationSections } from '../../domain/eligibility.js';
import { findApplicationDetails } from '../../features/applications/applications.repository.js';
import { buildSnapshot, sealSnapshot } from '../../features/applications/submission.snapshot.js';
import type { CallDetails } from '../../features/calls/calls.repository.js';

/**
 * Submitted demo applications for the demo calls in review (demo-review.ts) and the decided ones
 * (demo-projects.ts): the application with its sections, answers and partners, a sealed submission
 * snapshot, and the fictional experts' scored review assignments.
 */

export interface DemoApplicationPartner {
  organisationId: number;
  regionCode: string;
  /** The grant in euros asked from the partner's own council. */
  requestEuros: number;
  contactName: string;
  contactEmail: string;
}

export interface SubmittedDemoApplicationSpec {
  leadOrganisationId: number;
  /** Stored as given (the caller adds "(demo)"). */
  title: string;
  summary: string;
  priorityId: number | null;
  startDate: string;
  endDate: string;
  submittedAt: string;
  receiptNumber: string;
  /** The user who created, last updated and submitted it (null: nobody). */
  submittedBy: number | null;
  indicators?: ReadonlyArray<{ name: string; unit: string; targetValue: number }>;
  /** The lead first. */
  partners: readonly DemoApplicationPartner[];
}

/** Inserts a submitted demo application of `call` and its sealed submission; returns the application id. */
export async function insertSubmittedDemoApplication(trx: Executor, call: CallDetails, spec: SubmittedDemoApplicationSpec, at: string): Promise<number> {
  const application = await trx
    .insertInto('applications')
    .values({
      call_id: call.id,
      lead_organisation_id: spec.leadOrganisationId,
      status: 'submitted',
      title: spec.title,
      summary: spec.summary,
      priority_id: spec.priorityId,
      start_date: spec.startDate,
      end_date: spec.endDate,
      created_by: spec.submittedBy,
      created_at: at,
      updated_at: at,
      updated_by: spec.submittedBy,
      submitted_at: spec.submittedAt,
      is_demo: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('application_sections')
    .values(applicationSections.map((section) => ({ application_id: application.id, section, body: `Kuvitteellinen teksti osiosta ${section}. (Kokeiluaineistoa.)`, is_secret: section === 'implementation' ? 1 : 0 })))
    .execute();
  for (const [n, indicator] of (spec.indicators ?? []).entries()) {
    await trx
      .insertInto('application_indicators')
      .values({ application_id: application.id, name: indicator.name, unit: indicator.unit, target_value: indicator.targetValue, sort_order: n + 1 })
      .execute();
  }
  for (const q of call.questions) {
    await trx.insertInto('application_answers').values({ application_id: application.id, question_id: q.id, value: q.kind === 'choice' ? '0' : 'Tulokset jäävät maakuntien yhteiseen käyttöön.' }).execute();
  }
  for (const [p, partnerSpec] of spec.partners.entries()) {
    const requested = partnerSpec.requestEuros * 100;
    const staff = Math.ceil(requested / 1.4 / 0.75);
    const total = staff + Math.floor((staff * 4000) / 10_000);
    const partner = await trx
      .insertInto('application_partners')
      .values({
        application_id: application.id,
        organisation_id: partnerSpec.organisationId,
        is_lead: p === 0 ? 1 : 0,
        region_code: partnerSpec.regionCode,
        unit: 'Hankeyksikkö',
        role_description: p === 0 ? 'Koordinoi hanketta.' : 'Toteuttaa työpaketin omassa maakunnassaan.',
        contact_name: partnerSpec.contactName,
        contact_email: partnerSpec.contactEmail,
        requested_cents: requested,
        own_funding_cents: total - requested,
        other_public_cents: 0,
        sort_order: p,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('application_partner_costs').values({ partner_id: partner.id, category: 'staff', amount_cents: staff }).execute();
  }
  const details = await findApplicationDetails(trx, application.id);
  if (!details) throw new Error('demo application was not stored');
  const sealed = sealSnapshot(buildSnapshot(call, details));
  await trx
    .insertInto('application_submissions')
    .values({
      application_id: application.id,
      receipt_number: spec.receiptNumber,
      submitted_at: spec.submittedAt,
      submitted_by: spec.submittedBy,
      content_sha256: sealed.sha256,
      snapshot: sealed.json,
    })
    .execute();
  return application.id;
}

/** Each reviewer has declared no disqualification and scored every criterion of the call at `level` (general 1, horizontal at most 3). */
export async function insertDemoReviews(
  trx: Executor,
  call: Pick<CallDetails, 'criteria'>,
  applicationId: number,
  reviews: ReadonlyArray<{ reviewerId: number; level: number }>,
  at: string,
): Promise<void> {
  for (const { reviewerId, level } of reviews) {
    const assignment = await trx
      .insertInto('review_assignments')
      .values({ application_id: applicationId, reviewer_id: reviewerId, method: 'automatic', status: 'cleared', assigned_at: at, declared_at: at, disqualification_grounds: '[]', submitted_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (call.criteria.length === 0) continue;
    await trx
      .insertInto('review_scores')
      .values(
        call.criteria.map((c) => ({
          assignment_id: assignment.id,
          criterion_id: c.id,
          score: c.kind === 'general' ? 1 : c.kind === 'horizontal' ? Math.min(level, 3) : level,
          comment: 'Kuvitteellinen perustelu. (Kokeiluaineistoa.)',
          updated_at: at,
        })),
      )
      .execute();
  }
}

/** A fictional expert of the demo (no password: they cannot sign in), made once. */
export async function demoExpert(trx: Executor, email: string, name: string, regionCode: string, at: string): Promise<number> {
  const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return existing.id;
  const user = await trx
    .insertInto('users')
    .values({ email, name, locale: 'fi', status: 'active', password_hash: null, password_changed_at: null, is_demo: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('role_assignments').values({ user_id: user.id, role: 'expert', region_code: regionCode, created_at: at }).execute();
  return user.id;
}
