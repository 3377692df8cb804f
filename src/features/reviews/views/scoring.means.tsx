import { formatDateTime } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { scoringMessages } from '../scoring.messages.js';
import type { ReviewerScoring } from '../scoring.service.js';
import { criterionName, fractionText, ReviewTable } from './scoring.parts.js';

/**
 * What a reviewer sees once their own review is in: every other submitted review, with scores and
 * justifications, and the means of all submitted reviews. Never shown before (see scoring.service.ts).
 */
export function ReviewerMeans({ ctx, data }: { ctx: PageContext; data: ReviewerScoring }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  return (
    <>
      <section aria-labelledby="others-heading">
        <h2 id="others-heading">{m.othersHeading}</h2>
        {data.others.length === 0 ? <p>{m.othersNone}</p> : null}
        {data.others.map((o, i) => (
          <div class="review-by">
            <h3>{m.reviewBy(o.reviewerName)}</h3>
            <p class="muted">
              <time dateTime={o.submittedAt}>{formatDateTime(o.submittedAt, locale)}</time>
            </p>
            <ReviewTable ctx={ctx} id={`review-${i + 1}-caption`} caption={m.reviewCaption(o.reviewerName)} criteria={data.call.criteria} scores={o.scores} />
          </div>
        ))}
      </section>
      {data.means ? (
        <section aria-labelledby="means-heading">
          <h2 id="means-heading">{m.meansHeading}</h2>
          <ScrollTable id="means-caption" caption={m.meansCaption}>
            <thead>
              <tr>
                <th scope="col">{m.colCriterion}</th>
                <th scope="col" class="numeric">
                  {m.colMean}
                </th>
                <th scope="col" class="numeric">
                  {m.colReviews}
                </th>
                <th scope="col">{m.colDisagreement}</th>
              </tr>
            </thead>
            <tbody>
              {data.call.criteria.map((c) => {
                const r = data.means?.find((x) => x.criterionId === c.id);
                const scores = r?.scores ?? [];
                const mean =
                  c.kind === 'general' ? m.passedCount(scores.filter((s) => s === 1).length, scores.length) : r?.mean ? fractionText(r.mean, locale) : m.none;
                return (
                  <tr>
                    <th scope="row">{criterionName(c, locale)}</th>
                    <td class="numeric">{mean}</td>
                    <td class="numeric">{scores.length}</td>
                    <td>{r?.disagreement ? <strong>{m.disagree}</strong> : m.agree}</td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        </section>
      ) : null}
    </>
  );
}
