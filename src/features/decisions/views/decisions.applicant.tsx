import type { FundingOutcome } from '../../../db/schema.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate, formatDateTime, formatMoney, formatNumber } from '../../../i18n/format.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { decisionsApplicantMessages } from '../decisions.applicant.messages.js';
import type { ApplicantDecision, CouncilStanding, LetterInfo } from '../decisions.applicant.repository.js';

const outcomeTag: Record<FundingOutcome, string> = {
  funded: 'tag tag--success',
  reserve: 'tag tag--pending',
  'not-fundable': 'tag tag--neutral',
  ineligible: 'tag tag--neutral',
};

/**
 * The applicant's decision: once final, the outcome, the amounts per council with each council's
 * decision and the letter; before that, which councils have decided and which are still to decide.
 */
export function ApplicantDecisionPage(props: {
  ctx: PageContext;
  applicationId: number;
  title: string;
  /** Whether the call has moved on to review or decisions; before that nobody decides. */
  decisionsUnderWay: boolean;
  decision: ApplicantDecision;
  regions: readonly Region[];
}) {
  const { ctx, decision, regions } = props;
  const { locale } = ctx;
  const m = decisionsApplicantMessages[locale];
  const id = String(props.applicationId);
  const title = m.title(props.title.trim() || m.untitled);
  const councilName = (code: string) => regions.find((r) => r.code === code)?.council.name[locale] ?? code;
  return (
    <Layout ctx={ctx} title={title}>
      <p class="back-link">
        <a href={pagePath(locale, 'applications', id, 'receipt')}>{m.backToReceipt}</a>
      </p>
      <PageHeading title={title} />
      {decision.letter ? (
        <FinalDecision ctx={ctx} applicationId={id} letter={decision.letter} councils={decision.councils} councilName={councilName} />
      ) : (
        <PendingDecision ctx={ctx} underWay={props.decisionsUnderWay} councils={decision.councils} councilName={councilName} />
      )}
    </Layout>
  );
}

function FinalDecision(props: { ctx: PageContext; applicationId: string; letter: LetterInfo; councils: CouncilStanding[]; councilName: (code: string) => string }) {
  const { ctx, letter, councils, councilName } = props;
  const { locale } = ctx;
  const m = decisionsApplicantMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const requested = councils.reduce((sum, c) => sum + c.requestedCents, 0);
  const granted = councils.reduce((sum, c) => sum + (c.share?.grantedCents ?? 0), 0);
  return (
    <>
      <section aria-labelledby="decision-outcome" class="panel decision-outcome">
        <h2 id="decision-outcome">{m.outcomeHeading}</h2>
        <p>
          <span class="visually-hidden">{m.outcomeLabel}: </span>
          <span class={outcomeTag[letter.outcome]}>{m.outcomes[letter.outcome]}</span>
        </p>
        <p>{m.outcomeText[letter.outcome]}</p>
        <p class="muted">
          {m.finalOn}: <time dateTime={letter.finalAt}>{formatDateTime(letter.finalAt, locale)}</time>
        </p>
      </section>

      <ScrollTable id="decision-grants-caption" caption={m.grantsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colCouncil}</th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
            <th scope="col" class="numeric">
              {m.colGranted}
            </th>
            <th scope="col">{m.colDecision}</th>
          </tr>
        </thead>
        <tbody>
          {councils.map((c) => (
            <tr>
              <th scope="row">{councilName(c.regionCode)}</th>
              <td class="numeric">{money(c.requestedCents)}</td>
              <td class="numeric">{money(c.share?.grantedCents ?? 0)}</td>
              <td>
                {c.decision ? (
                  <>
                    {m.decisionRef(c.decision.number, formatCalendarDate(c.decision.date, locale))}
                    <span class="decision-maker">{m.decisionMaker(c.decision.maker)}</span>
                  </>
                ) : (
                  m.notDecided
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            <td class="numeric">{money(requested)}</td>
            <td class="numeric">{money(granted)}</td>
            <td></td>
          </tr>
        </tfoot>
      </ScrollTable>

      <h2>{m.letterHeading}</h2>
      <p>
        <a href={pagePath(locale, 'applications', props.applicationId, 'decision', 'letter')} download={letter.filename}>
          {m.letterLink(letter.filename)}
        </a>{' '}
        <span class="muted">{m.letterSize(formatNumber(Math.max(1, Math.round(letter.sizeBytes / 1024)), locale))}</span>
      </p>
      <p>{m.rectification}</p>
    </>
  );
}

function PendingDecision(props: { ctx: PageContext; underWay: boolean; councils: CouncilStanding[]; councilName: (code: string) => string }) {
  const { ctx, councils, councilName } = props;
  const { locale } = ctx;
  const m = decisionsApplicantMessages[locale];
  const anyDecided = councils.some((c) => c.decision !== null);
  return (
    <section aria-labelledby="decision-pending">
      <h2 id="decision-pending">{m.pendingHeading}</h2>
      <p>{m.pendingLead}</p>
      {!props.underWay && !anyDecided ? <p class="muted">{m.notStarted}</p> : null}
      <ScrollTable id="decision-pending-caption" caption={m.pendingCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colCouncil}</th>
            <th scope="col">{m.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {councils.map((c) => (
            <tr>
              <th scope="row">{councilName(c.regionCode)}</th>
              <td>
                {c.decision ? (
                  m.decided(formatCalendarDate(c.decision.date, locale), c.decision.number)
                ) : (
                  <span class="muted">{m.notDecided}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
