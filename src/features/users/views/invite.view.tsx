import type { AssignedRole } from '../../../db/schema.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, LocaleChoice, SelectField, TextInput, errorOf } from '../../../views/components/form.js';
import type { Locale } from '../../../i18n/locales.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { usersMessages } from '../users.messages.js';

export interface InviteForm {
  email: string;
  name: string;
  locale: string;
  role: string;
  region: string;
}

export function InvitePage(props: {
  ctx: PageContext;
  form: InviteForm;
  errors: FieldError[];
  grantable: { roles: readonly AssignedRole[]; regions: readonly Region[] };
  isAdmin: boolean;
}) {
  const { ctx, form, errors } = props;
  const { locale, t } = ctx;
  const m = usersMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const localeError = errorOf('locale');
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.inviteTitle}` : m.inviteTitle} section="adminUsers">
      <p>
        <a href={pagePath(locale, 'adminUsers')}>{m.backToList}</a>
      </p>
      <PageHeading title={m.inviteTitle} lead={m.inviteLead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={pagePath(locale, 'adminUsers', 'invite')} novalidate>
        <CsrfField token={ctx.csrf()} />
        <fieldset>
          <legend>{m.inviteLegend}</legend>
          <TextInput name="email" type="email" label={m.email} value={form.email} error={errorOf('email')} autocomplete="off" maxLength={254} />
          <TextInput name="name" label={m.name} value={form.name} error={errorOf('name')} autocomplete="off" maxLength={200} />
        </fieldset>
        <LocaleChoice legend={m.localeLegend} value={form.locale} error={localeError} />
        <RoleAndRegion m={m} locale={locale} form={form} errors={errors} grantable={props.grantable} isAdmin={props.isAdmin} />
        <button type="submit" class="button">
          {m.sendInvite}
        </button>
      </form>
    </AdminLayout>
  );
}

/** The role to give and the council (region) it is for: the invitation and the grant form share it. */
export function RoleAndRegion(props: {
  m: (typeof usersMessages)[Locale];
  locale: Locale;
  form: { role: string; region: string };
  errors: readonly FieldError[];
  grantable: { roles: readonly AssignedRole[]; regions: readonly Region[] };
  isAdmin: boolean;
}) {
  const { m, locale, form, errors } = props;
  return (
    <>
      <SelectField
        name="role"
        label={m.role}
        value={form.role}
        error={errorOf(errors, 'role')}
        options={props.grantable.roles.map((r) => ({ value: r, label: m.roleNames[r] }))}
      />
      <SelectField
        name="region"
        label={m.region}
        hint={m.regionHint}
        value={form.region}
        error={errorOf(errors, 'region')}
        options={[
          ...(props.isAdmin ? [{ value: '', label: m.noRegion }] : []),
          ...props.grantable.regions.map((r) => ({ value: r.code, label: r.name[locale] })),
        ]}
      />
    </>
  );
}
