import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatMoney } from '../../../i18n/format.js';
import { CsrfField } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { StoredProposal } from '../funding-proposal.js';
import { fundingMessages } from '../funding.messages.js';
import { formatScore, type ExplanationNames } from '../outcome-explanations.js';
import { ApplicationLink, OutcomeExplanation, type ApplicationsById } from './funding.parts.js';
import { CouncilsTable } from './funding.tables.js';

/**
 * The confirmed proposal as it was frozen: every figure comes from the stored snapshot, never from a
 * new calculation, so the page shows exactly what the councils decide on. Only titles and lead
 * organisations, which the snapshot does not hold, are read from the applications.
 */
export function ProposalSection(props: {
  ctx: PageContext;
  callId: number;
  stored: StoredProposal;
  councilDecided: boolean;
  applications: ApplicationsById;
  names: ExplanationNames;
}) {
  const { ctx, callId, stored, councilDecided, applications, names } = props;
  const { locale } = ctx;
  const m = fundingMessages[locale];
  const { proposal } = stored;
  const scoreOf = new Map(proposal.scores.map((s) => [s.applicationId, s]));
  const grantedByRegion: Record<string, number> = {};
  for (const o of proposal.outcomes) {
    if (o.kind !== 'funded') continue;
    for (const [r, cents] of Object.entries(o.sharesByRegion)) grantedByRegion[r] = (grantedByRegion[r] ?? 0) + cents;
  }
  const base = pagePath(locale, 'adminCalls', String(callId));
  return (
    <section aria-labelledby="proposal" class="funding-proposal">
      <h2 id="proposal">{m.proposalHeading}</h2>
      <p>{m.proposalConfirmed(formatDateTime(stored.confirmedAt, locale))}</p>
      <dl class="summary-list">
        <div>
          <dt>{m.proposalHash}</dt>
          <dd>
            <code class="funding-proposal__hash">{stored.sha256}</code>
          </dd>
        </div>
      </dl>
      <p>
        <a href={`${base}/decisions`} class="button">
          {m.decisionsLink}
        </a>
      </p>
      <CouncilsTable ctx={ctx} id="proposal-councils-caption" caption={m.proposalCouncilsCaption} budgets={proposal.budgets} grantedByRegion={grantedByRegion} names={names} />
      <ScrollTable id="proposal-caption" caption={m.proposalCaption}>
        <thead>
          <tr>
            <th scope="col" class="numeric">
              {m.colRank}
            </th>
            <th scope="col">{m.colApplicationAndLead}</th>
            <th scope="col" class="numeric">
              {m.colScore}
            </th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
            <th scope="col">{m.colOutcome}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.outcomes.map((o) => {
            const score = scoreOf.get(o.applicationId);
            return (
              <tr id={`application-${o.applicationId}`}>
                <td class="numeric">{score?.rank ?? '–'}</td>
                <th scope="row">
                  <ApplicationLink ctx={ctx} callId={callId} applications={applications} id={o.applicationId} />
                  <span class="funding-lead">{applications.get(o.applicationId)?.leadOrganisationName ?? ''}</span>
                </th>
                <td class="numeric">{score?.total ? formatScore(score.total, locale) : '–'}</td>
                <td class="numeric">{formatMoney(o.requestedCents, locale)}</td>
                <td class="funding-outcome">
                  <OutcomeExplanation ctx={ctx} outcome={o} names={names} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      {councilDecided ? (
        <p class="muted">{m.cancelLocked}</p>
      ) : (
        <form method="post" action={`${base}/funding/cancel`}>
          <CsrfField token={ctx.csrf()} />
          <p class="field__hint">{m.cancelHint}</p>
          <button type="submit" class="button button--secondary">
            {m.cancel}
          </button>
        </form>
      )}
    </section>
  );
}
