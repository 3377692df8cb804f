import type { CriterionKind } from '../../../db/schema.js';
import { criterionScaleMax } from '../../../domain/call-validation.js';
import type { Fraction } from '../../../domain/fraction.js';
import type { Locale } from '../../../i18n/locales.js';
import { RadioGroup } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Assignment, ScoreEntry } from '../reviews.repository.js';
import type { Criterion } from '../../calls/calls.repository.js';
import { localText } from '../../calls/views/calls.parts.js';
import { formatScore } from '../../decisions/outcome-explanations.js';
import { scoringMessages } from '../scoring.messages.js';

/** A criterion's name in the page's language (the Finnish one when the translation is missing). */
export const criterionName = (c: Pick<Criterion, 'name'>, locale: Locale) => localText(c.name, locale).text;

/** One reviewer's or the consensus's assessment as words: "4 / 5", or passed / failed for a general criterion. */
export function scoreText(locale: Locale, kind: CriterionKind, score: number | null): string {
  const m = scoringMessages[locale];
  if (score === null) return m.notScored;
  const max = criterionScaleMax(kind);
  if (max === null) return score === 1 ? m.passed : m.failed;
  return m.scoreOf(String(score), max);
}

/** An exact mean or total with two decimals at most, as the language writes numbers. */
export const fractionText = (value: Fraction, locale: Locale) => formatScore(value, locale);

/** The options of a criterion's scale: passed/failed, or every whole point from 0 to the top. */
export function scaleOptions(locale: Locale, kind: CriterionKind): Array<{ value: string; label: string }> {
  const m = scoringMessages[locale];
  const max = criterionScaleMax(kind);
  if (max === null) {
    return [
      { value: '1', label: m.passed },
      { value: '0', label: m.failed },
    ];
  }
  return Array.from({ length: max + 1 }, (_, i) => ({ value: String(i), label: String(i) }));
}

/** The radio buttons of a criterion's scale, laid out in a row (see web/site.css). */
export function ScaleField(props: { locale: Locale; name: string; legend: string; kind: CriterionKind; value: string; error: string | undefined }) {
  const max = criterionScaleMax(props.kind);
  const hint = max === null ? undefined : scoringMessages[props.locale].scaleHint(max);
  return (
    <div class="score-scale">
      <RadioGroup name={props.name} legend={props.legend} {...(hint ? { hint } : {})} options={scaleOptions(props.locale, props.kind)} value={props.value} error={props.error} />
    </div>
  );
}

/** Text typed in several paragraphs, kept as written. */
export function Justification({ text }: { text: string }) {
  return <p class="preserve-lines">{text}</p>;
}

/** One review as a table: each criterion's assessment and justification. */
export function ReviewTable({ ctx, id, caption, criteria, scores }: { ctx: PageContext; id: string; caption: string; criteria: readonly Criterion[]; scores: readonly ScoreEntry[] }) {
  const { locale } = ctx;
  const m = scoringMessages[locale];
  return (
    <ScrollTable id={id} caption={caption}>
      <thead>
        <tr>
          <th scope="col">{m.colCriterion}</th>
          <th scope="col">{m.colScore}</th>
          <th scope="col">{m.colComment}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => {
          const s = scores.find((x) => x.criterionId === c.id);
          return (
            <tr>
              <th scope="row">{criterionName(c, locale)}</th>
              <td>{scoreText(locale, c.kind, s?.score ?? null)}</td>
              <td>{s && s.comment !== '' ? <Justification text={s.comment} /> : m.none}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}

/** The assignments whose scores count: cleared reviewers who have submitted. */
export const submittedReviews = (assignments: readonly Assignment[]) => assignments.filter((a) => a.status === 'cleared' && a.submittedAt !== null);
