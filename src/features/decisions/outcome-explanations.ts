import type { Executor } from '../../db/database.js';
import type { AllocationOutcome, Shortfall } from '../../domain/allocation.js';
import { toNumber, type Fraction } from '../../domain/fraction.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import type { Criterion } from '../calls/calls.repository.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import type { StandingReason } from './call-assessment.js';

/**
 * Plain-language explanations of an application's standing and its outcome in the standard
 * allocation, in the reader's language. The officers' funding page, the decision letters and the
 * applicants' and public pages all use these texts, so each one is a complete sentence that reads on
 * its own, names councils and criteria by name and formats money and scores for the language.
 */

export interface ExplanationNames {
  /** The council of a region, by its code: the body that pays the region's share. */
  region(code: string): string;
  criterion(id: number): string;
}

export interface OutcomeExplanation {
  headline: string;
  details: string[];
}

/** Names from the regions and the call's criteria in one language; an unknown one falls back to its code. */
export function explanationNames(locale: Locale, regions: readonly Region[], criteria: readonly Pick<Criterion, 'id' | 'name'>[]): ExplanationNames {
  const councils = new Map(regions.map((r) => [r.code, r.council.name[locale]]));
  const criterionNames = new Map(criteria.map((c) => [c.id, c.name[locale]]));
  return {
    region: (code) => councils.get(code) ?? code,
    criterion: (id) => criterionNames.get(id) ?? `#${id}`,
  };
}

export async function loadExplanationNames(db: Executor, locale: Locale, criteria: readonly Pick<Criterion, 'id' | 'name'>[]): Promise<ExplanationNames> {
  return explanationNames(locale, await listRegions(db), criteria);
}

/** A score with two decimals at most, as the language writes it: "12,5" in Finnish. */
export function formatScore(value: Fraction | number, locale: Locale): string {
  const n = typeof value === 'number' ? value : toNumber(value);
  return formatNumber(Math.round(n * 100) / 100, locale);
}

/** An officer's free text as the end of a sentence: a full stop added unless it already ends in one. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

interface Texts {
  noReviewers: string;
  reviewsMissing(submitted: number, expected: number): string;
  generalFailed(criterion: string): string;
  generalUndecided(criterion: string): string;
  belowMinimum(total: string, minimum: string): string;
  ineligible(reason: string): string;
  funded(granted: string): string;
  fundedReduced(granted: string, requested: string): string;
  councilPays(council: string, amount: string): string;
  reserve(position: number): string;
  reserveRule: string;
  shortfall(council: string, needed: string, remaining: string, short: string): string;
  notFundable: string;
  ineligibleHeadline: string;
}

const texts: Readonly<Record<Locale, Texts>> = {
  fi: {
    noReviewers: 'Hakemukselle ei ole vielä määrätty arvioijia.',
    reviewsMissing: (s, e) => `${e} arviosta on annettu ${s}. Hakemus voidaan asettaa järjestykseen vasta, kun kaikki arviot on annettu.`,
    generalFailed: (c) => `Yleinen kriteeri ”${c}” ei täyttynyt.`,
    generalUndecided: (c) => `Arvioijat ovat eri mieltä kriteeristä ”${c}”, eikä yhteistä kantaa ole vielä kirjattu.`,
    belowMinimum: (t, m) => `Kokonaispisteet ${t} jäävät alle haun vähimmäispistemäärän ${m}.`,
    ineligible: (r) => `Hakemus ei täytä haun muodollisia edellytyksiä: ${sentence(r)}`,
    funded: (g) => `Saa rahoitusta: avustus on ${g}.`,
    fundedReduced: (g, r) => `Saa rahoitusta: avustus on ${g}, vaikka haettu summa oli ${r}.`,
    councilPays: (c, a) => `${c} rahoittaa ${a}.`,
    reserve: (p) => `Varasijalla ${p}: jäljellä oleva budjetti ei riitä avustukseen.`,
    reserveRule: 'Hanke rahoitetaan vain, jos jokainen siihen osallistuva maakuntaliitto pystyy maksamaan oman osuutensa jäljellä olevasta budjetistaan.',
    shortfall: (c, n, l, s) => `${c}: hankkeen osuus on ${n}, mutta budjettia oli jäljellä vain ${l}, joten ${s} puuttuu.`,
    notFundable: 'Ei voida rahoittaa.',
    ineligibleHeadline: 'Ei täytä haun muodollisia edellytyksiä.',
  },
  sv: {
    noReviewers: 'Inga bedömare har ännu utsetts för ansökan.',
    reviewsMissing: (s, e) => `${s} av ${e} bedömningar har lämnats in. Ansökan kan rangordnas först när alla bedömningar har lämnats in.`,
    generalFailed: (c) => `Det allmänna kriteriet ”${c}” uppfylldes inte.`,
    generalUndecided: (c) => `Bedömarna är oeniga om ”${c}” och någon gemensam bedömning har ännu inte registrerats.`,
    belowMinimum: (t, m) => `Totalpoängen ${t} är lägre än utlysningens minimipoäng ${m}.`,
    ineligible: (r) => `Ansökan uppfyller inte utlysningens formella villkor: ${sentence(r)}`,
    funded: (g) => `Beviljas finansiering: stödet är ${g}.`,
    fundedReduced: (g, r) => `Beviljas finansiering: stödet är ${g}, fast det sökta beloppet var ${r}.`,
    councilPays: (c, a) => `${c} finansierar ${a}.`,
    reserve: (p) => `På reservlistan som nummer ${p}: den återstående budgeten räcker inte till stödet.`,
    reserveRule: 'Ett projekt finansieras bara om varje förbund som deltar kan betala sin andel av det som återstår av dess budget.',
    shortfall: (c, n, l, s) => `${c}: projektets andel är ${n}, men av budgeten återstod bara ${l}, så ${s} saknas.`,
    notFundable: 'Kan inte beviljas finansiering.',
    ineligibleHeadline: 'Uppfyller inte utlysningens formella villkor.',
  },
  en: {
    noReviewers: 'No reviewers have been assigned to the application yet.',
    reviewsMissing: (s, e) => `${s} of ${e} reviews have been submitted. The application can be ranked only when every review is in.`,
    generalFailed: (c) => `General criterion ‘${c}’ was not passed.`,
    generalUndecided: (c) => `Reviewers disagree on ‘${c}’ and no consensus has been recorded.`,
    belowMinimum: (t, m) => `The total score ${t} is below the call’s minimum ${m}.`,
    ineligible: (r) => `The application was found formally ineligible: ${sentence(r)}`,
    funded: (g) => `Funded with a grant of ${g}.`,
    fundedReduced: (g, r) => `Funded with a grant of ${g}; ${r} was requested.`,
    councilPays: (c, a) => `${c} pays ${a}.`,
    reserve: (p) => `Reserve list, position ${p}: the remaining budget does not cover the grant.`,
    reserveRule: 'A project is funded only when every council involved can pay its share from what is left of its budget.',
    shortfall: (c, n, l, s) => `${c}: the project’s share is ${n}, but only ${l} was left of its budget, ${s} short.`,
    notFundable: 'Not fundable.',
    ineligibleHeadline: 'Formally ineligible.',
  },
};

export function standingReasonText(locale: Locale, reason: StandingReason, names: ExplanationNames): string {
  const t = texts[locale];
  switch (reason.code) {
    case 'reviews-missing':
      return reason.expected === 0 ? t.noReviewers : t.reviewsMissing(reason.submitted, reason.expected);
    case 'general-failed':
      return t.generalFailed(names.criterion(reason.criterionId));
    case 'general-undecided':
      return t.generalUndecided(names.criterion(reason.criterionId));
    case 'below-minimum':
      return t.belowMinimum(formatScore(reason.total, locale), formatScore(reason.minimum, locale));
    case 'formally-ineligible':
      return t.ineligible(reason.reason);
  }
}

/** One council's shortfall on a reserve project: its share, what it had left, and by how much it fell short. */
export function shortfallText(locale: Locale, shortfall: Shortfall, names: ExplanationNames): string {
  const money = (cents: number) => formatMoney(cents, locale);
  return texts[locale].shortfall(names.region(shortfall.regionCode), money(shortfall.neededCents), money(shortfall.remainingCents), money(shortfall.shortCents));
}

export function explainOutcome(locale: Locale, outcome: AllocationOutcome<StandingReason>, names: ExplanationNames): OutcomeExplanation {
  const t = texts[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  switch (outcome.kind) {
    case 'funded':
      return {
        headline:
          outcome.grantedCents < outcome.requestedCents
            ? t.fundedReduced(money(outcome.grantedCents), money(outcome.requestedCents))
            : t.funded(money(outcome.grantedCents)),
        details: Object.entries(outcome.sharesByRegion)
          .filter(([, cents]) => cents > 0)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([region, cents]) => t.councilPays(names.region(region), money(cents))),
      };
    case 'reserve':
      return {
        headline: t.reserve(outcome.reservePosition),
        details: [t.reserveRule, ...outcome.shortfalls.map((s) => shortfallText(locale, s, names))],
      };
    case 'not-fundable':
      return { headline: t.notFundable, details: outcome.reasons.map((r) => standingReasonText(locale, r, names)) };
    case 'ineligible':
      return { headline: t.ineligibleHeadline, details: outcome.reasons.map((r) => standingReasonText(locale, r, names)) };
  }
}
