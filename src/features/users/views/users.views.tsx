import { Pager } from '../../../views/components/pager.js';
import type { AssignedRole } from '../../../db/schema.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { endonym, locales } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextInput } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { UserListRow } from '../users.admin.repository.js';
import { usersMessages } from '../users.messages.js';
import { Notice, SelectField } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { RoleAndRegion } from './invite.view.js';

export interface UserListQuery {
  q: string;
  role: string;
  region: string;
  page: number;
}

type RoleLike = { role: AssignedRole; regionCode: string | null };

function roleText(ctx: PageContext, regions: readonly Region[], r: RoleLike): string {
  const m = usersMessages[ctx.locale];
  const region = r.regionCode ? regions.find((x) => x.code === r.regionCode) : undefined;
  return region ? m.roleIn(m.roleNames[r.role], region.name[ctx.locale]) : m.roleNames[r.role];
}

function listHref(ctx: PageContext, query: UserListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.role) params.set('role', query.role);
  if (query.region) params.set('region', query.region);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return `${pagePath(ctx.locale, 'adminUsers')}${qs ? `?${qs}` : ''}`;
}

export function UserListPage(props: {
  ctx: PageContext;
  rows: UserListRow[];
  query: UserListQuery;
  regions: readonly Region[];
  hasNext: boolean;
  isAdmin: boolean;
  notice?: string | undefined;
}) {
  const { ctx, rows, query, regions } = props;
  const m = usersMessages[ctx.locale];
  const roleOptions = [{ value: '', label: m.anyRole }, ...(['admin', 'officer', 'expert'] as const).map((r) => ({ value: r, label: m.roleNames[r] }))];
  const regionOptions = [{ value: '', label: m.anyRegion }, ...regions.map((r) => ({ value: r.code, label: r.name[ctx.locale] }))];
  return (
    <AdminLayout ctx={ctx} title={m.title} section="adminUsers">
      <Notice text={props.notice} kind="success" />
      <PageHeading title={m.title} lead={props.isAdmin ? m.lead : m.officerLead} />
      <p>
        <a class="button" href={pagePath(ctx.locale, 'adminUsers', 'invite')}>
          {m.invite}
        </a>
      </p>
      <form method="get" action={pagePath(ctx.locale, 'adminUsers')} class="filter-form">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <TextInput name="q" type="text" label={m.search} hint={m.searchHint} value={query.q} error={undefined} maxLength={200} />
          <SelectField name="role" label={m.role} value={query.role} options={roleOptions} />
          <SelectField name="region" label={m.region} value={query.region} options={regionOptions} />
        </fieldset>
        <button type="submit" class="button">
          {m.filter}
        </button>{' '}
        <a href={pagePath(ctx.locale, 'adminUsers')}>{m.clearFilter}</a>
      </form>
      {rows.length === 0 ? (
        <p>{m.noResults}</p>
      ) : (
        <ScrollTable id="users-caption" caption={m.tableCaption}>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.email}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.roles}</th>
                <th scope="col">{m.lastSignIn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={pagePath(ctx.locale, 'adminUsers', String(row.id))}>{row.name}</a>
                  </th>
                  <td>{row.email}</td>
                  <td>{m.statuses[row.status]}</td>
                  <td>{row.roles.length === 0 ? m.none : row.roles.map((r) => roleText(ctx, regions, r)).join('; ')}</td>
                  <td>{row.lastLoginAt ? formatDateTime(row.lastLoginAt, ctx.locale) : m.never}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
      )}
      <Pager labels={usersMessages[ctx.locale]} previous={query.page > 1 ? listHref(ctx, query, query.page - 1) : undefined} next={props.hasNext ? listHref(ctx, query, query.page + 1) : undefined} />
    </AdminLayout>
  );
}


export interface UserDetail {
  id: number;
  email: string;
  name: string;
  locale: string;
  status: 'invited' | 'active' | 'disabled' | 'erased';
  lastLoginAt: string | null;
  twoFactor: boolean;
  roles: Array<RoleLike & { id: number }>;
  organisations: Array<{ id: number; name: string; isAdmin: boolean }>;
}

export interface GrantForm {
  role: string;
  region: string;
}

export function UserDetailPage(props: {
  ctx: PageContext;
  user: UserDetail;
  regions: readonly Region[];
  /** Roles this viewer may grant, and the regions they may grant them in. */
  grantable: { roles: readonly AssignedRole[]; regions: readonly Region[] };
  mayRevoke: (r: RoleLike) => boolean;
  isAdmin: boolean;
  notice?: string | undefined;
  errors: FieldError[];
  form: GrantForm;
}) {
  const { ctx, user, regions, errors } = props;
  const { locale, t } = ctx;
  const m = usersMessages[locale];
  const base = pagePath(locale, 'adminUsers', String(user.id));
  const lang = locales.find((l) => l === user.locale);
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${user.name}` : user.name} section="adminUsers">
      <p>
        <a href={pagePath(locale, 'adminUsers')}>{m.backToList}</a>
      </p>
      <Notice text={props.notice} kind="success" />
      <PageHeading title={user.name} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <h2>{m.detailsHeading}</h2>
      <dl class="facts">
        <div>
          <dt>{m.email}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{m.status}</dt>
          <dd>{m.statuses[user.status]}</dd>
        </div>
        <div>
          <dt>{m.language}</dt>
          <dd>{lang ? endonym[lang] : user.locale}</dd>
        </div>
        <div>
          <dt>{m.lastSignIn}</dt>
          <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : m.never}</dd>
        </div>
        <div>
          <dt>{m.twoFactor}</dt>
          <dd>{user.twoFactor ? m.twoFactorOn : m.twoFactorOff}</dd>
        </div>
        <div>
          <dt>{m.memberships}</dt>
          <dd>
            {user.organisations.length === 0
              ? m.noMemberships
              : user.organisations.map((o) => (o.isAdmin ? `${o.name} (${m.orgAdmin})` : o.name)).join('; ')}
          </dd>
        </div>
      </dl>

      <h2 id="field-roles" tabIndex={-1}>
        {m.rolesHeading}
      </h2>
      {user.roles.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <ul class="role-list">
          {user.roles.map((r) => (
            <li>
              {roleText(ctx, regions, r)}{' '}
              {props.mayRevoke(r) ? (
                <form method="post" action={`${base}/roles/${r.id}/revoke`} class="inline-form">
                  <CsrfField token={ctx.csrf()} />
                  <button type="submit" class="button button--secondary" aria-label={m.revokeLabel(roleText(ctx, regions, r))}>
                    {m.revoke}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {user.status !== 'erased' && props.grantable.roles.length > 0 ? (
        <section aria-labelledby="grant-heading" class="form-section">
          <h3 id="grant-heading">{m.grantHeading}</h3>
          <form method="post" action={`${base}/roles`} novalidate>
            <CsrfField token={ctx.csrf()} />
            <RoleAndRegion m={m} locale={locale} form={props.form} errors={errors} grantable={props.grantable} isAdmin={props.isAdmin} />
            <button type="submit" class="button">
              {m.grant}
            </button>
          </form>
        </section>
      ) : null}

      {user.status === 'invited' || (props.isAdmin && user.status !== 'erased') ? (
        <h2 id="field-account" tabIndex={-1}>
          {m.accountHeading}
        </h2>
      ) : null}
      {user.status === 'invited' ? (
        <form method="post" action={`${base}/resend`}>
          <CsrfField token={ctx.csrf()} />
          <button type="submit" class="button button--secondary">
            {m.resend}
          </button>
        </form>
      ) : null}
      {props.isAdmin && (user.status === 'active' || user.status === 'invited') ? (
        <form method="post" action={`${base}/disable`}>
          <CsrfField token={ctx.csrf()} />
          <p class="muted">{m.disableHint}</p>
          <button type="submit" class="button button--secondary">
            {m.disable}
          </button>
        </form>
      ) : null}
      {props.isAdmin && user.status === 'disabled' ? (
        <form method="post" action={`${base}/enable`}>
          <CsrfField token={ctx.csrf()} />
          <button type="submit" class="button button--secondary">
            {m.enable}
          </button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
