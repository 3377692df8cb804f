import type { AllocationOutcome } from '../../../domain/allocation.js';
import { pagePath } from '../../../http/page-paths.js';
import type { Locale } from '../../../i18n/locales.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import { AdminPage, CallPartsNav, callTitle } from '../../calls/views/call-criteria.parts.js';
import type { AssessedApplication, StandingReason } from '../call-assessment.js';
import { fundingMessages } from '../funding.messages.js';
import { explainOutcome, type ExplanationNames } from '../outcome-explanations.js';

/** What the funding tables need about each application, by its number. */
export type ApplicationsById = ReadonlyMap<number, AssessedApplication>;

export function applicationTitle(applications: ApplicationsById, id: number, locale: Locale): string {
  return applications.get(id)?.title || fundingMessages[locale].applicationNumber(id);
}

/** The application's title, linked to the officers' review page of the application. */
export function ApplicationLink({ ctx, callId, applications, id }: { ctx: PageContext; callId: number; applications: ApplicationsById; id: number }) {
  return <a href={pagePath(ctx.locale, 'adminCalls', String(callId), 'review', 'applications', String(id))}>{applicationTitle(applications, id, ctx.locale)}</a>;
}

/** An outcome in plain words: the headline, then each detail (councils' shares, shortfalls, reasons). */
export function OutcomeExplanation({ ctx, outcome, names }: { ctx: PageContext; outcome: AllocationOutcome<StandingReason>; names: ExplanationNames }) {
  const explained = explainOutcome(ctx.locale, outcome, names);
  return (
    <>
      <p class="funding-outcome__headline">
        <span class={`tag ${outcomeTag[outcome.kind]}`}>{explained.headline}</span>
      </p>
      {explained.details.length > 0 ? (
        <ul class="funding-outcome__details">
          {explained.details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

const outcomeTag: Record<AllocationOutcome['kind'], string> = {
  funded: 'tag--success',
  reserve: 'tag--pending',
  'not-fundable': 'tag--neutral',
  ineligible: 'tag--locked',
};

/** The page shown (409) when the state of the call or its proposal forbids what was asked. */
export function FundingRefusedPage({
  ctx,
  call,
  title,
  text,
  items = [],
}: {
  ctx: PageContext;
  call: CallDetails;
  title?: string;
  text: string;
  items?: ReadonlyArray<{ id: number; title: string; detail: string }>;
}) {
  const m = fundingMessages[ctx.locale];
  const heading = title ?? m.refusedTitle;
  return (
    <AdminPage ctx={ctx} title={heading}>
      <CallPartsNav ctx={ctx} callId={call.id} current="funding" />
      <PageHeading title={heading} lead={callTitle(call, ctx.locale)} />
      <div class="notice notice--warning" role="alert">
        <p>{text}</p>
      </div>
      {items.length > 0 ? (
        <ul class="funding-missing">
          {items.map((i) => (
            <li>
              <a href={pagePath(ctx.locale, 'adminCalls', String(call.id), 'review', 'applications', String(i.id))}>{i.title}</a>: {i.detail}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={pagePath(ctx.locale, 'adminCalls', String(call.id), 'funding')}>{m.backToFunding}</a>
      </p>
    </AdminPage>
  );
}
