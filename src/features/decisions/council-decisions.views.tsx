import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { CsrfField, ErrorSummary, Notice, TextArea, TextInput, errorOf } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { ScrollTable } from '../../views/components/scroll-table.js';
import type { PageContext } from '../../views/page-context.js';
import { Paragraphs } from '../calls/call-inquiries.views.js';
import type { CallDetails } from '../calls/calls.repository.js';
import { AdminPage, CallPartsNav, callTitle } from '../calls/views/call-criteria.parts.js';
import { councilDecisionMessages } from './council-decisions.messages.js';
import type { CouncilDecision, DecisionLetterInfo, DecisionShare, LetterParty } from './council-decisions.repository.js';
import type { StoredProposal } from './funding-proposal.js';

export const decisionLimits = { number: 64, maker: 200, grounds: 20_000 } as const;

export interface DecisionForm {
  number: string;
  date: string;
  maker: string;
  grounds: string;
}

export const emptyDecisionForm: DecisionForm = { number: '', date: '', maker: '', grounds: '' };

/** Each council's form has its own field names, so that an administrator's page with several forms keeps every id unique. */
export const decisionField = (field: keyof DecisionForm, regionCode: string) => `${field}_${regionCode}`;

export interface CouncilView {
  regionCode: string;
  name: string;
  shares: DecisionShare[];
  decision: CouncilDecision | null;
  /** The signed-in officer may record this council's decision. */
  mayDecide: boolean;
}

export interface ApplicationView {
  applicationId: number;
  party: LetterParty | undefined;
  outcome: DecisionShare['outcome'];
  decided: string[];
  waiting: string[];
  letter: DecisionLetterInfo | undefined;
}

export interface DecisionsPageProps {
  ctx: PageContext;
  call: CallDetails;
  proposal: StoredProposal | undefined;
  councils: CouncilView[];
  /** Councils of the call that nobody asked for a grant. */
  uninvolved: string[];
  applications: ApplicationView[];
  callDecided: boolean;
  /** The form of one council as it was posted, with its errors. */
  form?: { regionCode: string; values: DecisionForm; errors: FieldError[] } | undefined;
  notice?: string | undefined;
  refused?: string | undefined;
}

export function DecisionsPage(props: DecisionsPageProps) {
  const { ctx, call, proposal } = props;
  const { locale, t } = ctx;
  const m = councilDecisionMessages[locale];
  const title = m.title(callTitle(call, locale));
  const errors = props.form?.errors ?? [];
  return (
    <AdminPage ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="decisions" />
      <PageHeading title={title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice} />
      <Notice text={props.refused} kind="warning" />
      {proposal ? (
        <>
          <ProposalSummary {...props} proposal={proposal} />
          {props.councils.map((c) => (
            <CouncilSection ctx={ctx} call={call} council={c} form={props.form?.regionCode === c.regionCode ? props.form : undefined} />
          ))}
          <ApplicationsTable ctx={ctx} call={call} applications={props.applications} />
        </>
      ) : (
        <>
          <p>{m.noProposal}</p>
          <p>
            <a href={pagePath(locale, 'adminCalls', String(call.id), 'funding')}>{m.toFunding}</a>
          </p>
        </>
      )}
    </AdminPage>
  );
}

function ProposalSummary(props: DecisionsPageProps & { proposal: StoredProposal }) {
  const { ctx, proposal, councils } = props;
  const m = councilDecisionMessages[ctx.locale];
  const decided = councils.filter((c) => c.decision !== null).length;
  return (
    <section aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{m.proposalHeading}</h2>
      <dl class="summary-list">
        <div>
          <dt>{m.proposalHash}</dt>
          <dd>
            <code class="submission__hash">{proposal.sha256}</code>
          </dd>
        </div>
        <div>
          <dt>{m.proposalConfirmed}</dt>
          <dd>
            <time dateTime={proposal.confirmedAt}>{formatDateTime(proposal.confirmedAt, ctx.locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.progress}</dt>
          <dd>{m.progressValue(decided, councils.length)}</dd>
        </div>
      </dl>
      {props.callDecided ? <p>{m.callDecided}</p> : null}
      {props.uninvolved.length > 0 ? <p class="muted">{m.notInvolved(props.uninvolved.join(', '))}</p> : null}
    </section>
  );
}

function CouncilSection({ ctx, call, council, form }: { ctx: PageContext; call: CallDetails; council: CouncilView; form: DecisionsPageProps['form'] }) {
  const { locale } = ctx;
  const m = councilDecisionMessages[locale];
  const funded = council.shares.filter((s) => s.outcome === 'funded');
  const count = (outcomes: readonly string[]) => council.shares.filter((s) => outcomes.includes(s.outcome)).length;
  const id = `council-${council.regionCode}`;
  return (
    <section id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{council.name}</h2>
      <h3>{m.sharesHeading}</h3>
      <dl class="summary-list">
        <div>
          <dt>{m.fundedShares}</dt>
          <dd>{m.fundedValue(funded.length, formatMoney(funded.reduce((s, x) => s + x.grantedCents, 0), locale))}</dd>
        </div>
        <div>
          <dt>{m.reserveShares}</dt>
          <dd>{m.countValue(count(['reserve']))}</dd>
        </div>
        <div>
          <dt>{m.notFundedShares}</dt>
          <dd>{m.countValue(count(['not-fundable', 'ineligible']))}</dd>
        </div>
      </dl>
      {council.decision ? (
        <RecordedDecision ctx={ctx} decision={council.decision} />
      ) : council.mayDecide ? (
        <DecisionFormView ctx={ctx} call={call} council={council} form={form} />
      ) : (
        <p>{m.waiting(council.name)}</p>
      )}
    </section>
  );
}

function RecordedDecision({ ctx, decision }: { ctx: PageContext; decision: CouncilDecision }) {
  const { locale } = ctx;
  const m = councilDecisionMessages[locale];
  return (
    <>
      <h3>{m.decisionHeading}</h3>
      <dl class="summary-list">
        <div>
          <dt>{m.decisionNumber}</dt>
          <dd>{decision.number}</dd>
        </div>
        <div>
          <dt>{m.decisionDate}</dt>
          <dd>
            <time dateTime={decision.date}>{formatCalendarDate(decision.date, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.decisionMaker}</dt>
          <dd>{decision.maker}</dd>
        </div>
        <div>
          <dt>{m.grounds}</dt>
          <dd>
            <Paragraphs text={decision.grounds} />
          </dd>
        </div>
        <div>
          <dt>{m.recordedAt}</dt>
          <dd>
            <time dateTime={decision.recordedAt}>{formatDateTime(decision.recordedAt, locale)}</time>
          </dd>
        </div>
      </dl>
    </>
  );
}

function DecisionFormView({ ctx, call, council, form }: { ctx: PageContext; call: CallDetails; council: CouncilView; form: DecisionsPageProps['form'] }) {
  const m = councilDecisionMessages[ctx.locale];
  const values = form?.values ?? emptyDecisionForm;
  const errors = form?.errors ?? [];
  const name = (field: keyof DecisionForm) => decisionField(field, council.regionCode);
  return (
    <form method="post" action={pagePath(ctx.locale, 'adminCalls', String(call.id), 'decisions', council.regionCode)} novalidate>
      <CsrfField token={ctx.csrf()} />
      <fieldset class="form-section">
        <legend>{m.formLegend(council.name)}</legend>
        <TextInput name={name('number')} label={m.decisionNumber} hint={m.numberHint} value={values.number} error={errorOf(errors, name('number'))} maxLength={decisionLimits.number} required />
        <TextInput name={name('date')} label={m.decisionDate} hint={m.dateHint} value={values.date} error={errorOf(errors, name('date'))} maxLength={10} required />
        <TextInput name={name('maker')} label={m.decisionMaker} hint={m.makerHint} value={values.maker} error={errorOf(errors, name('maker'))} maxLength={decisionLimits.maker} required />
        <TextArea name={name('grounds')} label={m.grounds} hint={m.groundsHint} value={values.grounds} error={errorOf(errors, name('grounds'))} rows={8} maxLength={decisionLimits.grounds} required />
      </fieldset>
      <p class="field__hint">{m.submitWarning}</p>
      <div class="actions">
        <button type="submit" class="button">
          {m.submit}
        </button>
      </div>
    </form>
  );
}

function ApplicationsTable({ ctx, call, applications }: { ctx: PageContext; call: CallDetails; applications: ApplicationView[] }) {
  const { locale } = ctx;
  const m = councilDecisionMessages[locale];
  if (applications.length === 0) return null;
  const list = (names: string[], empty: string) => (names.length === 0 ? empty : names.join(', '));
  // A section of its own: without its heading the table would read as part of the last council's section.
  return (
    <section aria-labelledby="decision-applications-heading">
      <h2 id="decision-applications-heading">{m.applicationsHeading}</h2>
      <ScrollTable id="decision-applications-caption" caption={m.applicationsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colApplication}</th>
            <th scope="col">{m.colOutcome}</th>
            <th scope="col">{m.colDecided}</th>
            <th scope="col">{m.colWaiting}</th>
            <th scope="col">{m.colFinal}</th>
            <th scope="col">{m.colLetter}</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((a) => (
            <tr>
              <th scope="row">
                {a.party ? (
                  <>
                    {a.party.receiptNumber}
                    <br />
                    <span class="muted">{a.party.title}</span>
                  </>
                ) : (
                  a.applicationId
                )}
              </th>
              <td>{m.outcome(a.outcome)}</td>
              <td>{list(a.decided, m.noneYet)}</td>
              <td>{list(a.waiting, m.nobody)}</td>
              <td>{a.letter ? m.final : m.notFinal}</td>
              <td>
                {a.letter ? (
                  <a href={pagePath(locale, 'adminCalls', String(call.id), 'decisions', 'letters', String(a.applicationId))}>{m.letterLink(a.letter.filename)}</a>
                ) : (
                  m.noneYet
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
