import { BudgetsTable, Rules } from './calls.detail.js';
import type { CallAction, CallPhase } from '../../../domain/call-lifecycle.js';
import { maxWeightedTotal, type CallProblem } from '../../../domain/call-validation.js';
import { pagePath } from '../../../http/page-paths.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, Notice, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { problemMessage } from '../calls.admin.form.js';
import { callsAdminMessages } from '../calls.admin.messages.js';
import { callCriteriaMessages } from '../call-criteria.messages.js';
import type { CallCorrection } from '../calls.admin.repository.js';
import type { CallDetails } from '../calls.repository.js';
import { PhaseTag, helsinkiTimeText, textIn } from './calls.admin.parts.js';

export interface CallOverviewProps {
  ctx: PageContext;
  call: CallDetails;
  phase: CallPhase;
  actions: readonly CallAction[];
  regions: readonly Region[];
  priorities: readonly Priority[];
  corrections: readonly CallCorrection[];
  notice: string | undefined;
  /** Why publishing was refused, when it was. */
  problems?: readonly CallProblem[];
  /** Set when an action was refused because the call is in another phase. */
  refusedInPhase?: CallPhase | undefined;
  /** Set when marking the call decided waits for the funding proposal or for councils' decisions. */
  decisionsPending?: 'no-proposal' | string[] | undefined;
}

export function CallOverviewPage(props: CallOverviewProps) {
  const { ctx, call, phase, regions, corrections } = props;
  const { t, locale } = ctx;
  const m = callsAdminMessages[locale];
  const parts = callCriteriaMessages[locale];
  const id = String(call.id);
  const title = textIn(call.title, locale);
  const priorityName = new Map(props.priorities.map((p) => [p.id, p.name[locale]]));
  const problems = props.problems ?? [];
  const problemHref = (p: CallProblem) =>
    p.field === 'criteria' ? pagePath(locale, 'adminCalls', id, 'criteria') : `${pagePath(locale, 'adminCalls', id, 'edit')}#${fieldId(p.field)}`;
  return (
    <AdminLayout ctx={ctx} title={problems.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminCalls">
      <p>
        <a href={pagePath(locale, 'adminCalls')}>{m.backToList}</a>
      </p>
      <PageHeading title={title}>
        <p>
          {call.reference} <PhaseTag phase={phase} locale={locale} />
        </p>
      </PageHeading>
      <Notice text={props.notice} />
      {props.refusedInPhase ? <Notice kind="warning" text={m.wrongPhase(m.phases[props.refusedInPhase])} /> : null}
      {props.decisionsPending === 'no-proposal' ? <Notice kind="warning" text={m.decidedNeedsProposal} /> : null}
      {Array.isArray(props.decisionsPending) ? (
        <Notice
          kind="warning"
          text={m.decidedWaitsFor(props.decisionsPending.map((code) => regions.find((r) => r.code === code)?.council.name[locale] ?? code).join(', '))}
        />
      ) : null}
      {problems.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="publish-problems-title" tabIndex={-1} autofocus>
          <h2 id="publish-problems-title">{m.publishProblemsTitle}</h2>
          <ul>
            {problems.map((p) => (
              <li>
                <a href={problemHref(p)}>{problemMessage(p, m)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>{m.actionsHeading}</h2>
      <Actions ctx={ctx} id={id} actions={props.actions} />

      <dl class="summary-list">
        <div>
          <dt>{m.phaseLabel}</dt>
          <dd>{m.phases[phase]}</dd>
        </div>
        <div>
          <dt>{m.opensLabel}</dt>
          <dd>{helsinkiTimeText(call.opensAt, locale)}</dd>
        </div>
        <div>
          <dt>{m.closesLabel}</dt>
          <dd>{helsinkiTimeText(call.closesAt, locale)}</dd>
        </div>
        <div>
          <dt>{m.instrumentLabel}</dt>
          <dd>{m.instruments[call.instrument]}</dd>
        </div>
        <div>
          <dt>{m.prioritiesLabel}</dt>
          <dd>{call.priorityIds.map((p) => priorityName.get(p) ?? String(p)).join(', ')}</dd>
        </div>
        <div>
          <dt>{m.contactLabel}</dt>
          <dd>{call.contactEmail}</dd>
        </div>
        <div>
          <dt>{m.versionLabel}</dt>
          <dd>{call.version}</dd>
        </div>
      </dl>

      <BudgetsTable ctx={ctx} call={call} regions={regions} />

      <h2>{m.rulesHeading}</h2>
      <Rules ctx={ctx} call={call} />
      <p>{m.scoreRule(call.minTotalScore, maxWeightedTotal(call.criteria), call.criteria.length)}</p>

      <h2>{m.partsHeading}</h2>
      <ul class="link-list">
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'criteria')}>{m.criteriaLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'questions')}>{m.questionsLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'inquiries')}>{m.inquiriesLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'applications')}>{m.applicationsLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'review')}>{parts.reviewLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'funding')}>{parts.fundingLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'adminCalls', id, 'decisions')}>{parts.decisionsLink}</a>
        </li>
        <li>
          <a href={pagePath(locale, 'calls', id)}>{phase === 'draft' ? m.publicLinkDraft : m.publicLink}</a>
        </li>
      </ul>

      {corrections.length > 0 ? (
        <>
          <h2>{m.correctionsHeading}</h2>
          <ul class="call-corrections">
            {corrections.map((c) => (
              <li>
                <p>{m.correctionItem(helsinkiTimeText(c.correctedAt, locale), c.changedFields.map((f) => m.fieldNames[f] ?? f).join(', '))}</p>
                <p>{textIn(c.note, locale)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminLayout>
  );
}

/** The actions the call's phase allows: links to the forms, and one-button POST forms for the rest. */
function Actions({ ctx, id, actions }: { ctx: PageContext; id: string; actions: readonly CallAction[] }) {
  const { locale } = ctx;
  const m = callsAdminMessages[locale];
  if (actions.length === 0) return <p>{m.noActions}</p>;
  const csrf = ctx.csrf();
  const post = (suffix: string, label: string) => (
    <form method="post" action={pagePath(locale, 'adminCalls', id, suffix)} class="inline-form">
      <CsrfField token={csrf} />
      <button type="submit" class="button">
        {label}
      </button>
    </form>
  );
  return (
    <div class="actions">
      {actions.map((a) => {
        switch (a) {
          case 'edit-draft':
            return (
              <a class="button button--secondary" href={pagePath(locale, 'adminCalls', id, 'edit')}>
                {m.editAction}
              </a>
            );
          case 'correct':
            return (
              <a class="button button--secondary" href={pagePath(locale, 'adminCalls', id, 'edit')}>
                {m.correctAction}
              </a>
            );
          case 'publish':
            return post('publish', m.publishAction);
          case 'start-review':
            return post('start-review', m.startReviewAction);
          case 'mark-decided':
            return post('decided', m.markDecidedAction);
          case 'delete':
            return (
              <a class="button button--danger" href={pagePath(locale, 'adminCalls', id, 'delete')}>
                {m.deleteAction}
              </a>
            );
        }
      })}
    </div>
  );
}

/** The confirmation step before a draft is deleted for good. */
export function DeleteCallPage({ ctx, call }: { ctx: PageContext; call: CallDetails }) {
  const { locale } = ctx;
  const m = callsAdminMessages[locale];
  const id = String(call.id);
  const title = m.deleteTitle(call.reference);
  return (
    <AdminLayout ctx={ctx} title={title} section="adminCalls">
      <p>
        <a href={pagePath(locale, 'adminCalls', id)}>{m.backToCall(call.reference)}</a>
      </p>
      <PageHeading title={title} />
      <p>{m.deleteText(textIn(call.title, locale))}</p>
      <form method="post" action={pagePath(locale, 'adminCalls', id, 'delete')}>
        <CsrfField token={ctx.csrf()} />
        <div class="button-group">
          <button type="submit" class="button button--danger">
            {m.deleteConfirm}
          </button>
          <a href={pagePath(locale, 'adminCalls', id)}>{m.cancel}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
