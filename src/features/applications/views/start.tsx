import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, RadioGroup, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallPhase } from '../../../domain/call-lifecycle.js';
import type { Call } from '../../calls/calls.repository.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import type { Organisation } from '../../organisations/organisations.repository.js';
import { applicationsMessages } from '../applications.messages.js';
import type { ApplicationListItem } from '../applications.service.js';

const frame = (ctx: PageContext) => ({ ...ctx, current: 'applications' as const });

/** The applications the user can edit, with their calls' deadlines and phases. */
export function MyApplicationsPage({ ctx, items, phaseOf }: { ctx: PageContext; items: ApplicationListItem[]; phaseOf: (item: ApplicationListItem) => CallPhase }) {
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  return (
    <Layout ctx={frame(ctx)} title={m.myTitle}>
      <PageHeading title={m.myTitle} lead={m.myLead} />
      {items.length === 0 ? (
        <>
          <p>{m.myNone}</p>
          <p>
            <a class="button button--secondary" href={pagePath(locale, 'calls')}>
              {m.seeCalls}
            </a>
          </p>
        </>
      ) : (
        <ScrollTable id="applications-caption" caption={m.listCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colApplication}</th>
              <th scope="col">{m.colCall}</th>
              <th scope="col">{m.colRole}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colDeadline}</th>
              <th scope="col">{m.colPhase}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr>
                <th scope="row">
                  <a href={pagePath(locale, 'applications', String(item.id))}>{item.title || m.untitled}</a>
                  <br />
                  <span class="muted">{item.leadOrganisationName}</span>
                </th>
                <td>
                  <a href={pagePath(locale, 'calls', String(item.call.id))}>{item.call.title[locale]}</a>
                </td>
                <td>{item.isLead ? m.roleLead : m.rolePartner}</td>
                <td>{m.status[item.status]}</td>
                <td>{formatDateTime(item.call.closesAt, locale)}</td>
                <td>{m.phase[phaseOf(item)]}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}

/** Starting a draft: the call, and the choice of the lead partner among the user's organisations. */
export function NewApplicationPage(props: {
  ctx: PageContext;
  call: Call;
  organisations: Organisation[];
  chosen: string;
  errors: FieldError[];
}) {
  const { ctx, call, organisations, chosen, errors } = props;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  return (
    <Layout ctx={frame(ctx)} title={errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${m.newTitle}` : m.newTitle}>
      <PageHeading title={m.newTitle} lead={m.newLead(call.title[locale])} />
      <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
      <dl class="summary-list">
        <div>
          <dt>{m.deadline}</dt>
          <dd>{formatDateTime(call.closesAt, locale)}</dd>
        </div>
      </dl>
      {organisations.length === 0 ? (
        <>
          <p>{m.noOrganisation}</p>
          <p>
            <a class="button" href={pagePath(locale, 'organisations', 'new')}>
              {m.registerOrganisation}
            </a>{' '}
            <a href={pagePath(locale, 'organisations')}>{organisationMessages[locale].myTitle}</a>
          </p>
        </>
      ) : (
        <form method="post" action={pagePath(locale, 'applications', 'new')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <input type="hidden" name="call" value={String(call.id)} />
          <RadioGroup
            name="organisation"
            legend={m.leadOrganisation}
            hint={m.leadOrganisationHint}
            value={chosen || (organisations.length === 1 ? String(organisations[0]!.id) : '')}
            error={errorOf(errors, 'organisation')}
            options={organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${o.businessId})` }))}
          />
          <button type="submit" class="button">
            {m.startSubmit}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** The call does not take applications now (not yet open, closed, or no call chosen at all). */
export function NotOpenPage({ ctx, call, phase }: { ctx: PageContext; call: Call | null; phase: CallPhase | null }) {
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const text =
    call === null
      ? m.newChooseCall
      : phase === 'published'
        ? m.notOpenBefore(formatDateTime(call.opensAt, locale))
        : phase === 'closed' || phase === 'in_review' || phase === 'decided'
          ? m.notOpenClosed(formatDateTime(call.closesAt, locale))
          : m.notOpenOther;
  const title = call === null ? m.newTitle : m.notOpenTitle;
  return (
    <Layout ctx={frame(ctx)} title={title}>
      <PageHeading title={title} lead={call ? call.title[locale] : undefined} />
      <p>{text}</p>
      <p>
        <a href={call ? pagePath(locale, 'calls', String(call.id)) : pagePath(locale, 'calls')}>{call ? m.backToCall : m.seeCalls}</a>
      </p>
    </Layout>
  );
}
