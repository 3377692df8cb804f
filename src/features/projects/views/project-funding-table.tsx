import { formatCalendarDate, formatMoney } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { projectFundingTableMessages } from '../project-funding-table.messages.js';
import type { ProjectFunding } from '../projects.repository.js';

export interface ProjectFundingTableProps {
  locale: Locale;
  /** The caption's id, which names the scrolling region. */
  id: string;
  caption: string;
  funding: ReadonlyArray<Pick<ProjectFunding, 'regionCode' | 'grantedCents' | 'decisionNumber' | 'decisionDate'>>;
  /** Region code → the name of the council that granted the funding. */
  councilName: (regionCode: string) => string;
  /** The project's total grant, shown in a total row; no total row when left out. */
  totalCents?: number | undefined;
  /** Show round sums without cents, as the public page does. */
  wholeEuros?: boolean | undefined;
}

/** A funded project's funding per council: who granted how much, by which decision, and the total. */
export function ProjectFundingTable({ locale, id, caption, funding, councilName, totalCents, wholeEuros = false }: ProjectFundingTableProps) {
  const m = projectFundingTableMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale, { wholeEuros });
  return (
    <ScrollTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{m.colCouncil}</th>
          <th scope="col" class="numeric">
            {m.colGranted}
          </th>
          <th scope="col">{m.colDecision}</th>
        </tr>
      </thead>
      <tbody>
        {funding.map((f) => (
          <tr>
            <th scope="row">{councilName(f.regionCode)}</th>
            <td class="numeric">{money(f.grantedCents)}</td>
            <td>{m.decisionRef(f.decisionNumber, formatCalendarDate(f.decisionDate, locale))}</td>
          </tr>
        ))}
      </tbody>
      {totalCents === undefined ? null : (
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            <td class="numeric">{money(totalCents)}</td>
            <td></td>
          </tr>
        </tfoot>
      )}
    </ScrollTable>
  );
}
