import { disqualificationGrounds } from '../../../domain/disqualification.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { CsrfField, ErrorSummary, Notice, TextArea, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { assignmentMessages } from '../assignments.messages.js';
import type { ReviewApplication, ReviewerAssignment } from '../assignments.repository.js';
import type { Assignment } from '../reviews.repository.js';
import type { ReviewLock } from '../review-lock.js';
import { PublicFacts, StandingTag, groundTexts, standingOf, type Standing } from './assignments.parts.js';

export const declarationLimits = { note: 2000 } as const;

/** The reviewer's assignments, grouped by call, each with what to do next. */
export function MyReviewsPage({ ctx, assignments }: { ctx: PageContext; assignments: readonly ReviewerAssignment[] }) {
  const { locale } = ctx;
  const m = assignmentMessages[locale];
  const calls: ReviewerAssignment[][] = [];
  for (const a of assignments) {
    const group = calls.find((g) => g[0]!.callId === a.callId);
    if (group) group.push(a);
    else calls.push([a]);
  }
  return (
    <Layout ctx={ctx} title={m.myTitle}>
      <PageHeading title={m.myTitle} lead={m.myLead} />
      {calls.length === 0 ? <p>{m.myNone}</p> : null}
      {calls.map((group) => {
        const first = group[0]!;
        const title = first.callTitle[locale] || first.callTitle.fi;
        return (
          <section aria-labelledby={`call-${first.callId}`}>
            <h2 id={`call-${first.callId}`}>
              {title} <span class="muted">({first.callReference})</span>
            </h2>
            {/* A list rather than a table: on a phone each application shows its state and next step without sideways scrolling. */}
            <ul class="review-list">
              {group.map((a) => {
                const standing = standingOf(a);
                return (
                  <li class="review-list__item">
                    <h3 class="review-list__title">{a.applicationTitle}</h3>
                    <p class="review-list__applicant">
                      {m.colApplicant}: {a.leadOrganisationName}
                    </p>
                    <p class="review-list__state">
                      <span class="visually-hidden">{m.colStatus}: </span>
                      <StandingTag ctx={ctx} standing={standing} />
                      <span class="review-list__next">
                        <NextStep ctx={ctx} assignmentId={a.id} standing={standing} title={a.applicationTitle} />
                      </span>
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** What to do next; each link names its application for those who hear the links out of their row. */
function NextStep({ ctx, assignmentId, standing, title }: { ctx: PageContext; assignmentId: number; standing: Standing; title: string }) {
  const m = assignmentMessages[ctx.locale];
  const href = pagePath(ctx.locale, 'reviews', String(assignmentId));
  const context = <span class="visually-hidden">: {title}</span>;
  if (standing === 'awaiting')
    return (
      <a href={href}>
        {m.nextDeclare}
        {context}
      </a>
    );
  if (standing === 'cleared' || standing === 'submitted')
    return (
      <a href={`${href}/scores`}>
        {standing === 'cleared' ? m.nextScore : m.nextSubmitted}
        {context}
      </a>
    );
  return <span>{standing === 'barred' ? m.nextBarred : m.nextDisqualified}</span>;
}

export interface DeclarationForm {
  grounds: string[];
  noneApplies: boolean;
  note: string;
}

interface AssignmentPageProps {
  ctx: PageContext;
  assignment: Assignment;
  application: ReviewApplication;
  callTitle: string;
  regionNames: ReadonlyMap<string, string>;
}

/** Before the declaration: the public facts and the declaration form (or why it cannot be made now). */
export function DeclarationPage(props: AssignmentPageProps & { form: DeclarationForm; errors: readonly FieldError[]; lock: ReviewLock | null }) {
  const { ctx, assignment, application, form, errors, lock } = props;
  const { t, locale } = ctx;
  const m = assignmentMessages[locale];
  const title = m.declarationTitle(application.title);
  const groundsError = errorOf(errors, 'grounds');
  const groundsId = fieldId('grounds');
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <p class="back-link">
        <a href={pagePath(locale, 'reviews')}>{m.backToList}</a>
      </p>
      <PageHeading title={title}>
        <p>
          <StandingTag ctx={ctx} standing="awaiting" />
        </p>
      </PageHeading>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <PublicFacts ctx={ctx} application={application} callTitle={props.callTitle} regionNames={props.regionNames} />
      <section aria-labelledby="declare-heading">
        <h2 id="declare-heading">{m.declareHeading}</h2>
        <p>{m.declareIntro}</p>
        {lock ? (
          <div class="notice notice--warning">
            <p>{m.reviewerLocked(lock)}</p>
          </div>
        ) : (
          <form method="post" action={pagePath(locale, 'reviews', String(assignment.id), 'declaration')} novalidate>
            <CsrfField token={ctx.csrf()} />
            <div class={groundsError ? 'field field--error' : 'field'}>
              <fieldset aria-describedby={`${groundsId}-hint${groundsError ? ` ${groundsId}-error` : ''}`}>
                <legend class="field__label">{m.groundsLegend}</legend>
                <p class="field__hint" id={`${groundsId}-hint`}>
                  {m.groundsHint} {m.closeRelatives}
                </p>
                {groundsError ? (
                  <p class="field__error" id={`${groundsId}-error`}>
                    {groundsError}
                  </p>
                ) : null}
                <div class="choice-list">
                  {disqualificationGrounds.map((g, i) => {
                    const id = i === 0 ? groundsId : `${groundsId}-${g}`;
                    return (
                      <div class="choice">
                        <input type="checkbox" id={id} name="grounds" value={g} checked={form.grounds.includes(g)} />
                        <label for={id}>{m.ground(g)}</label>
                      </div>
                    );
                  })}
                </div>
                <p class="divider-text">{m.or}</p>
                <div class="choice">
                  <input type="checkbox" id={`${groundsId}-none`} name="grounds" value="none" checked={form.noneApplies} />
                  <label for={`${groundsId}-none`}>{m.noneApplies}</label>
                </div>
              </fieldset>
            </div>
            <TextArea
              name="note"
              label={m.declarationNoteLabel}
              hint={m.declarationNoteHint}
              value={form.note}
              error={errorOf(errors, 'note')}
              rows={4}
              maxLength={declarationLimits.note}
            />
            <p class="muted" id="declare-final">
              {m.declareFinal}
            </p>
            <div class="actions">
              <button type="submit" class="button" aria-describedby="declare-final">
                {m.declareButton}
              </button>
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}

/** A disqualified or barred reviewer: that they are, and the public facts only. */
export function NotReviewingPage(props: AssignmentPageProps & { notice: string | null }) {
  const { ctx, assignment, application } = props;
  const m = assignmentMessages[ctx.locale];
  const barred = assignment.status === 'barred';
  const title = barred ? m.barredTitle(application.title) : m.disqualifiedTitle(application.title);
  return (
    <Layout ctx={ctx} title={title}>
      <p class="back-link">
        <a href={pagePath(ctx.locale, 'reviews')}>{m.backToList}</a>
      </p>
      <PageHeading title={title}>
        <p>
          <StandingTag ctx={ctx} standing={barred ? 'barred' : 'disqualified'} />
        </p>
      </PageHeading>
      <Notice text={props.notice ?? undefined} />
      <div class="notice">
        <p>{barred ? m.barredText : m.disqualifiedText}</p>
        {!barred && assignment.grounds.length > 0 ? (
          <>
            <p>{m.yourGrounds}:</p>
            <ul>
              {groundTexts(ctx, assignment.grounds, 'full').map((g) => (
                <li>{g}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <PublicFacts ctx={ctx} application={application} callTitle={props.callTitle} regionNames={props.regionNames} />
    </Layout>
  );
}
