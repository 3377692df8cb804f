import type { CallPhase } from '../../../domain/call-lifecycle.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import { AdminPage, CallPartsNav, callTitle } from '../../calls/views/call-criteria.parts.js';
import { assignmentMessages } from '../assignments.messages.js';
import type { CallReviewOverview } from '../assignments.overview.js';
import type { ReviewLock } from '../review-lock.js';
import { StandingTag, groundTexts, standingOf } from './assignments.parts.js';

export interface AssignmentsForm {
  perApplication: string;
  /** The add-reviewer form that was sent, to keep its choice and show its error. */
  add: { applicationId: number; reviewerId: string } | null;
}

export interface AssignmentsPageProps {
  ctx: PageContext;
  call: CallDetails;
  phase: CallPhase;
  overview: CallReviewOverview;
  regionNames: ReadonlyMap<string, string>;
  form: AssignmentsForm;
  errors: readonly FieldError[];
  notice: { text: string; kind: 'success' | 'warning' } | null;
}

/** The add-reviewer field of an application: one per application, so each has its own id for the error summary. */
export const reviewerField = (applicationId: number) => `reviewer_${applicationId}`;

/** What the call's phase allows, said at the top of the page. */
function PhaseNotice({ ctx, call, phase, lock }: { ctx: PageContext; call: CallDetails; phase: CallPhase; lock: ReviewLock | null }) {
  const m = assignmentMessages[ctx.locale];
  if (lock === null) return <p class="muted">{m.phaseInReview}</p>;
  const text = phase === 'closed' ? m.phaseClosed : phase === 'decided' ? m.phaseDecided : lock === 'proposal-confirmed' ? m.phaseProposal : m.phaseNotStarted;
  return (
    <div class="notice notice--warning">
      <p>{text}</p>
      {phase === 'closed' ? (
        <p>
          <a href={pagePath(ctx.locale, 'adminCalls', String(call.id))}>{m.startReviewLink}</a>
        </p>
      ) : null}
    </div>
  );
}

export function AssignmentsPage(props: AssignmentsPageProps) {
  const { ctx, call, phase, overview, errors, notice } = props;
  const { t, locale } = ctx;
  const m = assignmentMessages[locale];
  const title = m.pageTitle(callTitle(call, locale));
  const editable = overview.lock === null;
  return (
    <AdminPage ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="review" />
      <PageHeading title={title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {notice ? <Notice text={notice.text} kind={notice.kind} /> : null}
      <PhaseNotice ctx={ctx} call={call} phase={phase} lock={overview.lock} />

      {/* The usual first step, so it comes first: filling every application at once; changes by hand follow below. */}
      {editable && overview.applications.length > 0 ? (
        <form method="post" action={pagePath(locale, 'adminCalls', String(call.id), 'review', 'automatic')} novalidate class="form-section review-automatic">
          <CsrfField token={ctx.csrf()} />
          <h2>{m.automaticHeading}</h2>
          <p>{m.automaticRules}</p>
          <TextInput
            name="per_application"
            label={m.perApplicationLabel}
            hint={m.perApplicationHint}
            value={props.form.perApplication}
            error={errorOf(errors, 'per_application')}
            inputMode="numeric"
            maxLength={2}
          />
          <div class="actions">
            <button type="submit" class="button">
              {m.automaticButton}
            </button>
          </div>
        </form>
      ) : null}

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{m.applicationsHeading(overview.applications.length)}</h2>
        {overview.applications.length === 0 ? <p>{m.noApplications}</p> : null}
        {overview.applications.map((entry) => (
          <ApplicationBlock {...props} entry={entry} editable={editable} />
        ))}
      </section>

      <LoadTable ctx={ctx} overview={overview} regionNames={props.regionNames} />
    </AdminPage>
  );
}

function ApplicationBlock(props: AssignmentsPageProps & { entry: CallReviewOverview['applications'][number]; editable: boolean }) {
  const { ctx, call, entry, editable, regionNames, form, errors } = props;
  const { locale } = ctx;
  const m = assignmentMessages[locale];
  const { application, assignments, addable, unfilled } = entry;
  const headingId = `application-${application.id}`;
  const region = (code: string | null) => (code ? (regionNames.get(code) ?? code) : m.noCouncil);
  const active = assignments.filter((a) => a.status === 'awaiting-declaration' || a.status === 'cleared').length;
  const field = reviewerField(application.id);
  const base = pagePath(locale, 'adminCalls', String(call.id), 'review');
  return (
    <article class="review-assignment" aria-labelledby={headingId}>
      <h3 id={headingId}>{application.title}</h3>
      <dl class="summary-list">
        <div>
          <dt>{m.leadLabel}</dt>
          <dd>{application.leadOrganisationName}</dd>
        </div>
        <div>
          <dt>{m.regionsLabel}</dt>
          <dd>{application.regionCodes.map((c) => region(c)).join(', ')}</dd>
        </div>
        <div>
          <dt>{m.activeLabel}</dt>
          <dd>
            {active}
            {unfilled ? (
              <p class="review-assignment__missing">
                {m.missing(unfilled.missing)} {m.unfilledReason(unfilled.reason)}
              </p>
            ) : null}
          </dd>
        </div>
      </dl>
      <p>
        <a href={pagePath(locale, 'adminCalls', String(call.id), 'review', 'applications', String(application.id))}>{m.openApplicationReview}</a>
      </p>
      {assignments.length === 0 ? (
        <p class="muted">{m.noReviewers}</p>
      ) : (
        <ScrollTable id={`reviewers-${application.id}`} caption={m.reviewersCaption(application.title)}>
          <thead>
            <tr>
              <th scope="col">{m.colReviewer}</th>
              <th scope="col">{m.colCouncil}</th>
              <th scope="col">{m.colMethod}</th>
              <th scope="col">{m.colStatus}</th>
              {editable ? <th scope="col">{m.colActions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr>
                <th scope="row">{a.reviewerName}</th>
                <td>{region(a.reviewerRegion)}</td>
                <td>{m.method(a.method)}</td>
                <td>
                  <StandingTag ctx={ctx} standing={standingOf(a)} />
                  {a.status === 'disqualified' ? (
                    <p class="review-assignment__grounds">
                      {m.groundsLabel}: {groundTexts(ctx, a.grounds, 'short').join(', ')}
                      {a.declarationNote ? (
                        <>
                          <br />
                          {m.noteLabel}: {a.declarationNote}
                        </>
                      ) : null}
                    </p>
                  ) : null}
                </td>
                {editable ? (
                  <td>
                    {a.submittedAt === null && a.status !== 'disqualified' && a.status !== 'barred' ? (
                      <form method="post" action={`${base}/assignments/${a.id}/remove`} class="inline-form">
                        <CsrfField token={ctx.csrf()} />
                        <button type="submit" class="button button--secondary">
                          {m.remove}
                          <span class="visually-hidden"> {a.reviewerName}</span>
                        </button>
                      </form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {editable && addable.length > 0 ? (
        <form method="post" action={`${base}/assign`} novalidate class="inline-form review-assignment__add">
          <CsrfField token={ctx.csrf()} />
          <input type="hidden" name="application_id" value={String(application.id)} />
          <SelectField
            name={field}
            label={m.addLabel}
            hint={m.addHint}
            value={form.add?.applicationId === application.id ? form.add.reviewerId : ''}
            error={errorOf(errors, field)}
            placeholder={m.addPlaceholder}
            options={addable.map(({ expert, barred }) => ({ value: String(expert.id), label: m.expertOption(expert.name, region(expert.regionCode), barred) }))}
          />
          <button type="submit" class="button button--secondary">
            {m.addButton}
          </button>
        </form>
      ) : null}
    </article>
  );
}

function LoadTable({ ctx, overview, regionNames }: { ctx: PageContext; overview: CallReviewOverview; regionNames: ReadonlyMap<string, string> }) {
  const m = assignmentMessages[ctx.locale];
  return (
    <section aria-labelledby="load-heading">
      <h2 id="load-heading">{m.loadHeading}</h2>
      {overview.loads.length === 0 ? (
        <p>{m.noExperts}</p>
      ) : (
        <ScrollTable id="load-caption" caption={m.loadCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colExpert}</th>
              <th scope="col">{m.colCouncil}</th>
              <th scope="col" class="numeric">
                {m.colActive}
              </th>
              <th scope="col" class="numeric">
                {m.colSubmitted}
              </th>
              <th scope="col" class="numeric">
                {m.colNotReviewing}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.loads.map((l) => (
              <tr>
                <th scope="row">{l.expert.name}</th>
                <td>{l.expert.regionCode ? (regionNames.get(l.expert.regionCode) ?? l.expert.regionCode) : m.noCouncil}</td>
                <td class="numeric">{l.active}</td>
                <td class="numeric">{l.submitted}</td>
                <td class="numeric">{l.notReviewing}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
