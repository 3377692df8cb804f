import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { helsinkiWallClock } from '../../domain/helsinki-time.js';
import { regionMaskOf } from '../../domain/region-mask.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { reindexProject } from './project-search.index.js';

/**
 * A funded application becomes a project when its outcome becomes final: the public facts copied
 * from the submitted application, its partners, and each council's grant with the decision that
 * made it. Runs in the transaction of the council decision that made the outcome final, so there is
 * a project exactly when there is a final funded outcome. Returns the project's id, or null when
 * nothing was granted.
 */
export async function createProjectFromDecision(trx: Transaction<Database>, actor: Actor, applicationId: number, now: Date): Promise<number | null> {
  const existing = await trx.selectFrom('projects').select('id').where('application_id', '=', applicationId).executeTakeFirst();
  if (existing) return existing.id;
  const application = await trx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .select([
      'applications.call_id',
      'applications.lead_organisation_id',
      'applications.title',
      'applications.summary',
      'applications.priority_id',
      'applications.start_date',
      'applications.end_date',
      'applications.is_demo',
      'calls.strategy_id',
      'calls.instrument',
    ])
    .where('applications.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const funding = await trx
    .selectFrom('council_decision_shares')
    .innerJoin('council_decisions', 'council_decisions.id', 'council_decision_shares.decision_id')
    .select(['council_decisions.region_code', 'council_decisions.id as decision_id', 'council_decision_shares.granted_cents'])
    .where('council_decision_shares.application_id', '=', applicationId)
    .where('council_decision_shares.granted_cents', '>', 0)
    .orderBy('council_decisions.region_code')
    .execute();
  const grantedCents = funding.reduce((sum, f) => sum + Number(f.granted_cents), 0);
  if (grantedCents <= 0) return null;
  const partners = await trx
    .selectFrom('application_partners')
    .select(['id', 'organisation_id', 'region_code', 'is_lead', 'requested_cents', 'sort_order'])
    .where('application_id', '=', applicationId)
    .orderBy('is_lead', 'desc')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();

  const at = now.toISOString();
  const project = await trx
    .insertInto('projects')
    .values({
      application_id: applicationId,
      call_id: application.call_id,
      strategy_id: application.strategy_id,
      priority_id: application.priority_id,
      lead_organisation_id: application.lead_organisation_id,
      instrument: application.instrument,
      title: application.title,
      summary: application.summary,
      start_date: application.start_date,
      end_date: application.end_date,
      decision_year: helsinkiWallClock(now).year,
      granted_cents: grantedCents,
      region_count: new Set(partners.map((p) => p.region_code)).size,
      region_mask: regionMaskOf(partners.map((p) => p.region_code)),
      status: 'ongoing',
      funded_at: at,
      completed_at: null,
      is_demo: application.is_demo,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (partners.length > 0) {
    await trx
      .insertInto('project_partners')
      .values(
        partners.map((p, index) => ({
          project_id: project.id,
          application_partner_id: p.id,
          organisation_id: p.organisation_id,
          region_code: p.region_code,
          is_lead: p.is_lead,
          requested_cents: p.requested_cents,
          sort_order: index,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('project_funding')
    .values(funding.map((f) => ({ project_id: project.id, region_code: f.region_code, granted_cents: f.granted_cents, decision_id: f.decision_id })))
    .execute();
  await reindexProject(trx, project.id);
  await appendAudit(
    trx,
    actor,
    { action: 'project.created', entityType: 'project', entityId: project.id, after: { applicationId, grantedCents, councils: funding.map((f) => f.region_code) } },
    now,
  );
  return project.id;
}
