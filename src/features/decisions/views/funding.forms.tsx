import type { JSX } from 'preact';
import type { OptimumObjective, OptimumResult } from '../../../domain/allocation-optimum.js';
import type { AllocationResult } from '../../../domain/allocation.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatMoney } from '../../../i18n/format.js';
import { CsrfField, errorOf, fieldId, RadioGroup } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { AssessedApplication, StandingReason } from '../call-assessment.js';
import { amountField, reasonField, type FixedForm } from '../funding.form.js';
import { fundingMessages } from '../funding.messages.js';
import { fixedReasonMax } from '../funding.service.js';
import { formatScore, standingReasonText, type ExplanationNames } from '../outcome-explanations.js';
import { ApplicationLink, type ApplicationsById } from './funding.parts.js';

/** A labelled field with its hint and message; ids carry the application number (see funding.form.ts). */
function Field(props: { id: string; label: string; hint: string; error: string | undefined; children: (describedBy: string) => JSX.Element }) {
  const { id, label, hint, error } = props;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {props.children(describedBy)}
    </div>
  );
}

/** One form per fundable application: preview or save a grant below the request, or remove a fixed one. */
export function FixedGrantForms(props: {
  ctx: PageContext;
  callId: number;
  applications: readonly AssessedApplication[];
  editing: FixedForm | null;
  errors: readonly FieldError[];
}) {
  const { ctx, callId, applications, editing, errors } = props;
  const { locale } = ctx;
  const m = fundingMessages[locale];
  const action = pagePath(locale, 'adminCalls', String(callId), 'funding', 'fixed');
  return (
    <>
      {applications.map((a) => {
        const form = editing?.applicationId === a.applicationId ? editing : null;
        const amountId = fieldId(amountField(a.applicationId));
        const reasonId = fieldId(reasonField(a.applicationId));
        const amountError = errorOf(errors, amountField(a.applicationId));
        const reasonError = errorOf(errors, reasonField(a.applicationId));
        return (
          <details class="funding-fixed" open={form !== null || undefined}>
            <summary>{m.fixedFor(a.title)}</summary>
            <div>
              {a.fixedGrantCents !== null ? <p>{m.fixedCurrent(formatMoney(a.fixedGrantCents, locale), a.fixedReason ?? '')}</p> : null}
              <form method="post" action={action} novalidate>
                <CsrfField token={ctx.csrf()} />
                <input type="hidden" name="applicationId" value={String(a.applicationId)} />
                <Field id={amountId} label={m.amountLabel} hint={m.amountHint(formatMoney(a.requestedCents, locale))} error={amountError}>
                  {(describedBy) => (
                    <input
                      class="field__input funding-fixed__amount"
                      id={amountId}
                      name="amount"
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={form?.amount ?? ''}
                      required
                      aria-invalid={amountError ? 'true' : undefined}
                      aria-describedby={describedBy}
                    />
                  )}
                </Field>
                <Field id={reasonId} label={m.reasonLabel} hint={m.reasonHint} error={reasonError}>
                  {(describedBy) => (
                    <textarea
                      class="field__input field__input--textarea"
                      id={reasonId}
                      name="reason"
                      rows={3}
                      maxLength={fixedReasonMax}
                      aria-invalid={reasonError ? 'true' : undefined}
                      aria-describedby={describedBy}
                    >
                      {form?.reason ?? a.fixedReason ?? ''}
                    </textarea>
                  )}
                </Field>
                <div class="actions">
                  <button type="submit" name="action" value="preview" class="button button--secondary">
                    {m.preview}
                  </button>
                  <button type="submit" name="action" value="save" class="button">
                    {m.save}
                  </button>
                </div>
              </form>
              {a.fixedGrantCents !== null ? (
                <form method="post" action={`${action}/clear`} class="inline-form">
                  <CsrfField token={ctx.csrf()} />
                  <input type="hidden" name="applicationId" value={String(a.applicationId)} />
                  <button type="submit" class="button button--secondary">
                    {m.clear}
                  </button>
                </form>
              ) : null}
            </div>
          </details>
        );
      })}
    </>
  );
}

/** The exact optimum beside the standard outcome, with what it adds and drops; advice only. */
export function WhatIfSection(props: {
  ctx: PageContext;
  callId: number;
  objective: OptimumObjective;
  standard: AllocationResult<StandingReason>;
  optimum: OptimumResult | null;
  applications: ApplicationsById;
}) {
  const { ctx, callId, objective, standard, optimum, applications } = props;
  const { locale } = ctx;
  const m = fundingMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const list = (ids: readonly number[]) => (
    <ul>
      {ids.map((id) => (
        <li>
          <ApplicationLink ctx={ctx} callId={callId} applications={applications} id={id} />
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="what-if" class="funding-what-if">
      <h2 id="what-if">{m.whatIfHeading}</h2>
      <div class="notice">
        <p>{m.whatIfAdvisory}</p>
      </div>
      <form method="get" action={`${pagePath(locale, 'adminCalls', String(callId), 'funding')}#what-if`}>
        <RadioGroup
          name="objective"
          legend={m.objectiveLegend}
          value={objective}
          error={undefined}
          options={[
            { value: 'score', label: m.objectiveScore },
            { value: 'amount', label: m.objectiveAmount },
          ]}
        />
        <div class="actions">
          <button type="submit" class="button button--secondary">
            {m.showWhatIf}
          </button>
        </div>
      </form>
      {optimum === null ? (
        <p>{m.whatIfUnavailable}</p>
      ) : (
        <>
          {optimum.status === 'limit-reached' ? <p>{m.whatIfLimit}</p> : optimum.status === 'solver-failed' ? <p>{m.whatIfFailed}</p> : null}
          <ScrollTable id="what-if-caption" caption={`${m.whatIfCaption}: ${objective === 'score' ? m.objectiveScore : m.objectiveAmount}`}>
            <thead>
              <tr>
                <th scope="col">{m.colMeasure}</th>
                <th scope="col" class="numeric">
                  {m.colStandard}
                </th>
                <th scope="col" class="numeric">
                  {m.colOptimum}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{m.fundedCount}</th>
                <td class="numeric">{standard.fundedCount}</td>
                <td class="numeric">{optimum.totals.selectedCount}</td>
              </tr>
              <tr>
                <th scope="row">{m.grantedTotal}</th>
                <td class="numeric">{money(standard.grantedCents)}</td>
                <td class="numeric">{money(optimum.totals.grantedCents)}</td>
              </tr>
              <tr>
                <th scope="row">{m.scoreTotal}</th>
                <td class="numeric">{formatScore(standard.fundedScore, locale)}</td>
                <td class="numeric">{formatScore(optimum.totals.score, locale)}</td>
              </tr>
            </tbody>
          </ScrollTable>
          {optimum.comparison.added.length === 0 && optimum.comparison.dropped.length === 0 ? <p>{m.whatIfSame}</p> : null}
          {optimum.comparison.added.length > 0 ? (
            <div class="funding-what-if__adds">
              <p>{m.whatIfAdds}</p>
              {list(optimum.comparison.added)}
            </div>
          ) : null}
          {optimum.comparison.dropped.length > 0 ? (
            <div class="funding-what-if__drops">
              <p>{m.whatIfDrops}</p>
              {list(optimum.comparison.dropped)}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Confirming the proposal: the button while the call is in review and every review is in; else why not. */
export function ConfirmSection(props: {
  ctx: PageContext;
  callId: number;
  inReview: boolean;
  missingReviews: readonly AssessedApplication[];
  applications: ApplicationsById;
  names: ExplanationNames;
}) {
  const { ctx, callId, inReview, missingReviews, applications, names } = props;
  const { locale } = ctx;
  const m = fundingMessages[locale];
  return (
    <section aria-labelledby="confirm">
      <h2 id="confirm">{m.confirmHeading}</h2>
      <p>{m.confirmLead}</p>
      {!inReview ? (
        <p class="muted">{m.confirmOnlyInReview}</p>
      ) : missingReviews.length > 0 ? (
        <div class="notice notice--warning">
          <p>{m.missingReviewsLead}</p>
          <ul>
            {missingReviews.map((a) => (
              <li>
                <ApplicationLink ctx={ctx} callId={callId} applications={applications} id={a.applicationId} />:{' '}
                {a.reasons
                  .filter((r) => r.code === 'reviews-missing')
                  .map((r) => standingReasonText(locale, r, names))
                  .join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form method="post" action={pagePath(locale, 'adminCalls', String(callId), 'funding', 'confirm')}>
          <CsrfField token={ctx.csrf()} />
          <button type="submit" class="button">
            {m.confirm}
          </button>
        </form>
      )}
    </section>
  );
}

