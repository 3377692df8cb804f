import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDate } from '../../../i18n/format.js';
import { endonym, locales, type Locale } from '../../../i18n/locales.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { ApplicationBreadcrumb } from './collaboration.breadcrumb.js';
import type { ApplicationDetails } from '../applications.repository.js';
import { collaborationMessages } from '../collaboration.messages.js';
import type { InvitedEditor, PeopleOverview, Person } from '../collaboration.service.js';

/** The invitation form as typed, kept as-is so that a re-rendered form loses nothing. */
export interface InviteEditorForm {
  partnerId: string;
  name: string;
  email: string;
  locale: Locale;
}

export type PeopleNotice = 'invited' | 'added' | 'removed';

export interface PeoplePageProps {
  ctx: PageContext;
  application: ApplicationDetails;
  overview: PeopleOverview;
  /** Partners whose people the viewer may invite and remove. */
  manageable: readonly number[];
  /** Whether the application can still be changed (a draft in an open call). */
  writable: boolean;
  notice: PeopleNotice | null;
  form: InviteEditorForm;
  errors: FieldError[];
}

function Status({ ctx, person }: { ctx: PageContext; person: Person }) {
  const m = collaborationMessages[ctx.locale];
  return person.status === 'invited' ? <span class="tag tag--invited">{m.notYetActive}</span> : null;
}

function RemoveButton({ ctx, applicationId, partnerId, editor }: { ctx: PageContext; applicationId: number; partnerId: number; editor: InvitedEditor }) {
  const m = collaborationMessages[ctx.locale];
  return (
    <form method="post" action={pagePath(ctx.locale, 'applications', String(applicationId), 'people', 'remove')} class="inline-form">
      <CsrfField token={ctx.csrf()} />
      <input type="hidden" name="partnerId" value={String(partnerId)} />
      <input type="hidden" name="userId" value={String(editor.userId)} />
      <button type="submit" class="button button--secondary">
        {m.remove}
        <span class="visually-hidden">{m.removeFor(editor.name)}</span>
      </button>
    </form>
  );
}

function PartSection({ ctx, props, part }: { ctx: PageContext; props: PeoplePageProps; part: PeopleOverview['partners'][number] }) {
  const m = collaborationMessages[ctx.locale];
  const canManage = props.manageable.includes(part.partnerId);
  const id = `part-${part.partnerId}`;
  const rows = part.members.length + part.editors.length;
  return (
    <section aria-labelledby={id} class="people-part">
      <h3 id={id}>
        {m.partHeading(part.organisationName)}
        {part.isLead ? <span class="tag tag--info">{m.leadPartner}</span> : null}
      </h3>
      {rows === 0 ? (
        <p class="muted">{m.nobody}</p>
      ) : (
        <ScrollTable id={`${id}-caption`} caption={m.partCaption(part.organisationName)}>
          <thead>
            <tr>
              <th scope="col">{m.colName}</th>
              <th scope="col">{m.colEmail}</th>
              <th scope="col">{m.colRight}</th>
              {canManage ? <th scope="col">{m.colActions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {part.members.map((p) => (
              <tr>
                <th scope="row">
                  {p.name} <Status ctx={ctx} person={p} />
                </th>
                <td>{p.email}</td>
                <td>{m.viaMembership}</td>
                {canManage ? <td /> : null}
              </tr>
            ))}
            {part.editors.map((e) => (
              <tr>
                <th scope="row">
                  {e.name} <Status ctx={ctx} person={e} />
                </th>
                <td>{e.email}</td>
                <td>{m.viaInvitation(e.invitedByName, formatDate(e.addedAt, ctx.locale))}</td>
                {canManage ? (
                  <td>
                    <RemoveButton ctx={ctx} applicationId={props.application.id} partnerId={part.partnerId} editor={e} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}

function InviteSection({ ctx, props }: { ctx: PageContext; props: PeoplePageProps }) {
  const m = collaborationMessages[ctx.locale];
  const { form, errors } = props;
  const partners = props.overview.partners.filter((p) => props.manageable.includes(p.partnerId));
  return (
    <section aria-labelledby="invite-heading" class="form-section">
      <h2 id="invite-heading">{m.inviteHeading}</h2>
      <p>{m.inviteLead}</p>
      <form method="post" action={pagePath(ctx.locale, 'applications', String(props.application.id), 'people')} novalidate>
        <CsrfField token={ctx.csrf()} />
        <SelectField
          name="partnerId"
          label={m.invitePartner}
          value={form.partnerId}
          error={errorOf(errors, 'partnerId')}
          options={partners.map((p) => ({ value: String(p.partnerId), label: p.isLead ? `${p.organisationName} (${m.leadPartner})` : p.organisationName }))}
        />
        <TextInput name="name" label={m.inviteName} value={form.name} error={errorOf(errors, 'name')} maxLength={200} autocomplete="off" />
        <TextInput name="email" type="email" label={m.inviteEmail} value={form.email} error={errorOf(errors, 'email')} maxLength={254} autocomplete="off" />
        <SelectField
          name="locale"
          label={m.inviteLocale}
          hint={m.inviteLocaleHint}
          value={form.locale}
          options={locales.map((l) => ({ value: l, label: endonym[l] }))}
        />
        <button type="submit" class="button">
          {m.inviteSubmit}
        </button>
      </form>
    </section>
  );
}

export function PeoplePage(props: PeoplePageProps) {
  const { ctx, application, overview, errors } = props;
  const { t, locale } = ctx;
  const m = collaborationMessages[locale];
  const lead = application.partners.find((p) => p.isLead);
  const leadName = lead?.name ?? '';
  const title = m.peopleTitle;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <ApplicationBreadcrumb ctx={ctx} application={application} />
      <PageHeading title={title} lead={m.peopleLead}>
        <p class="meta" id={fieldId('application')}>{m.applicationLabel(application.title.trim() || m.untitled)}</p>
      </PageHeading>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice ? m[props.notice] : undefined} />
      <section aria-labelledby="whole-heading">
        <h2 id="whole-heading">{m.wholeHeading}</h2>
        <p>{m.wholeText(leadName)}</p>
        {overview.leadMembers.length === 0 ? (
          <p class="muted">{m.noLeadMembers}</p>
        ) : (
          <ScrollTable id="lead-members-caption" caption={m.wholeCaption(leadName)}>
            <thead>
              <tr>
                <th scope="col">{m.colName}</th>
                <th scope="col">{m.colEmail}</th>
                <th scope="col">{m.colRight}</th>
              </tr>
            </thead>
            <tbody>
              {overview.leadMembers.map((p) => (
                <tr>
                  <th scope="row">
                    {p.name} <Status ctx={ctx} person={p} />
                  </th>
                  <td>{p.email}</td>
                  <td>{m.viaLeadMembership}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="parts-heading">
        <h2 id="parts-heading">{m.partsHeading}</h2>
        {overview.partners.map((part) => (
          <PartSection ctx={ctx} props={props} part={part} />
        ))}
      </section>
      {props.manageable.length > 0 ? (
        props.writable ? (
          <InviteSection ctx={ctx} props={props} />
        ) : (
          <p class="notice">{m.readOnly}</p>
        )
      ) : null}
    </Layout>
  );
}

