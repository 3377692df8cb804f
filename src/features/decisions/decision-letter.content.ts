import type { Executor } from '../../db/database.js';
import type { AllocationOutcome } from '../../domain/allocation.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { findCallDetails, type CallDetails } from '../calls/calls.repository.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import type { StandingReason } from './call-assessment.js';
import { findLetterParties, listCouncilDecisions, type CouncilDecision, type LetterParty } from './council-decisions.repository.js';
import { decisionLetterFilename, type DecisionLetterInput } from './decision-letter.pdf.js';
import { decisionLetterMessages } from './decision-letter.messages.js';
import { councilsOf, findProposal, type ProposalScore, type StoredProposal } from './funding-proposal.js';
import { explainOutcome, explanationNames } from './outcome-explanations.js';

/**
 * What a decision letter says, gathered from what is stored: the frozen funding proposal (outcome,
 * shares, scores), the councils' recorded decisions, the call and the application. Issuing a letter
 * and issuing it again both go through here, so the same stored state gives the same letter.
 */

export interface LetterContext {
  call: CallDetails;
  proposal: StoredProposal;
  decisions: CouncilDecision[];
  regions: Region[];
  parties: Map<number, LetterParty>;
}

export async function loadLetterContext(db: Executor, callId: number): Promise<LetterContext | undefined> {
  const [call, proposal, decisions, regions, parties] = await Promise.all([
    findCallDetails(db, callId),
    findProposal(db, callId),
    listCouncilDecisions(db, callId),
    listRegions(db),
    findLetterParties(db, callId),
  ]);
  return call && proposal ? { call, proposal, decisions, regions, parties } : undefined;
}

export interface LetterFor {
  applicationId: number;
  outcome: AllocationOutcome<StandingReason>;
  score: ProposalScore;
  party: LetterParty;
}

/** An application's outcome, score and party in the proposal, or undefined when it is not in it. */
export function letterSubject(ctx: LetterContext, applicationId: number): LetterFor | undefined {
  const outcome = ctx.proposal.proposal.outcomes.find((o) => o.applicationId === applicationId);
  const score = ctx.proposal.proposal.scores.find((s) => s.applicationId === applicationId);
  const party = ctx.parties.get(applicationId);
  return outcome && score && party ? { applicationId, outcome, score, party } : undefined;
}

/** The language of the letter: the submitter's, Finnish when unknown. */
export function letterLocale(party: LetterParty): Locale {
  return party.submitter && isLocale(party.submitter.locale) ? party.submitter.locale : 'fi';
}

/** The council's share of a project: what it grants when the project is funded, nothing otherwise. */
export function grantedShare(outcome: AllocationOutcome<StandingReason>, regionCode: string): number {
  return outcome.kind === 'funded' ? (outcome.sharesByRegion[regionCode] ?? 0) : 0;
}

/** The letter's content; every council the application involves must have decided. */
export function letterInput(ctx: LetterContext, subject: LetterFor, locale: Locale, finalAt: string): DecisionLetterInput {
  const { call, regions } = ctx;
  const names = explanationNames(locale, regions, call.criteria);
  const order = new Map(regions.map((r, i) => [r.code, i]));
  const decisions = councilsOf(subject.score)
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map((regionCode) => {
      const d = ctx.decisions.find((x) => x.regionCode === regionCode);
      if (!d) throw new Error(`letterInput: council ${regionCode} has not decided on application ${subject.applicationId}`);
      return {
        council: names.region(regionCode),
        number: d.number,
        date: d.date,
        maker: d.maker,
        grounds: d.grounds,
        requestedCents: subject.score.requestedByRegion[regionCode] ?? 0,
        grantedCents: grantedShare(subject.outcome, regionCode),
      };
    });
  const criteria = new Map(call.criteria.map((c) => [c.id, c]));
  return {
    locale,
    finalAt,
    recipient: subject.party.leadOrganisation,
    call: { title: call.title[locale] || call.title.fi, reference: call.reference },
    application: { title: subject.party.title, receiptNumber: subject.party.receiptNumber },
    outcome: subject.outcome.kind,
    explanation: explainOutcome(locale, subject.outcome, names),
    decisions,
    scores: {
      total: subject.score.total,
      minimum: ctx.proposal.proposal.minTotalScore,
      criteria: subject.score.criteria.flatMap((c) => {
        const criterion = criteria.get(c.criterionId);
        return criterion ? [{ name: criterion.name[locale] || criterion.name.fi, kind: criterion.kind, weight: criterion.weight, value: c.value, passed: c.passed }] : [];
      }),
    },
  };
}

/** The e-mail that carries the letter, in the letter's language. */
export function letterEmail(input: DecisionLetterInput): { subject: string; text: string; filename: string } {
  const m = decisionLetterMessages[input.locale];
  const filename = decisionLetterFilename(input.locale, input.application.receiptNumber);
  return {
    subject: m.mailSubject(input.application.receiptNumber),
    text: m.mailText({ title: input.application.title, call: input.call.title, receipt: input.application.receiptNumber, headline: input.explanation.headline, filename }),
    filename,
  };
}
