import type { Executor } from '../../db/database.js';
import type { FundingOutcome } from '../../db/schema.js';
import type { CouncilDecisionRef } from './decisions.public.repository.js';

/**
 * One application's decisions as its applicant sees them: every council its partners asked a share
 * from, with that council's decision on the share once made, and the decision letter once the last
 * of them has decided (the outcome is final then, and only then).
 */

export interface CouncilStanding {
  regionCode: string;
  /** The grant asked from this council (the share of the partners in its region). */
  requestedCents: number;
  decision: CouncilDecisionRef | null;
  /** The council's decision on this application's share; null while it has not decided. */
  share: { outcome: FundingOutcome; requestedCents: number; grantedCents: number } | null;
}

export interface LetterInfo {
  outcome: FundingOutcome;
  locale: string;
  filename: string;
  sizeBytes: number;
  finalAt: string;
}

export interface ApplicantDecision {
  councils: CouncilStanding[];
  /** Present once the outcome is final. */
  letter: LetterInfo | null;
}

export async function findApplicantDecision(db: Executor, application: { id: number; callId: number }): Promise<ApplicantDecision> {
  const [regions, requested, shares, letter] = await Promise.all([
    db.selectFrom('regions').select(['code', 'sort_order']).execute(),
    db
      .selectFrom('application_partners')
      .select('region_code')
      .select((eb) => eb.fn.sum<number>('requested_cents').as('requested'))
      .where('application_id', '=', application.id)
      .groupBy('region_code')
      .execute(),
    db
      .selectFrom('council_decision_shares as s')
      .innerJoin('council_decisions as d', 'd.id', 's.decision_id')
      .select(['d.region_code', 'd.decision_number', 'd.decision_date', 'd.decision_maker', 's.outcome', 's.requested_cents', 's.granted_cents'])
      .where('s.application_id', '=', application.id)
      .where('d.call_id', '=', application.callId)
      .execute(),
    db
      .selectFrom('decision_letters')
      .select(['outcome', 'locale', 'filename', 'size_bytes', 'final_at'])
      .where('application_id', '=', application.id)
      .executeTakeFirst(),
  ]);
  const order = new Map(regions.map((r) => [r.code, r.sort_order]));
  const asked = new Map(requested.filter((r) => Number(r.requested) > 0).map((r) => [r.region_code, Number(r.requested)]));
  const involved = [...new Set([...asked.keys(), ...shares.map((s) => s.region_code)])].sort(
    (x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0) || x.localeCompare(y),
  );
  return {
    councils: involved.map((regionCode) => {
      const s = shares.find((x) => x.region_code === regionCode);
      return {
        regionCode,
        requestedCents: s ? Number(s.requested_cents) : (asked.get(regionCode) ?? 0),
        decision: s ? { number: s.decision_number, date: s.decision_date, maker: s.decision_maker } : null,
        share: s ? { outcome: s.outcome, requestedCents: Number(s.requested_cents), grantedCents: Number(s.granted_cents) } : null,
      };
    }),
    letter: letter
      ? { outcome: letter.outcome, locale: letter.locale, filename: letter.filename, sizeBytes: Number(letter.size_bytes), finalAt: letter.final_at }
      : null,
  };
}

