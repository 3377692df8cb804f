import type { AllocationOutcome } from '../../../domain/allocation.js';
import type { Ranked } from '../../../domain/ranking.js';
import { formatMoney } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { RankedApplication, StandingReason } from '../call-assessment.js';
import { fundingMessages } from '../funding.messages.js';
import { formatScore, type ExplanationNames } from '../outcome-explanations.js';
import { ApplicationLink, OutcomeExplanation, type ApplicationsById } from './funding.parts.js';

/** Each council's budget, what the allocation grants from it and what is left. */
export function CouncilsTable({
  ctx,
  id,
  caption,
  budgets,
  grantedByRegion,
  names,
}: {
  ctx: PageContext;
  id: string;
  caption: string;
  budgets: Readonly<Record<string, number>>;
  grantedByRegion: Readonly<Record<string, number>>;
  names: ExplanationNames;
}) {
  const { locale } = ctx;
  const m = fundingMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const regions = Object.keys(budgets);
  const sum = (f: (r: string) => number) => regions.reduce((s, r) => s + f(r), 0);
  const budget = (r: string) => budgets[r] ?? 0;
  const granted = (r: string) => grantedByRegion[r] ?? 0;
  return (
    <ScrollTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{m.colCouncil}</th>
          <th scope="col" class="numeric">
            {m.colBudget}
          </th>
          <th scope="col" class="numeric">
            {m.colGranted}
          </th>
          <th scope="col" class="numeric">
            {m.colRemaining}
          </th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r) => (
          <tr>
            <th scope="row">{names.region(r)}</th>
            <td class="numeric">{money(budget(r))}</td>
            <td class="numeric">{money(granted(r))}</td>
            <td class="numeric">{money(budget(r) - granted(r))}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{m.total}</th>
          <td class="numeric">{money(sum(budget))}</td>
          <td class="numeric">{money(sum(granted))}</td>
          <td class="numeric">{money(sum((r) => budget(r) - granted(r)))}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

/** The ranking list with each project's outcome under the standard rule (or the preview's). */
export function RankingTable(props: {
  ctx: PageContext;
  callId: number;
  ranking: readonly Ranked<RankedApplication>[];
  outcomes: ReadonlyMap<number, AllocationOutcome<StandingReason>>;
  applications: ApplicationsById;
  names: ExplanationNames;
  preview: { applicationId: number; cents: number; changed: readonly number[] } | null;
}) {
  const { ctx, callId, ranking, outcomes, applications, names, preview } = props;
  const { locale } = ctx;
  const m = fundingMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <ScrollTable id="ranking-caption" caption={m.rankingCaption} class="table funding-ranking">
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
          <th scope="col" class="numeric">
            {m.colFixed}
          </th>
          <th scope="col">{m.colOutcome}</th>
        </tr>
      </thead>
      <tbody>
        {ranking.map((r) => {
          const a = r.entry.application;
          const outcome = outcomes.get(a.applicationId);
          const previewed = preview?.applicationId === a.applicationId;
          const changed = previewed || (preview?.changed.includes(a.applicationId) ?? false);
          const fixed = previewed ? preview.cents : a.fixedGrantCents;
          return (
            <tr id={`application-${a.applicationId}`} class={changed ? 'funding-row--changed' : undefined}>
              <td class="numeric">{r.rank}</td>
              <th scope="row">
                <ApplicationLink ctx={ctx} callId={callId} applications={applications} id={a.applicationId} />
                <span class="funding-lead">{a.leadOrganisationName}</span>
                {changed ? (
                  <p>
                    <span class="tag tag--highlight">{m.changedInPreview}</span>
                  </p>
                ) : null}
              </th>
              <td class="numeric">
                {a.score.total ? formatScore(a.score.total, locale) : '–'}
                {r.tieBrokenBy ? <p class="funding-note">{m.tieBreak(r.tieBrokenBy)}</p> : null}
              </td>
              <td class="numeric">{money(a.requestedCents)}</td>
              <td class="numeric">
                {fixed === null ? <span class="muted">{m.noFixed}</span> : money(fixed)}
                {!previewed && a.fixedReason ? <p class="funding-note">{a.fixedReason}</p> : null}
              </td>
              <td class="funding-outcome">{outcome ? <OutcomeExplanation ctx={ctx} outcome={outcome} names={names} /> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

/** The applications that cannot be funded (not fundable or ineligible), with their reasons. */
export function OthersTable(props: {
  ctx: PageContext;
  callId: number;
  outcomes: readonly AllocationOutcome<StandingReason>[];
  applications: ApplicationsById;
  names: ExplanationNames;
}) {
  const { ctx, callId, outcomes, applications, names } = props;
  const m = fundingMessages[ctx.locale];
  const others = outcomes.filter((o) => o.kind === 'not-fundable' || o.kind === 'ineligible');
  if (others.length === 0) return <p class="muted">{m.noOthers}</p>;
  return (
    <ScrollTable id="others-caption" caption={m.othersCaption}>
      <thead>
        <tr>
          <th scope="col">{m.colApplication}</th>
          <th scope="col">{m.colLead}</th>
          <th scope="col" class="numeric">
            {m.colRequested}
          </th>
          <th scope="col">{m.colReasons}</th>
        </tr>
      </thead>
      <tbody>
        {others.map((o) => (
          <tr id={`application-${o.applicationId}`}>
            <th scope="row">
              <ApplicationLink ctx={ctx} callId={callId} applications={applications} id={o.applicationId} />
            </th>
            <td>{applications.get(o.applicationId)?.leadOrganisationName ?? ''}</td>
            <td class="numeric">{formatMoney(o.requestedCents, ctx.locale)}</td>
            <td>
              <OutcomeExplanation ctx={ctx} outcome={o} names={names} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
