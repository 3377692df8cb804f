import { createHash } from 'node:crypto';
import type { Db } from '../src/db/database.js';
import { businessIdCheckDigit } from '../src/domain/business-id.js';
import { buildClosedCall, startReview } from '../test/helpers/review-factories.js';
import { COUNCILS, CRITERIA, MIN_TOTAL_SCORE, type GeneratedCall } from './allocation-data.js';

/**
 * Stores a generated call (allocation-data.ts) as submitted, reviewed applications, in bulk: a few
 * hundred rows a statement, all in one transaction, so 10,000 applications with their partners,
 * receipts, three reviews each and the officers' assessments take seconds, not the hours one
 * submission at a time would. The rows are what assessCall reads; the texts are placeholders.
 */

const AT = '2026-11-16T08:00:00.000Z';
const ORGANISATIONS_PER_COUNCIL = 50;
const REVIEWERS = 60;
const CHUNK = 500;

async function insertAll<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

function businessId(n: number): string {
  for (let k = n; ; k += 100_000) {
    const digits = String(3_000_000 + k).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

/** Seeds the call; returns its id and the application ids in the generated order. */
export async function seedGeneratedCall(db: Db, generated: GeneratedCall): Promise<{ callId: number; applicationIds: number[]; criterionIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const call = await buildClosedCall(trx, { budgets: generated.budgets, title: `Allokaatiovertailu ${generated.applications.length}` });
    if (call.min_total_score !== MIN_TOTAL_SCORE) throw new Error('the call factory no longer sets the minimum the generator assumes');
    const criteria = await trx.selectFrom('call_criteria').select(['id', 'kind']).where('call_id', '=', call.id).orderBy('sort_order').execute();
    if (criteria.map((c) => c.kind).join() !== CRITERIA.map((c) => c.kind).join()) throw new Error('the call factory’s criteria differ from the generator’s');

    const organisations = COUNCILS.flatMap((region, r) =>
      Array.from({ length: ORGANISATIONS_PER_COUNCIL }, (_, k) => ({
        business_id: businessId(r * ORGANISATIONS_PER_COUNCIL + k),
        name: `Vertailuorganisaatio ${region}-${k + 1}`,
        org_type: 'university' as const,
        region_code: region,
        created_at: AT,
        updated_at: AT,
      })),
    );
    await insertAll(organisations, (chunk) => trx.insertInto('organisations').values(chunk).execute());
    const orgRows = await trx.selectFrom('organisations').select(['id', 'region_code']).where('name', 'like', 'Vertailuorganisaatio %').orderBy('id').execute();
    const orgsOf = (region: string) => orgRows.filter((o) => o.region_code === region).map((o) => o.id);
    const orgPool = new Map(COUNCILS.map((c) => [c as string, orgsOf(c)]));
    const orgFor = (region: string, n: number) => {
      const pool = orgPool.get(region)!;
      return pool[n % pool.length]!;
    };

    const stamp = Date.now().toString(36);
    await insertAll(
      Array.from({ length: REVIEWERS }, (_, k) => ({ email: `arvioija${k + 1}-${stamp}@example.test`, name: `Arvioija ${k + 1}`, locale: 'fi', status: 'active' as const, created_at: AT, updated_at: AT })),
      (chunk) => trx.insertInto('users').values(chunk).execute(),
    );
    const reviewers = (await trx.selectFrom('users').select('id').where('email', 'like', `arvioija%-${stamp}@example.test`).orderBy('id').execute()).map((u) => u.id);

    const apps = generated.applications;
    await insertAll(
      apps.map((a) => ({
        call_id: call.id,
        lead_organisation_id: orgFor(a.partners[0]!.region, a.position),
        status: 'submitted' as const,
        title: `Vertailuhanke ${a.position}`,
        summary: 'Hankkeen julkinen tiivistelmä.',
        priority_id: null,
        start_date: '2027-01-01',
        end_date: '2028-12-31',
        created_by: null,
        created_at: AT,
        updated_at: AT,
        submitted_at: a.submittedAt,
      })),
      (chunk) => trx.insertInto('applications').values(chunk).execute(),
    );
    // One transaction on one connection: the autoincrement ids follow the insertion order.
    const applicationIds = (await trx.selectFrom('applications').select('id').where('call_id', '=', call.id).orderBy('id').execute()).map((r) => r.id);
    if (applicationIds.length !== apps.length) throw new Error('not every application was stored');

    await insertAll(
      apps.flatMap((a, i) =>
        a.partners.map((p, k) => ({
          application_id: applicationIds[i]!,
          organisation_id: orgFor(p.region, a.position + k),
          is_lead: k === 0 ? 1 : 0,
          region_code: p.region,
          unit: 'Yksikkö',
          role_description: 'Toteuttaa työpaketin.',
          contact_name: 'Yhteyshenkilö',
          contact_email: `hanke${a.position}-${k}@example.test`,
          requested_cents: p.requestedCents,
          own_funding_cents: Math.floor(p.requestedCents / 4),
          other_public_cents: 0,
          sort_order: k,
          created_at: AT,
          updated_at: AT,
        })),
      ),
      (chunk) => trx.insertInto('application_partners').values(chunk).execute(),
    );

    const snapshot = '{}';
    const sha = createHash('sha256').update(snapshot).digest('hex');
    await insertAll(
      apps.map((a, i) => ({
        application_id: applicationIds[i]!,
        receipt_number: `${call.reference}-${String(a.position).padStart(5, '0')}`,
        submitted_at: a.submittedAt,
        submitted_by: null,
        content_sha256: sha,
        snapshot,
      })),
      (chunk) => trx.insertInto('application_submissions').values(chunk).execute(),
    );

    const reviewerOf = (position: number, k: number) => reviewers[(position * 7 + k * 13) % reviewers.length]!;
    await insertAll(
      apps.flatMap((a, i) =>
        a.reviews.map((_, k) => ({
          application_id: applicationIds[i]!,
          reviewer_id: reviewerOf(a.position, k),
          method: 'automatic' as const,
          status: 'cleared' as const,
          barred_reason: null,
          assigned_by: null,
          assigned_at: AT,
          declared_at: AT,
          disqualification_grounds: '[]',
          declaration_note: null,
          submitted_at: '2026-11-20T10:00:00.000Z',
        })),
      ),
      (chunk) => trx.insertInto('review_assignments').values(chunk).execute(),
    );
    const assignments = await trx
      .selectFrom('review_assignments as ra')
      .innerJoin('applications as a', 'a.id', 'ra.application_id')
      .select(['ra.id', 'ra.application_id', 'ra.reviewer_id'])
      .where('a.call_id', '=', call.id)
      .execute();
    const assignmentOf = new Map(assignments.map((r) => [`${r.application_id}/${r.reviewer_id}`, r.id]));
    const criterionIds = criteria.map((c) => c.id);
    await insertAll(
      apps.flatMap((a, i) =>
        a.reviews.flatMap((scores, k) =>
          CRITERIA.map((c, j) => ({
            assignment_id: assignmentOf.get(`${applicationIds[i]}/${reviewerOf(a.position, k)}`)!,
            criterion_id: criterionIds[j]!,
            score: scores[c.id]!,
            comment: 'Perustelu.',
            updated_at: '2026-11-20T10:00:00.000Z',
          })),
        ),
      ),
      (chunk) => trx.insertInto('review_scores').values(chunk).execute(),
    );

    await insertAll(
      apps.flatMap((a, i) =>
        a.ineligibleReason === null && a.fixedGrantCents === null
          ? []
          : [
              {
                application_id: applicationIds[i]!,
                ineligible_reason: a.ineligibleReason,
                ineligible_by: null,
                ineligible_at: a.ineligibleReason === null ? null : AT,
                fixed_grant_cents: a.fixedGrantCents,
                fixed_reason: a.fixedGrantCents === null ? null : 'Kustannukset on mitoitettu liian suuriksi.',
                fixed_by: null,
                fixed_at: a.fixedGrantCents === null ? null : AT,
              },
            ],
      ),
      (chunk) => trx.insertInto('application_assessments').values(chunk).execute(),
    );
    await startReview(trx, call);
    return { callId: call.id, applicationIds, criterionIds };
  });
}
