import type { Figures, Problem } from '../../../domain/eligibility.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { ApplicationDetails } from '../applications.repository.js';
import { formatToSecond, submissionMessages } from '../submission.messages.js';
import { FiguresTable, Instant, ProblemList, problemNames, type Names } from './submission.parts.js';

/** Why the application cannot be submitted now, if it cannot. */
export type SubmitBlock =
  | { kind: 'closed'; closesAt: string }
  | { kind: 'not-open' }
  | { kind: 'withdrawn' }
  | { kind: 'not-eligible'; problems: readonly Problem[] };

/**
 * The confirmation before submitting: what will be submitted, the deadline to the second, and the
 * declaration to tick. When the application cannot be submitted, the reason takes the form's place:
 * the closing time, or the list of what to correct.
 */
export function SubmitPage(props: {
  ctx: PageContext;
  application: ApplicationDetails;
  figures: Figures;
  names: Names;
  block: SubmitBlock | null;
  errors: readonly FieldError[];
}) {
  const { ctx, application: a, figures, names, block, errors } = props;
  const { t, locale } = ctx;
  const m = submissionMessages[locale];
  const call = names.call;
  const title = m.submitTitle(a.title.trim() || m.untitled);
  const declarationError = errors.find((e) => e.field === 'declaration')?.message;
  const declarationId = fieldId('declaration');
  const pageTitle = errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title;
  const partners = a.partners.map((p) => ({
    key: String(p.id),
    name: p.name,
    isLead: p.isLead,
    regionCode: p.regionCode,
    ownFundingCents: p.ownFundingCents,
    otherPublicCents: p.otherPublicCents,
  }));
  return (
    <Layout ctx={ctx} title={pageTitle}>
      <p>
        <a href={pagePath(locale, 'applications', String(a.id))}>{m.backToEditor}</a>
      </p>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <PageHeading title={title} lead={m.submitLead} />

      {block?.kind === 'closed' ? (
        <div class="notice notice--warning" role="alert">
          <h2>{m.closedTitle}</h2>
          <p>{m.closedAt(formatToSecond(block.closesAt, locale))}</p>
          <p>{m.draftKept}</p>
        </div>
      ) : block?.kind === 'not-open' ? (
        <div class="notice notice--warning" role="alert">
          <p>{m.notOpenYet(formatToSecond(call.closesAt, locale))}</p>
        </div>
      ) : block?.kind === 'withdrawn' ? (
        <div class="notice notice--warning" role="alert">
          <p>{m.withdrawnAlready}</p>
        </div>
      ) : block?.kind === 'not-eligible' ? (
        <div class="notice notice--warning" role="alert" aria-labelledby="not-eligible-heading">
          <h2 id="not-eligible-heading">{m.notEligibleTitle}</h2>
          <p>{m.notEligibleLead}</p>
          <ProblemList
            problems={block.problems}
            locale={locale}
            names={problemNames(locale, partners, names)}
          />
          <p>
            <a href={pagePath(locale, 'applications', String(a.id))}>{m.backToEditor}</a>
          </p>
        </div>
      ) : null}

      <dl class="summary-list">
        <div>
          <dt>{m.call}</dt>
          <dd>
            {call.title[locale]} ({call.reference})
          </dd>
        </div>
        <div>
          <dt>{block?.kind === 'closed' ? m.deadlinePassed : m.deadline}</dt>
          <dd>
            <Instant at={call.closesAt} locale={locale} /> {m.helsinkiTime}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="submitted-heading">
        <h2 id="submitted-heading">{m.whatIsSubmitted}</h2>
        <dl class="summary-list">
          <div>
            <dt>{m.projectTitle}</dt>
            <dd>{a.title || m.untitled}</dd>
          </div>
          <div>
            <dt>{m.summary}</dt>
            <dd class="submission__text">{a.summary || m.none}</dd>
          </div>
          <div>
            <dt>{m.duration}</dt>
            <dd>{a.startDate && a.endDate ? `${formatCalendarDate(a.startDate, locale)}–${formatCalendarDate(a.endDate, locale)}` : m.none}</dd>
          </div>
        </dl>
        <FiguresTable ctx={ctx} id="submit-figures-caption" partners={partners} figures={figures} names={names} />
      </section>

      {block === null ? (
        <form method="post" action={pagePath(locale, 'applications', String(a.id), 'submit')} class="form-section submission__form">
          <CsrfField token={ctx.csrf()} />
          <input type="hidden" name="step" value="confirm" />
          <div class={declarationError ? 'field field--error' : 'field'}>
            <fieldset aria-describedby={declarationError ? `${declarationId}-error` : undefined}>
              <legend class="field__label">{m.declarationLegend}</legend>
              {declarationError ? (
                <p class="field__error" id={`${declarationId}-error`}>
                  {declarationError}
                </p>
              ) : null}
              <div class="field field--checkbox">
                <input type="checkbox" id={declarationId} name="declaration" value="1" aria-invalid={declarationError ? 'true' : undefined} />
                <label for={declarationId}>{m.declaration}</label>
              </div>
            </fieldset>
          </div>
          <button type="submit" class="button">
            {m.submitButton}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
