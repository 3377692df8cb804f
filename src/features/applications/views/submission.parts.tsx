import type { Figures, Problem } from '../../../domain/eligibility.js';
import { formatMoney } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import type { GrowthSector, Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { problemMessage, type ProblemNames } from '../applications.messages.js';
import { formatRate } from '../../../i18n/format.js';
import { formatToSecond, submissionMessages } from '../submission.messages.js';
import type { SubmissionSnapshot } from '../submission.snapshot.js';

/** Reference data a page about an application names things with. */
export interface Names {
  regions: readonly Region[];
  priorities: readonly Priority[];
  sectors: readonly GrowthSector[];
  call: CallDetails;
}

/** An instant in Helsinki time to the second, with the UTC instant for machines. */
export function Instant({ at, locale }: { at: string; locale: Locale }) {
  return <time dateTime={new Date(at).toISOString()}>{formatToSecond(at, locale)}</time>;
}

export const regionName = (names: Pick<Names, 'regions'>, code: string, locale: Locale) =>
  names.regions.find((r) => r.code === code)?.name[locale] ?? code;
export const councilName = (names: Pick<Names, 'regions'>, code: string, locale: Locale) =>
  names.regions.find((r) => r.code === code)?.council.name[locale] ?? code;

/** How the problems of an application name its partners, questions and regions (as the editor names them). */
export function problemNames(
  locale: Locale,
  partners: ReadonlyArray<{ key: string; name: string }>,
  names: Pick<Names, 'regions' | 'call'>,
): ProblemNames {
  return {
    partners: Object.fromEntries(partners.map((p) => [p.key, p.name])),
    regions: Object.fromEntries(names.regions.map((r) => [r.code, r.name[locale]])),
    questions: Object.fromEntries(names.call.questions.map((q) => [String(q.id), q.label[locale]])),
  };
}

export function ProblemList({ problems, locale, names, id }: { problems: readonly Problem[]; locale: Locale; names: ProblemNames; id?: string }) {
  return (
    <ul class="submission__problems" id={id}>
      {problems.map((p) => (
        <li>{problemMessage(p, locale, names)}</li>
      ))}
    </ul>
  );
}

export interface FigurePartner {
  key: string;
  name: string;
  isLead: boolean;
  regionCode: string;
  ownFundingCents: number;
  otherPublicCents: number;
}

/** The partners' costs and financing with totals, the aid rate and the regions counted. */
export function FiguresTable({ ctx, id, partners, figures, names }: { ctx: PageContext; id: string; partners: readonly FigurePartner[]; figures: Figures; names: Names }) {
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const money = (c: number) => formatMoney(c, locale);
  return (
    <>
      <ScrollTable id={id} caption={m.partnersCaption}>
        <thead>
          <tr>
            <th scope="col">{m.partner}</th>
            <th scope="col">{m.region}</th>
            <th scope="col" class="numeric">{m.totalCosts}</th>
            <th scope="col" class="numeric">{m.requested}</th>
            <th scope="col" class="numeric">{m.ownFunding}</th>
            <th scope="col" class="numeric">{m.otherPublic}</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => {
            const f = figures.partners.find((x) => x.key === p.key);
            return (
              <tr>
                <th scope="row">
                  {p.name}
                  {p.isLead ? ` (${m.lead})` : ''}
                </th>
                <td>{regionName(names, p.regionCode, locale)}</td>
                <td class="numeric">{money(f?.totalCostsCents ?? 0)}</td>
                <td class="numeric">{money(f?.requestedCents ?? 0)}</td>
                <td class="numeric">{money(p.ownFundingCents)}</td>
                <td class="numeric">{money(p.otherPublicCents)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            <td></td>
            <td class="numeric">{money(figures.totalCostsCents)}</td>
            <td class="numeric">{money(figures.requestedCents)}</td>
            <td class="numeric">{money(figures.ownFundingCents)}</td>
            <td class="numeric">{money(figures.otherPublicCents)}</td>
          </tr>
        </tfoot>
      </ScrollTable>
      <dl class="summary-list">
        <div>
          <dt>{m.aidRate}</dt>
          <dd>{formatRate(figures.aidRateBp, locale)}</dd>
        </div>
        <div>
          <dt>{m.regionsCounted}</dt>
          <dd>
            {figures.regions.length}: {figures.regions.map((r) => regionName(names, r, locale)).join(', ')}
          </dd>
        </div>
        <div>
          <dt>{m.requestedByCouncil}</dt>
          <dd>
            <ul class="submission__list">
              {Object.entries(figures.requestedByRegion).map(([code, cents]) => (
                <li>
                  {councilName(names, code, locale)}: {money(cents)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </>
  );
}

export const snapshotFigurePartners = (s: SubmissionSnapshot): FigurePartner[] =>
  s.partners.map((p) => ({ key: String(p.id), name: p.name, isLead: p.isLead, regionCode: p.regionCode, ownFundingCents: p.ownFundingCents, otherPublicCents: p.otherPublicCents }));
