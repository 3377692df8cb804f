import type { Executor } from '../../db/database.js';
import { findCall, phaseOf, type Call } from '../calls/calls.repository.js';
import type { PublicPhase } from '../calls/calls.public.repository.js';

/**
 * What the public reads about a call's funding decisions (DESIGN.md §3: applicant, title, summary,
 * amounts and decisions are public). A project is listed once its outcome is final – every council
 * with a share in it has decided, which is when its decision letter exists – and only if it was
 * funded. Only the columns named here are read: nothing from the application's sections, contact
 * people, answers or attachments, and not the grounds, which the letters carry to the applicants.
 */

export interface CouncilDecisionRef {
  number: string;
  /** 'YYYY-MM-DD', the date of the decision in Helsinki. */
  date: string;
  maker: string;
}

export interface PublicCouncil {
  regionCode: string;
  budgetCents: number;
  /** What the council granted to the listed (final, funded) projects. */
  grantedCents: number;
  decision: CouncilDecisionRef | null;
}

export interface PublicGrant {
  regionCode: string;
  grantedCents: number;
  decisionNumber: string;
  decisionDate: string;
}

export interface FundedProject {
  applicationId: number;
  title: string;
  summary: string;
  leadOrganisation: string;
  /** The regions of the lead partner and the partners, each once, in the regions' order. */
  regionCodes: string[];
  grants: PublicGrant[];
  grantedCents: number;
  /** When the last council involved decided. */
  finalAt: string;
}

export interface PublicDecisions {
  call: Call;
  phase: PublicPhase;
  councils: PublicCouncil[];
  totalBudgetCents: number;
  /** What the councils granted to the listed projects in all. */
  grantedCents: number;
  projects: FundedProject[];
}

/** The decisions of a public call, or undefined for an unknown id or a draft. */
export async function findPublicDecisions(db: Executor, callId: number, now: Date): Promise<PublicDecisions | undefined> {
  const call = await findCall(db, callId);
  if (!call || call.status === 'draft') return undefined;

  const [regions, budgets, decisions, finals] = await Promise.all([
    db.selectFrom('regions').select(['code', 'sort_order']).execute(),
    db.selectFrom('call_regions').select(['region_code', 'budget_cents']).where('call_id', '=', callId).execute(),
    db
      .selectFrom('council_decisions')
      .select(['region_code', 'decision_number', 'decision_date', 'decision_maker'])
      .where('call_id', '=', callId)
      .execute(),
    db
      .selectFrom('decision_letters as l')
      .innerJoin('applications as a', 'a.id', 'l.application_id')
      .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
      .select(['a.id', 'a.title', 'a.summary', 'o.name as lead_name', 'l.final_at'])
      .where('a.call_id', '=', callId)
      .where('l.outcome', '=', 'funded')
      .orderBy('a.submitted_at')
      .orderBy('a.id')
      .execute(),
  ]);
  const order = new Map(regions.map((r) => [r.code, r.sort_order]));
  const byRegion = (x: string, y: string) => (order.get(x) ?? 0) - (order.get(y) ?? 0) || x.localeCompare(y);

  const ids = finals.map((f) => f.id);
  const [grants, partnerRegions] = ids.length
    ? await Promise.all([
        db
          .selectFrom('council_decision_shares as s')
          .innerJoin('council_decisions as d', 'd.id', 's.decision_id')
          .select(['s.application_id', 'd.region_code', 's.granted_cents', 'd.decision_number', 'd.decision_date'])
          .where('d.call_id', '=', callId)
          .where('s.outcome', '=', 'funded')
          .where('s.application_id', 'in', ids)
          .execute(),
        db
          .selectFrom('application_partners')
          .select(['application_id', 'region_code'])
          .distinct()
          .where('application_id', 'in', ids)
          .execute(),
      ])
    : [[], []];

  const projects: FundedProject[] = finals.map((f) => {
    const own = grants
      .filter((g) => g.application_id === f.id)
      .map((g) => ({ regionCode: g.region_code, grantedCents: Number(g.granted_cents), decisionNumber: g.decision_number, decisionDate: g.decision_date }))
      .sort((x, y) => byRegion(x.regionCode, y.regionCode));
    return {
      applicationId: f.id,
      title: f.title,
      summary: f.summary,
      leadOrganisation: f.lead_name,
      regionCodes: [...new Set(partnerRegions.filter((p) => p.application_id === f.id).map((p) => p.region_code))].sort(byRegion),
      grants: own,
      grantedCents: own.reduce((sum, g) => sum + g.grantedCents, 0),
      finalAt: f.final_at,
    };
  });

  // A council's total sums the listed projects only, so the public never learns of a grant before the project's outcome is final.
  const councils: PublicCouncil[] = budgets
    .map((b) => b.region_code)
    .sort(byRegion)
    .map((regionCode) => {
      const budget = budgets.find((b) => b.region_code === regionCode);
      const decision = decisions.find((d) => d.region_code === regionCode);
      return {
        regionCode,
        budgetCents: Number(budget?.budget_cents ?? 0),
        grantedCents: projects.reduce((sum, p) => sum + p.grants.filter((g) => g.regionCode === regionCode).reduce((s, g) => s + g.grantedCents, 0), 0),
        decision: decision ? { number: decision.decision_number, date: decision.decision_date, maker: decision.decision_maker } : null,
      };
    });

  return {
    call,
    phase: phaseOf(call, now) as PublicPhase,
    councils,
    totalBudgetCents: councils.reduce((sum, c) => sum + c.budgetCents, 0),
    grantedCents: projects.reduce((sum, p) => sum + p.grantedCents, 0),
    projects,
  };
}
