/**
 * Disqualification (esteellisyys) of a reviewer, as hallintolaki (434/2003) 27–28 § sets it for anyone
 * who takes part in handling a matter. A reviewer who is disqualified may not score the application nor
 * see its confidential parts.
 *
 * The grounds of 28 § 1 mom., each with a stable code that is stored with the declaration (the texts
 * the reviewer reads live in src/features/reviews/assignments.messages.ts):
 *
 *   party            1 kohta: the reviewer or a close relative is a party (e.g. applies, or is a partner);
 *   assists-party    2 kohta: the reviewer or a close relative assists or represents a party, or someone
 *                    whom the decision can be expected to benefit or harm in particular;
 *   benefit-or-harm  3 kohta: the decision can be expected to bring the reviewer or a close relative a
 *                    particular benefit or harm;
 *   employment       4 kohta: the reviewer is employed by, or on an assignment for, a party or someone
 *                    whom the decision particularly benefits or harms;
 *   board-member     5 kohta: the reviewer or a close relative sits on the board, supervisory board or a
 *                    similar body, or is the managing director or in a similar position, of an
 *                    organisation, foundation, state enterprise or public-law institution that is a party
 *                    or that the decision particularly benefits or harms;
 *   other            the general clause that closes the list: trust in the reviewer's impartiality is
 *                    endangered for another particular reason.
 *
 * The point on officials in the governing bodies of agencies and state enterprises (matters of steering or
 * supervising them) is left out: a funding application is not such a matter, and anything near it falls
 * under the general clause.
 *
 * Apart from what the reviewer declares, the system bars on its own a reviewer who is a member of a
 * partner organisation of the application (isBarred): that is 1 or 4 kohta by the records themselves.
 */

export const disqualificationGrounds = ['party', 'assists-party', 'benefit-or-harm', 'employment', 'board-member', 'other'] as const;
export type DisqualificationGround = (typeof disqualificationGrounds)[number];

export const isDisqualificationGround = (value: unknown): value is DisqualificationGround =>
  typeof value === 'string' && (disqualificationGrounds as readonly string[]).includes(value);

/** Why the system itself barred a reviewer; stored in review_assignments.barred_reason. */
export type BarredReason = 'partner-member';

/** A reviewer who belongs to any partner organisation of the application (the lead included) is barred from it. */
export function isBarred(reviewerOrganisationIds: readonly number[], partnerOrganisationIds: readonly number[]): boolean {
  const partners = new Set(partnerOrganisationIds);
  return reviewerOrganisationIds.some((id) => partners.has(id));
}

export type DeclarationProblem = 'nothing-chosen' | 'none-and-grounds' | 'unknown-ground';

export type DeclarationOutcome =
  | { ok: true; status: 'cleared'; grounds: [] }
  | { ok: true; status: 'disqualified'; grounds: DisqualificationGround[] }
  | { ok: false; problem: DeclarationProblem };

/**
 * What a declaration amounts to. The reviewer must choose explicitly: either "none of the grounds
 * applies to me" or one or more grounds, never both and never neither, so that a form sent without a
 * choice cannot clear anyone. Grounds come back in the statute's order, each once.
 */
export function judgeDeclaration(input: { noneApplies: boolean; grounds: readonly string[] }): DeclarationOutcome {
  if (input.grounds.some((g) => !isDisqualificationGround(g))) return { ok: false, problem: 'unknown-ground' };
  const chosen = disqualificationGrounds.filter((g) => input.grounds.includes(g));
  if (input.noneApplies && chosen.length > 0) return { ok: false, problem: 'none-and-grounds' };
  if (input.noneApplies) return { ok: true, status: 'cleared', grounds: [] };
  if (chosen.length === 0) return { ok: false, problem: 'nothing-chosen' };
  return { ok: true, status: 'disqualified', grounds: chosen };
}
