import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { CsrfField, TextArea, errorOf } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Criterion } from '../../calls/calls.repository.js';
import { assessmentLimits } from '../scoring.admin.service.js';
import { scoringMessages } from '../scoring.messages.js';
import type { OfficerReviewData } from './scoring.admin.js';
import { criterionName, Justification, ScaleField, scoreText, submittedReviews } from './scoring.parts.js';

export interface ConsensusFormValues {
  /** The score as posted ('' when none was chosen). */
  score: string;
  justification: string;
}

export interface OfficerReviewForms {
  /** Criterion id → what its consensus form shows. */
  consensus: Record<number, ConsensusFormValues>;
  ineligibleReason: string;
}

/** The forms as stored: each criterion's consensus, and the reason of ineligibility, if any. */
export function storedForms(data: Pick<OfficerReviewData, 'call' | 'application'>): OfficerReviewForms {
  const consensus: Record<number, ConsensusFormValues> = {};
  for (const c of data.call.criteria) {
    const recorded = data.application.consensus.find((x) => x.criterionId === c.id);
    consensus[c.id] = recorded ? { score: String(recorded.score), justification: recorded.justification } : { score: '', justification: '' };
  }
  return { consensus, ineligibleReason: data.application.ineligibleReason ?? '' };
}

const reviewPath = (ctx: PageContext, data: OfficerReviewData, action: 'consensus' | 'eligibility') =>
  pagePath(ctx.locale, 'adminCalls', String(data.call.id), 'review', 'applications', String(data.application.applicationId), action);

/** One criterion: the submitted reviewers' justifications, and the officers' consensus with its form. */
export function ConsensusSection(props: { ctx: PageContext; data: OfficerReviewData; criterion: Criterion; form: ConsensusFormValues | undefined; errors: readonly FieldError[] }) {
  const { ctx, data, criterion: c, errors } = props;
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const name = criterionName(c, locale);
  const reviewers = submittedReviews(data.application.assignments);
  const recorded = data.application.consensus.find((x) => x.criterionId === c.id);
  const form = props.form ?? { score: '', justification: '' };
  // While locked the form is shown only to give back what was typed in a refused post.
  const typed = form.score !== (recorded ? String(recorded.score) : '') || form.justification !== (recorded?.justification ?? '');
  const showForm = data.lock === null || typed;
  const disagreement = data.application.score.criteria.find((x) => x.criterionId === c.id)?.disagreement ?? false;
  const hasError = errors.some((e) => e.field === `consensus_${c.id}` || e.field === `justification_${c.id}`);
  return (
    <section id={`criterion-${c.id}`} aria-labelledby={`criterion-${c.id}-heading`} class="criterion-review">
      <h2 id={`criterion-${c.id}-heading`}>{name}</h2>
      {reviewers.length === 0 ? (
        <p>{m.noSubmittedReviews}</p>
      ) : (
        <ScrollTable id={`criterion-${c.id}-caption`} caption={m.commentsCaption(name)}>
          <thead>
            <tr>
              <th scope="col">{m.colReviewer}</th>
              <th scope="col">{m.colScore}</th>
              <th scope="col">{m.colComment}</th>
            </tr>
          </thead>
          <tbody>
            {reviewers.map((r) => {
              const s = data.scores.find((x) => x.assignmentId === r.id && x.criterionId === c.id);
              return (
                <tr>
                  <th scope="row">{r.reviewerName}</th>
                  <td>{scoreText(locale, c.kind, s?.score ?? null)}</td>
                  <td>{s && s.comment !== '' ? <Justification text={s.comment} /> : m.none}</td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      )}
      <h3>{m.consensusHeading}</h3>
      {recorded ? (
        <>
          <p>{m.consensusRecorded(scoreText(locale, c.kind, recorded.score), recorded.recordedByName ?? m.unknownUser, formatDateTime(recorded.recordedAt, locale))}</p>
          <Justification text={recorded.justification} />
        </>
      ) : (
        <p>{m.consensusNone}</p>
      )}
      {showForm ? (
        // Folded away unless there is something to settle: a disagreement, or a post to give back.
        <details class="consensus-form" open={disagreement || typed || hasError}>
          <summary>{recorded ? m.changeConsensus : m.recordConsensus}</summary>
          <form method="post" action={reviewPath(ctx, data, 'consensus')} novalidate>
            <CsrfField token={ctx.csrf()} />
            <input type="hidden" name="criterion" value={String(c.id)} />
            <ScaleField locale={locale} name={`consensus_${c.id}`} legend={m.consensusScoreLegend(name)} kind={c.kind} value={form.score} error={errorOf(errors, `consensus_${c.id}`)} />
            <TextArea
              name={`justification_${c.id}`}
              label={m.consensusJustification(name)}
              hint={c.kind === 'general' ? m.consensusHintGeneral : m.consensusHint}
              value={form.justification}
              error={errorOf(errors, `justification_${c.id}`)}
              rows={4}
              maxLength={assessmentLimits.justification}
              required
            />
            {data.lock === null ? (
              <div class="actions">
                <button type="submit" name="action" value="save" class="button">
                  {m.saveConsensus}
                </button>
                {recorded ? (
                  <button type="submit" name="action" value="remove" class="button button--secondary">
                    {m.removeConsensus}
                  </button>
                ) : null}
              </div>
            ) : null}
          </form>
        </details>
      ) : null}
    </section>
  );
}

/** Formal eligibility: marking the application ineligible with the reason the applicant is told, or clearing it. */
export function EligibilitySection(props: { ctx: PageContext; data: OfficerReviewData; reason: string; errors: readonly FieldError[] }) {
  const { ctx, data, errors } = props;
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const current = data.application.ineligibleReason;
  const showForm = data.lock === null || props.reason !== (current ?? '');
  return (
    <section id="eligibility" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{m.eligibilityHeading}</h2>
      {current !== null ? (
        <>
          <p>
            <span class="tag tag--error">{m.standing('ineligible')}</span> {m.ineligibleNow}
          </p>
          <blockquote>
            <Justification text={current} />
          </blockquote>
          {data.marking ? (
            <p class="muted">
              {m.ineligibleBy(data.marking.byName ?? m.unknownUser)} <time dateTime={data.marking.at}>{formatDateTime(data.marking.at, locale)}</time>
            </p>
          ) : null}
        </>
      ) : (
        <p>{m.eligibleNow}</p>
      )}
      {showForm ? (
        <form method="post" action={reviewPath(ctx, data, 'eligibility')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextArea
            name="ineligible_reason"
            label={m.ineligibleReason}
            hint={m.ineligibleHint}
            value={props.reason}
            error={errorOf(errors, 'ineligible_reason')}
            rows={4}
            maxLength={assessmentLimits.ineligibleReason}
            required
          />
          {data.lock === null ? (
            <div class="actions">
              <button type="submit" name="action" value="mark" class="button">
                {current !== null ? m.saveIneligible : m.markIneligible}
              </button>
              {current !== null ? (
                <button type="submit" name="action" value="clear" class="button button--secondary">
                  {m.clearIneligible}
                </button>
              ) : null}
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
