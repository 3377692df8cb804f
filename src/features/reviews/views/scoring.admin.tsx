import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { ErrorSummary, Notice } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import { AdminPage, CallPartsNav } from '../../calls/views/call-criteria.parts.js';
import type { AssessedApplication } from '../../decisions/call-assessment.js';
import { explanationNames, standingReasonText } from '../../decisions/outcome-explanations.js';
import type { Region } from '../../regions/regions.repository.js';
import type { ScoreEntry } from '../reviews.repository.js';
import { scoringMessages } from '../scoring.messages.js';
import type { ReviewLock } from '../review-lock.js';
import { ConsensusSection, EligibilitySection, type OfficerReviewForms } from './scoring.admin.forms.js';
import { criterionName, fractionText, scoreText, submittedReviews } from './scoring.parts.js';

export type OfficerNotice = 'consensusSaved' | 'consensusRemoved' | 'ineligibleMarked' | 'ineligibleCleared';

export interface OfficerReviewData {
  call: CallDetails;
  application: AssessedApplication;
  /** The scores of submitted reviews only: drafts never reach this page. */
  scores: ScoreEntry[];
  regions: readonly Region[];
  lock: ReviewLock | null;
  marking: { byName: string | null; at: string } | undefined;
}

const standingTag = { fundable: 'tag tag--success', 'not-fundable': 'tag tag--warning', ineligible: 'tag tag--error' } as const;

function Standing({ ctx, data }: { ctx: PageContext; data: OfficerReviewData }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const { application: a, call } = data;
  const names = explanationNames(locale, data.regions, call.criteria);
  const hasGeneral = call.criteria.some((c) => c.kind === 'general');
  return (
    <section aria-labelledby="standing-heading">
      <h2 id="standing-heading">{m.standingHeading}</h2>
      <p>
        <span class={standingTag[a.standing]}>{m.standing(a.standing)}</span>
      </p>
      <dl class="summary-list">
        <div>
          <dt>{m.reviewsLabel}</dt>
          <dd>{m.reviewsCount(a.score.reviewsSubmitted, a.score.reviewsExpected)}</dd>
        </div>
        <div>
          <dt>{m.totalLabel}</dt>
          <dd>{a.score.total ? <strong>{fractionText(a.score.total, locale)}</strong> : m.totalPending}</dd>
        </div>
        <div>
          <dt>{m.minimumLabel(fractionText({ num: call.minTotalScore, den: 1 }, locale))}</dt>
          <dd>{a.score.total ? (a.score.minimumReached ? m.reached : m.notReached) : m.totalPending}</dd>
        </div>
        {hasGeneral ? (
          <div>
            <dt>{m.generalLabel}</dt>
            <dd>{a.score.allGeneralPassed ? m.allPassed : m.notAllPassed}</dd>
          </div>
        ) : null}
      </dl>
      {a.reasons.length > 0 ? (
        <>
          <h3>{m.reasonsLabel}</h3>
          <ul>
            {a.reasons.map((r) => (
              <li>{standingReasonText(locale, r, names)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Assignments({ ctx, data }: { ctx: PageContext; data: OfficerReviewData }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const regionName = (code: string | null) => data.regions.find((r) => r.code === code)?.name[locale] ?? m.none;
  return (
    <section aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">{m.assignmentsHeading}</h2>
      {data.application.assignments.length === 0 ? (
        <p>{m.noAssignments}</p>
      ) : (
        <ScrollTable id="assignments-caption" caption={m.assignmentsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colReviewer}</th>
              <th scope="col">{m.colCouncil}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colSubmitted}</th>
            </tr>
          </thead>
          <tbody>
            {data.application.assignments.map((a) => (
              <tr>
                <th scope="row">{a.reviewerName}</th>
                <td>{regionName(a.reviewerRegion)}</td>
                <td>{m.assignmentStatus(a.status)}</td>
                <td>{a.submittedAt && a.status === 'cleared' ? <time dateTime={a.submittedAt}>{formatDateTime(a.submittedAt, locale)}</time> : m.notSubmitted}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

/** Criteria × submitted reviewers: each score, the mean, the consensus, the value that counts and the disagreement flag. */
function ScoresTable({ ctx, data }: { ctx: PageContext; data: OfficerReviewData }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  const reviewers = submittedReviews(data.application.assignments);
  const score = data.application.score;
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading">{m.scoresHeading}</h2>
      <ScrollTable id="scores-caption" caption={m.scoresCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colCriterion}</th>
            <th scope="col" class="numeric">
              {m.colWeight}
            </th>
            {reviewers.map((r) => (
              <th scope="col">{r.reviewerName}</th>
            ))}
            <th scope="col">{m.colMean}</th>
            <th scope="col">{m.colConsensus}</th>
            <th scope="col">{m.colValue}</th>
            <th scope="col">{m.colDisagreement}</th>
          </tr>
        </thead>
        <tbody>
          {data.call.criteria.map((c) => {
            const result = score.criteria.find((x) => x.criterionId === c.id);
            const general = c.kind === 'general';
            const mean = general
              ? m.passedCount(result?.scores.filter((s) => s === 1).length ?? 0, result?.scores.length ?? 0)
              : result?.mean
                ? fractionText(result.mean, locale)
                : m.none;
            const value = general
              ? result?.passed === true
                ? m.passed
                : result?.passed === false
                  ? m.failed
                  : m.undecided
              : result?.value
                ? fractionText(result.value, locale)
                : m.none;
            return (
              <tr>
                <th scope="row">
                  <a href={`#criterion-${c.id}`}>{criterionName(c, locale)}</a>
                </th>
                <td class="numeric">{general ? m.none : c.weight}</td>
                {reviewers.map((r) => (
                  <td>{scoreText(locale, c.kind, data.scores.find((s) => s.assignmentId === r.id && s.criterionId === c.id)?.score ?? null)}</td>
                ))}
                <td>{mean}</td>
                <td>{result?.consensus === null || result?.consensus === undefined ? m.none : scoreText(locale, c.kind, result.consensus)}</td>
                <td>{value}</td>
                <td>{result?.disagreement ? <strong class="tag tag--warning">{m.disagree}</strong> : m.agree}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={reviewers.length + 4}>
              {m.totalLabel}
            </th>
            <td>{score.total ? <strong>{fractionText(score.total, locale)}</strong> : m.totalPending}</td>
            <td />
          </tr>
        </tfoot>
      </ScrollTable>
    </section>
  );
}

export function OfficerReviewPage(props: {
  ctx: PageContext;
  data: OfficerReviewData;
  forms: OfficerReviewForms;
  errors: readonly FieldError[];
  notice: OfficerNotice | null;
  /** A change was refused because the review is locked: said at the top with what was typed kept below. */
  refused: boolean;
}) {
  const { ctx, data, errors, notice } = props;
  const { t, locale } = ctx;
  const m = scoringMessages[locale];
  const a = data.application;
  const title = m.adminTitle(a.title);
  const callId = String(data.call.id);
  const lockText = data.lock === 'proposal-confirmed' ? m.lockedProposal : data.lock === 'not-in-review' ? m.lockedNotInReview : undefined;
  return (
    <AdminPage ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <CallPartsNav ctx={ctx} callId={data.call.id} current="review" />
      <p>
        <a href={pagePath(locale, 'adminCalls', callId, 'review')}>{m.backToReview}</a>
      </p>
      <PageHeading title={title} lead={`${a.receiptNumber} · ${a.leadOrganisationName}`}>
        <p>
          <a href={pagePath(locale, 'adminCalls', callId, 'applications', String(a.applicationId))}>{m.viewApplication}</a>
        </p>
      </PageHeading>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {notice ? <Notice text={m[notice]} /> : null}
      {lockText ? <Notice kind="warning" text={props.refused ? `${lockText} ${m.unsaved}` : lockText} /> : null}
      <Standing ctx={ctx} data={data} />
      <Assignments ctx={ctx} data={data} />
      <ScoresTable ctx={ctx} data={data} />
      {data.call.criteria.map((c) => (
        <ConsensusSection ctx={ctx} data={data} criterion={c} form={props.forms.consensus[c.id]} errors={errors} />
      ))}
      <EligibilitySection ctx={ctx} data={data} reason={props.forms.ineligibleReason} errors={errors} />
    </AdminPage>
  );
}
