import type { Problem } from '../../domain/eligibility.js';

/**
 * Where each problem of the eligibility check is put right: the part of the application editor and
 * the form field. Free of Node APIs: the editor's script links its live problem list the same way.
 */

export type ProblemPart = { part: 'general' } | { part: 'partners' } | { part: 'attachments' } | { part: 'partner'; partnerId: number };
export type ProblemLocation = ProblemPart & { field: string };

const partnerFieldTarget: Record<string, string> = { costs: 'cost.staff', financing: 'requested' };

/**
 * The page and the form field where a problem of the eligibility check is put right. Application-wide
 * money rules point at the lead partner's financing; the partners and their regions at the partners
 * page; the call's file questions (answered by an attachment) at the attachments page.
 */
export function problemLocation(
  problem: Pick<Problem, 'code' | 'field'>,
  leadPartnerId: number | null,
  fileQuestionIds: readonly number[] = [],
): ProblemLocation {
  const field = problem.field;
  const question = /^question\.(\d+)$/.exec(field);
  if (question && fileQuestionIds.includes(Number(question[1]))) return { part: 'attachments', field };
  if (field === 'indicators') return { part: 'general', field: 'indicator.0.name' };
  if (field === 'partners') return { part: 'partners', field: 'business_id' };
  if (field === 'financing') {
    if (leadPartnerId === null) return { part: 'partners', field: 'business_id' };
    return { part: 'partner', partnerId: leadPartnerId, field: problem.code === 'no-costs' ? 'cost.staff' : 'requested' };
  }
  const partner = /^partner\.(\d+)(?:\.(.+))?$/.exec(field);
  if (partner) {
    const partnerId = Number(partner[1]);
    if (partner[2] === undefined) return { part: 'partners', field: `partner.${partnerId}` };
    return { part: 'partner', partnerId, field: partnerFieldTarget[partner[2]] ?? partner[2] };
  }
  return { part: 'general', field };
}

/** Whether a problem is about this part of the application (for the list shown on the part's own page). */
export function concernsPart(
  problem: Pick<Problem, 'code' | 'field'>,
  part: ProblemPart,
  leadPartnerId: number | null,
  fileQuestionIds: readonly number[] = [],
): boolean {
  const at = problemLocation(problem, leadPartnerId, fileQuestionIds);
  if (part.part === 'partner') return at.part === 'partner' && at.partnerId === part.partnerId;
  return at.part === part.part;
}
