import type { ApplicationStatus } from '../../../db/schema.js';
import type { Figures } from '../../../domain/eligibility.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { CsrfField, ErrorSummary, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { formatToSecond, submissionMessages } from '../submission.messages.js';
import type { SubmissionRecord } from '../submission.service.js';
import { FiguresTable, Instant, snapshotFigurePartners, type Names } from './submission.parts.js';
import { SnapshotView } from './submission.snapshot.js';
import { decisionsApplicantMessages } from '../../decisions/decisions.applicant.messages.js';

/** The receipt's facts: number, time to the second, who, and the SHA-256 of the submitted content. */
export function ReceiptFacts({ ctx, submission }: { ctx: PageContext; submission: SubmissionRecord }) {
  const { locale } = ctx;
  const m = submissionMessages[locale];
  return (
    <dl class="summary-list receipt__facts">
      <div>
        <dt>{m.receiptNumber}</dt>
        <dd>
          <strong class="receipt__number">{submission.receiptNumber}</strong>
        </dd>
      </div>
      <div>
        <dt>{m.submittedAt}</dt>
        <dd>
          <Instant at={submission.submittedAt} locale={locale} /> {m.helsinkiTime}
        </dd>
      </div>
      <div>
        <dt>{m.submittedBy}</dt>
        <dd>{submission.submittedByName ?? m.none}</dd>
      </div>
      <div>
        <dt>{m.sha256}</dt>
        <dd>
          <code class="submission__hash">{submission.sha256}</code>
          <p class="field__hint">{m.sha256Hint}</p>
        </dd>
      </div>
      {submission.withdrawnAt ? (
        <div>
          <dt>{m.withdrawnAt}</dt>
          <dd>
            <Instant at={submission.withdrawnAt} locale={locale} /> {m.helsinkiTime}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function ReceiptPage(props: {
  ctx: PageContext;
  applicationId: number;
  status: ApplicationStatus;
  submission: SubmissionRecord;
  figures: Figures;
  names: Names;
  canWithdraw: boolean;
  notice: 'withdrawn' | null;
}) {
  const { ctx, submission: s, figures, names } = props;
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const call = names.call;
  const id = String(props.applicationId);
  return (
    <Layout ctx={ctx} title={m.receiptTitle}>
      {props.notice === 'withdrawn' ? (
        <div class="panel panel--success" role="status">
          <p>{m.withdrawDone}</p>
        </div>
      ) : null}
      <div class="receipt">
        <PageHeading title={m.receiptTitle} lead={props.status === 'withdrawn' ? undefined : m.receiptLead} />
        {s.withdrawnAt ? (
          <div class="notice notice--warning">
            <p>{m.withdrawnNotice(formatToSecond(s.withdrawnAt, locale))}</p>
          </div>
        ) : null}
        <ReceiptFacts ctx={ctx} submission={s} />
        <dl class="summary-list">
          <div>
            <dt>{m.projectTitle}</dt>
            <dd>{s.snapshot.application.title}</dd>
          </div>
          <div>
            <dt>{m.call}</dt>
            <dd>
              {call.title[locale]} ({s.snapshot.call.reference})
            </dd>
          </div>
          <div>
            <dt>{m.status}</dt>
            <dd>{m.statuses[props.status]}</dd>
          </div>
        </dl>
        <FiguresTable ctx={ctx} id="receipt-figures-caption" partners={snapshotFigurePartners(s.snapshot)} figures={figures} names={names} />
      </div>
      <p class="receipt__print-hint">{m.print}</p>
      <div class="actions receipt__actions">
        <a href={pagePath(locale, 'applications', id, 'submitted')}>{m.viewSubmitted}</a>
        {props.canWithdraw ? <a href={pagePath(locale, 'applications', id, 'withdraw')}>{m.withdrawLink}</a> : null}
        {props.status === 'submitted' && (call.status === 'in_review' || call.status === 'decided') ? (
          <a href={pagePath(locale, 'applications', id, 'decision')}>{decisionsApplicantMessages[locale].linkFromReceipt}</a>
        ) : null}
      </div>
    </Layout>
  );
}

export function SubmittedPage(props: { ctx: PageContext; applicationId: number; submission: SubmissionRecord; figures: Figures; names: Names }) {
  const { ctx, submission: s } = props;
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const title = m.submittedTitle(s.snapshot.application.title || m.untitled);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={pagePath(locale, 'applications', String(props.applicationId), 'receipt')}>{m.backToReceipt}</a>
      </p>
      <PageHeading title={title} lead={m.submittedLead} />
      <ReceiptFacts ctx={ctx} submission={s} />
      <SnapshotView ctx={ctx} snapshot={s.snapshot} figures={props.figures} names={props.names} />
    </Layout>
  );
}

/** Withdrawing: a confirmation while the call is open; after the deadline, the time it closed and nothing to press. */
export function WithdrawPage(props: {
  ctx: PageContext;
  applicationId: number;
  title: string;
  closesAt: string;
  state: 'open' | 'closed' | 'not-submitted';
  errors: readonly FieldError[];
}) {
  const { ctx, errors } = props;
  const { t, locale } = ctx;
  const m = submissionMessages[locale];
  const id = String(props.applicationId);
  const title = m.withdrawTitle(props.title || m.untitled);
  const confirmError = errors.find((e) => e.field === 'confirm')?.message;
  const confirmId = fieldId('confirm');
  const closesAt = formatToSecond(props.closesAt, locale);
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <p>
        <a href={pagePath(locale, 'applications', id, 'receipt')}>{m.backToReceipt}</a>
      </p>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <PageHeading title={title} />
      {props.state === 'closed' ? (
        <div class="notice notice--warning" role="alert">
          <p>{m.withdrawClosed(closesAt)}</p>
        </div>
      ) : props.state === 'not-submitted' ? (
        <div class="notice notice--warning" role="alert">
          <p>{m.withdrawNotSubmitted}</p>
        </div>
      ) : (
        <form method="post" action={pagePath(locale, 'applications', id, 'withdraw')} class="form-section">
          <CsrfField token={ctx.csrf()} />
          <p>{m.withdrawLead(closesAt)}</p>
          <div class={confirmError ? 'field field--error' : 'field'}>
            {confirmError ? (
              <p class="field__error" id={`${confirmId}-error`}>
                {confirmError}
              </p>
            ) : null}
            <div class="field field--checkbox">
              <input
                type="checkbox"
                id={confirmId}
                name="confirm"
                value="1"
                aria-invalid={confirmError ? 'true' : undefined}
                aria-describedby={confirmError ? `${confirmId}-error` : undefined}
              />
              <label for={confirmId}>{m.withdrawConfirm}</label>
            </div>
          </div>
          <button type="submit" class="button button--danger">
            {m.withdrawButton}
          </button>
        </form>
      )}
    </Layout>
  );
}
