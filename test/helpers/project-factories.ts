import type { Db } from '../../src/db/database.js';
import type { CallRow, OrganisationRow, ProjectStatus, ReportStatus, ReportingPeriodKind } from '../../src/db/schema.js';
import { regionMaskOf } from '../../src/domain/region-mask.js';
import { reindexProject } from '../../src/features/projects/project-search.index.js';
import { buildApplication, buildCall, type CallSpec } from './call-factories.js';
import { buildOrganisation } from './factories.js';

/**
 * Factories for funded projects. `buildProject` writes a project directly with the facts a test
 * states (title, summary, partners' regions, each council's grant, year) and indexes it for search,
 * without going through review and decisions: search and dashboard tests need many projects with
 * exact figures. For the real path (decision → project) use decideCall in decision-factories.ts.
 */

export interface ProjectSpec {
  call?: CallRow;
  title?: string;
  summary?: string;
  /** Priority slug of the call's strategy; default the call's first priority. */
  priority?: string;
  /** Partner organisations by region; the first is the lead. Default 17 (lead), 18, 19. */
  partners?: Array<{ region: string; organisation?: OrganisationRow }>;
  /** Region code → granted cents. Default EUR 100,000 from each partner region. */
  funding?: Record<string, number>;
  decisionYear?: number;
  status?: ProjectStatus;
  startDate?: string;
  endDate?: string;
}

export interface BuiltProject {
  id: number;
  applicationId: number;
  callId: number;
  leadOrganisationId: number;
  /** project_partners ids in order (the lead first). */
  partnerIds: number[];
}

async function decisionFor(db: Db, callId: number, region: string): Promise<number> {
  let proposalId = (await db.selectFrom('funding_proposals').select('id').where('call_id', '=', callId).executeTakeFirst())?.id;
  if (!proposalId) {
    proposalId = (
      await db
        .insertInto('funding_proposals')
        .values({ call_id: callId, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const existing = await db.selectFrom('council_decisions').select('id').where('call_id', '=', callId).where('region_code', '=', region).executeTakeFirst();
  if (existing) return existing.id;
  return (
    await db
      .insertInto('council_decisions')
      .values({
        call_id: callId,
        proposal_id: proposalId,
        region_code: region,
        decision_number: `${region}/${callId}`,
        decision_date: '2026-11-27',
        decision_maker: `Maakuntahallitus ${region}`,
        grounds: 'Perustelut.',
        recorded_by: null,
        recorded_at: '2026-11-27T12:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** A funded project with exactly the stated facts, indexed for search. */
export async function buildProject(db: Db, spec: ProjectSpec = {}): Promise<BuiltProject> {
  const call = spec.call ?? (await buildCall(db, {} satisfies CallSpec));
  const partnerSpecs = spec.partners ?? [{ region: '17' }, { region: '18' }, { region: '19' }];
  const organisations = await Promise.all(partnerSpecs.map((p) => p.organisation ?? buildOrganisation(db, { region: p.region })));
  const lead = organisations[0]!;
  const application = await buildApplication(db, {
    call,
    lead: { organisation: lead, region: partnerSpecs[0]!.region },
    partners: partnerSpecs.slice(1).map((p, i) => ({ region: p.region, organisation: organisations[i + 1]! })),
    status: 'submitted',
    ...(spec.title ? { title: spec.title } : {}),
  });
  const priority = spec.priority
    ? await db.selectFrom('priorities').select('id').where('strategy_id', '=', call.strategy_id).where('slug', '=', spec.priority).executeTakeFirstOrThrow()
    : await db.selectFrom('call_priorities').select('priority_id as id').where('call_id', '=', call.id).executeTakeFirstOrThrow();
  const funding = spec.funding ?? Object.fromEntries([...new Set(partnerSpecs.map((p) => p.region))].map((r) => [r, 10_000_000]));
  const granted = Object.values(funding).reduce((s, c) => s + c, 0);
  const year = spec.decisionYear ?? 2026;
  const at = `${year}-11-27T12:00:00.000Z`;
  const project = await db
    .insertInto('projects')
    .values({
      application_id: application.id,
      call_id: call.id,
      strategy_id: call.strategy_id,
      priority_id: priority.id,
      lead_organisation_id: lead.id,
      instrument: call.instrument,
      title: spec.title ?? `Testihanke ${application.id}`,
      summary: spec.summary ?? 'Hankkeen julkinen tiivistelmä.',
      start_date: spec.startDate ?? '2027-01-01',
      end_date: spec.endDate ?? '2028-12-31',
      decision_year: year,
      granted_cents: granted,
      region_count: new Set(partnerSpecs.map((p) => p.region)).size,
      region_mask: regionMaskOf(partnerSpecs.map((p) => p.region)),
      status: spec.status ?? 'ongoing',
      funded_at: at,
      completed_at: spec.status === 'completed' ? at : null,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const partnerIds: number[] = [];
  for (const [i, p] of partnerSpecs.entries()) {
    const row = await db
      .insertInto('project_partners')
      .values({
        project_id: project.id,
        application_partner_id: application.partnerIds[i]!,
        organisation_id: organisations[i]!.id,
        region_code: p.region,
        is_lead: i === 0 ? 1 : 0,
        requested_cents: funding[p.region] ?? 0,
        sort_order: i,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    partnerIds.push(row.id);
  }
  for (const [region, cents] of Object.entries(funding)) {
    await db.insertInto('project_funding').values({ project_id: project.id, region_code: region, granted_cents: cents, decision_id: await decisionFor(db, call.id, region) }).execute();
  }
  await reindexProject(db, project.id);
  return { id: project.id, applicationId: application.id, callId: call.id, leadOrganisationId: lead.id, partnerIds };
}

/** A reporting period of a project; default a progress period of 2027 due on 31 Jan 2028. */
export async function buildReportingPeriod(
  db: Db,
  projectId: number,
  spec: { kind?: ReportingPeriodKind; start?: string; end?: string; due?: string } = {},
): Promise<number> {
  const row = await db
    .insertInto('reporting_periods')
    .values({
      project_id: projectId,
      kind: spec.kind ?? 'progress',
      period_start: spec.start ?? '2027-01-01',
      period_end: spec.end ?? '2027-12-31',
      due_date: spec.due ?? '2028-01-31',
      created_by: null,
      created_at: '2026-11-28T10:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A report in the given state with spending per partner and indicator values (indicator code → value in units). */
export async function buildReport(
  db: Db,
  project: BuiltProject,
  periodId: number,
  spec: { status?: ReportStatus; narrative?: string; spending?: number[]; indicators?: Record<string, number>; submittedAt?: string } = {},
): Promise<number> {
  const status = spec.status ?? 'accepted';
  const submittedAt = status === 'draft' ? null : (spec.submittedAt ?? '2028-01-15T10:00:00.000Z');
  const row = await db
    .insertInto('project_reports')
    .values({
      period_id: periodId,
      project_id: project.id,
      status,
      narrative: spec.narrative ?? 'Hanke on edennyt suunnitelman mukaan.',
      updated_by: null,
      updated_at: submittedAt ?? '2028-01-10T10:00:00.000Z',
      submitted_by: null,
      submitted_at: submittedAt,
      first_submitted_at: submittedAt,
      reviewed_by: null,
      reviewed_at: status === 'accepted' || status === 'returned' ? '2028-01-20T10:00:00.000Z' : null,
      review_comment: status === 'returned' ? 'Täydennä kustannukset.' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, cents] of (spec.spending ?? []).entries()) {
    await db.insertInto('report_spending').values({ report_id: row.id, project_partner_id: project.partnerIds[i]!, spent_cents: cents }).execute();
  }
  for (const [code, value] of Object.entries(spec.indicators ?? {})) {
    const indicator = await db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    await db.insertInto('report_indicator_values').values({ report_id: row.id, indicator_id: indicator.id, value_hundredths: Math.round(value * 100) }).execute();
  }
  return row.id;
}

/** Sets a project's target for an indicator (code → value in units). */
export async function setProjectTarget(db: Db, projectId: number, code: string, value: number): Promise<void> {
  const indicator = await db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  await db.insertInto('project_indicators').values({ project_id: projectId, indicator_id: indicator.id, target_hundredths: Math.round(value * 100) }).execute();
}
