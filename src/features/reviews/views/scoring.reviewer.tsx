import type { Figures } from '../../../domain/eligibility.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, Notice, TextArea, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Names } from '../../applications/views/submission.parts.js';
import { ReceiptFacts } from '../../applications/views/submission.receipt.js';
import { SnapshotView } from '../../applications/views/submission.snapshot.js';
import { callCriteriaMessages } from '../../calls/call-criteria.messages.js';
import type { Criterion } from '../../calls/calls.repository.js';
import { callTitle } from '../../calls/views/call-criteria.parts.js';
import { localText } from '../../calls/views/calls.parts.js';
import { scoringMessages } from '../scoring.messages.js';
import { scoringLimits, type ReviewerScoring } from '../scoring.service.js';
import { ReviewerMeans } from './scoring.means.js';
import { criterionName, ReviewTable, ScaleField } from './scoring.parts.js';

export interface ScoreFormValues {
  /** Criterion id → the score as posted ('' when none was chosen). */
  scores: Record<number, string>;
  comments: Record<number, string>;
  independent: boolean;
}

export type ReviewerNotice = 'saved' | 'submitted';
/** Why a post changed nothing: the review is locked, or the reviewer had already submitted. */
export type ReviewerRefusal = 'not-in-review' | 'proposal-confirmed' | 'already-submitted';

/** The form as stored: the reviewer's draft (or submitted) scores and comments. */
export function storedForm(data: ReviewerScoring): ScoreFormValues {
  const scores: Record<number, string> = {};
  const comments: Record<number, string> = {};
  for (const c of data.call.criteria) {
    const own = data.own.get(c.id);
    scores[c.id] = own?.score === null || own?.score === undefined ? '' : String(own.score);
    comments[c.id] = own?.comment ?? '';
  }
  return { scores, comments, independent: false };
}

function CriterionFields({ ctx, criterion: c, form, errors }: { ctx: PageContext; criterion: Criterion; form: ScoreFormValues; errors: readonly FieldError[] }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const name = criterionName(c, locale);
  const description = localText(c.description, locale);
  return (
    <section class="criterion-score" aria-labelledby={`criterion-${c.id}-name`}>
      <h3 id={`criterion-${c.id}-name`}>{name}</h3>
      <p class="muted">
        {callCriteriaMessages[locale].kindOption(c.kind)}
        {c.kind === 'general' ? null : `, ${m.weight(c.weight).toLowerCase()}`}
      </p>
      {description.text.trim() !== '' ? (
        <p class="preserve-lines" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <ScaleField
        locale={locale}
        name={`score_${c.id}`}
        legend={c.kind === 'general' ? m.verdictLegend(name) : m.scoreLegend(name)}
        kind={c.kind}
        value={form.scores[c.id] ?? ''}
        error={errorOf(errors, `score_${c.id}`)}
      />
      <TextArea
        name={`comment_${c.id}`}
        label={m.commentLabel(name)}
        hint={m.commentHint}
        value={form.comments[c.id] ?? ''}
        error={errorOf(errors, `comment_${c.id}`)}
        rows={5}
        maxLength={scoringLimits.comment}
      />
    </section>
  );
}

function ScoringForm(props: { ctx: PageContext; data: ReviewerScoring; form: ScoreFormValues; errors: readonly FieldError[]; locked: boolean }) {
  const { ctx, data, form, errors, locked } = props;
  const m = scoringMessages[ctx.locale];
  const id = fieldId('independent');
  const error = errorOf(errors, 'independent');
  return (
    <form method="post" action={pagePath(ctx.locale, 'reviews', String(data.assignment.id), 'scores')} novalidate>
      <CsrfField token={ctx.csrf()} />
      {data.call.criteria.map((c) => (
        <CriterionFields ctx={ctx} criterion={c} form={form} errors={errors} />
      ))}
      {locked ? null : (
        <>
          <div class={error ? 'field field--error' : 'field'}>
            {error ? (
              <p class="field__error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <div class="field--checkbox">
              <input type="checkbox" id={id} name="independent" value="1" checked={form.independent} aria-describedby={error ? `${id}-error` : undefined} />
              <label for={id}>{m.independentLabel}</label>
            </div>
          </div>
          <p class="muted" id="submit-hint">
            {m.submitHint}
          </p>
          <div class="actions">
            <button type="submit" name="action" value="submit" class="button" aria-describedby="submit-hint">
              {m.submitScores}
            </button>
            <button type="submit" name="action" value="save" class="button button--secondary">
              {m.saveDraft}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

export function ReviewerScoringPage(props: {
  ctx: PageContext;
  data: ReviewerScoring;
  names: Names;
  figures: Figures;
  form: ScoreFormValues;
  errors: readonly FieldError[];
  notice: ReviewerNotice | null;
  refusal: ReviewerRefusal | null;
}) {
  const { ctx, data, form, errors, notice, refusal } = props;
  const { t, locale } = ctx;
  const m = scoringMessages[locale];
  const s = data.submission.snapshot;
  const title = m.pageTitle(s.application.title);
  const submitted = data.assignment.submittedAt !== null;
  const lock = refusal ?? (submitted ? null : data.lock);
  const lockText = lock === 'already-submitted' ? m.alreadySubmitted : lock === 'proposal-confirmed' ? m.lockedProposal : lock === 'not-in-review' ? m.lockedNotInReview : undefined;
  const assignmentId = String(data.assignment.id);
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <p class="back-link">
        <a href={pagePath(locale, 'reviews')}>{m.backToReviews}</a>
      </p>
      <PageHeading title={title} lead={callTitle(data.call, locale)} />
      {/* The application comes first and is long: the form (or the reviews, once submitted) is one jump away. */}
      <p>
        <a href="#scoring">{submitted ? m.toOwnReview : m.toScoring}</a>
      </p>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {notice ? <Notice text={m[notice]} /> : null}
      {lockText ? <Notice kind="warning" text={refusal && refusal !== 'already-submitted' ? `${lockText} ${m.unsaved}` : lockText} /> : null}
      <div class="notice">
        <p>{m.confidential}</p>
      </div>
      <ReceiptFacts ctx={ctx} submission={data.submission} />
      <SnapshotView
        ctx={ctx}
        snapshot={s}
        figures={props.figures}
        names={props.names}
        attachmentHref={(id) => pagePath(locale, 'reviews', assignmentId, 'attachments', String(id))}
      />

      <section aria-labelledby="scoring" class="scoring">
        <h2 id="scoring">{m.scoringHeading}</h2>
        {submitted ? (
          <>
            <p>{m.submittedOn(formatDateTime(data.assignment.submittedAt as string, locale))}</p>
            <ReviewTable ctx={ctx} id="own-review-caption" caption={m.ownCaption} criteria={data.call.criteria} scores={[...data.own.values()]} />
          </>
        ) : (
          <>
            <p>{m.scoringLead}</p>
            <p class="muted">{m.othersHidden}</p>
            <ScoringForm ctx={ctx} data={data} form={form} errors={errors} locked={lock !== null && lock !== undefined} />
          </>
        )}
      </section>

      {submitted ? <ReviewerMeans ctx={ctx} data={data} /> : null}
    </Layout>
  );
}
