import type { OptimumObjective, OptimumResult } from '../../../domain/allocation-optimum.js';
import type { FieldError } from '../../../http/errors.js';
import { formatMoney } from '../../../i18n/format.js';
import { ErrorSummary, Notice } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import { AdminPage, CallPartsNav, callTitle } from '../../calls/views/call-criteria.parts.js';
import type { FixedForm } from '../funding.form.js';
import { fundingMessages } from '../funding.messages.js';
import type { FundingView } from '../funding.service.js';
import type { ExplanationNames } from '../outcome-explanations.js';
import { ConfirmSection, FixedGrantForms, WhatIfSection } from './funding.forms.js';
import { ApplicationLink, applicationTitle } from './funding.parts.js';
import { ProposalSection } from './funding.proposal.js';
import { CouncilsTable, OthersTable, RankingTable } from './funding.tables.js';

export type FundingNotice = 'fixedSaved' | 'fixedCleared' | 'confirmed' | 'cancelled';
export const fundingNotices: readonly FundingNotice[] = ['fixedSaved', 'fixedCleared', 'confirmed', 'cancelled'];

export interface FundingPageProps {
  ctx: PageContext;
  call: CallDetails;
  view: FundingView;
  names: ExplanationNames;
  objective: OptimumObjective;
  /** The what-if; null when it could not be calculated (or a proposal is confirmed, when it is not shown). */
  optimum: OptimumResult | null;
  /** The fixed-grant form being previewed or corrected, with what was typed. */
  editing: FixedForm | null;
  errors: readonly FieldError[];
  notice: FundingNotice | null;
}

/**
 * The officers' ranking and funding page. Before confirmation: the councils' budgets, the ranking with
 * each outcome explained, the applications that cannot be funded, fixed grants with a preview, the
 * advisory what-if and the confirmation. After it: the frozen proposal, read from its snapshot.
 */
export function FundingPage(props: FundingPageProps) {
  const { ctx, call, view, names, objective, optimum, editing, errors, notice } = props;
  const { locale, t } = ctx;
  const m = fundingMessages[locale];
  const title = m.pageTitle(callTitle(call, locale));
  const { assessment, preview } = view;
  const applications = new Map(assessment.applications.map((a) => [a.applicationId, a]));
  const outcomes = new Map(view.allocation.outcomes.map((o) => [o.applicationId, o]));
  const inReview = view.phase === 'in_review';
  return (
    <AdminPage ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="funding" />
      <PageHeading title={title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {notice ? <Notice text={m[notice]} /> : null}
      {!inReview && view.phase !== 'decided' && !view.proposal ? (
        <div class="notice notice--warning">
          <p>{m.provisional}</p>
        </div>
      ) : null}

      {view.proposal ? (
        <ProposalSection ctx={ctx} callId={call.id} stored={view.proposal} councilDecided={view.councilDecided} applications={applications} names={names} />
      ) : (
        <>
          {preview ? (
            <div class="notice funding-preview" role="status">
              <p>
                <strong>{m.previewNotice(applicationTitle(applications, preview.applicationId, locale), formatMoney(preview.cents, locale))}</strong>
              </p>
              {preview.changed.length === 0 ? (
                <p>{m.previewUnchanged}</p>
              ) : (
                <>
                  <p>{m.previewChanged}</p>
                  <ul>
                    {preview.changed.map((id) => (
                      <li>
                        <ApplicationLink ctx={ctx} callId={call.id} applications={applications} id={id} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : null}
          <CouncilsTable
            ctx={ctx}
            id="councils-caption"
            caption={preview ? m.councilsCaptionPreview : m.councilsCaption}
            budgets={view.input.budgets}
            grantedByRegion={view.allocation.grantedByRegion}
            names={names}
          />

          <section aria-labelledby="ranking">
            <h2 id="ranking">{m.rankingHeading}</h2>
            <p>{m.rankingRule}</p>
            {assessment.ranking.length === 0 ? (
              <p class="muted">{m.noRanking}</p>
            ) : (
              <RankingTable ctx={ctx} callId={call.id} ranking={assessment.ranking} outcomes={outcomes} applications={applications} names={names} preview={preview} />
            )}
          </section>

          <section aria-labelledby="others">
            <h2 id="others">{m.othersHeading}</h2>
            <OthersTable ctx={ctx} callId={call.id} outcomes={view.allocation.outcomes} applications={applications} names={names} />
          </section>

          {assessment.ranking.length > 0 ? (
            <section aria-labelledby="fixed">
              <h2 id="fixed">{m.fixedHeading}</h2>
              <p>{m.fixedLead}</p>
              <FixedGrantForms ctx={ctx} callId={call.id} applications={assessment.ranking.map((r) => r.entry.application)} editing={editing} errors={errors} />
            </section>
          ) : null}

          {assessment.ranking.length > 0 ? (
            <WhatIfSection ctx={ctx} callId={call.id} objective={objective} standard={view.allocation} optimum={optimum} applications={applications} />
          ) : null}

          <ConfirmSection ctx={ctx} callId={call.id} inReview={inReview} missingReviews={view.missingReviews} applications={applications} names={names} />
        </>
      )}
    </AdminPage>
  );
}
