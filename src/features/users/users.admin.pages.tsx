import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assignedRoles, type AssignedRole } from '../../db/schema.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { policies } from '../../policies/policies.js';
import type { Principal } from '../../policies/principal.js';
import { rolesOfUser, findUserById } from '../auth/users.repository.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listUsers, organisationsOfUser } from './users.admin.repository.js';
import {
  grantRoleTo,
  inviteOfficial,
  mayGrant,
  mayLookAfter,
  officerRegionsOf,
  resendInvitation,
  revokeRoleOf,
  setAccountDisabled,
  type AdminChangeResult,
  type RoleChoice,
} from './users.admin.service.js';
import { usersMessages } from './users.messages.js';
import { InvitePage, type InviteForm } from './views/invite.view.js';
import { UserDetailPage, UserListPage, type GrantForm, type UserDetail } from './views/users.views.js';

const PAGE_SIZE = 50;
const idParams = { schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,9}$' }) }) } };
const roleParams = { schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,9}$' }), roleId: Type.String({ pattern: '^[0-9]{1,9}$' }) }) } };
const notices = ['granted', 'revoked', 'disabled', 'enabled', 'resent', 'invited', 'invitedExisting'] as const;

function field(source: unknown, name: string): string {
  const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function isRole(value: string): value is AssignedRole {
  return (assignedRoles as readonly string[]).includes(value);
}

/** The roles and regions this viewer may hand out: all for administrators, their own region's officials for officers. */
function grantableFor(p: Principal, regions: readonly Region[]) {
  if (policies.manageUsers(p)) return { roles: assignedRoles, regions };
  const own = officerRegionsOf(p);
  return { roles: ['officer', 'expert'] as const, regions: regions.filter((r) => own.includes(r.code)) };
}

function userId(request: FastifyRequest): number {
  return Number((request.params as { id: string }).id);
}

export async function usersAdminPages(app: FastifyInstance) {
  const db = app.database.db;

  getPage(app, 'adminUsers', '', 'inviteOfficials', async (locale, request) => {
    const p = request.principal!;
    const ctx = pageContext(request, locale, { current: 'adminUsers' });
    const query = request.query as Record<string, unknown>;
    const role = field(query, 'role');
    const region = field(query, 'region');
    const page = Math.min(Math.max(Number.parseInt(field(query, 'page'), 10) || 1, 1), 10_000);
    const q = field(query, 'q').slice(0, 200);
    const isAdmin = policies.manageUsers(p);
    const rows = await listUsers(db, {
      q,
      role: isRole(role) ? role : undefined,
      region: /^[0-9]{2}$/.test(region) ? region : undefined,
      inRegions: isAdmin ? undefined : officerRegionsOf(p),
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const regions = await listRegions(db);
    const done = field(query, 'done');
    return (
      <UserListPage
        notice={done === 'revoked' ? usersMessages[locale].revoked : undefined}
        ctx={ctx}
        rows={rows.slice(0, PAGE_SIZE)}
        hasNext={rows.length > PAGE_SIZE}
        query={{ q, role: isRole(role) ? role : '', region, page }}
        regions={regions}
        isAdmin={isAdmin}
      />
    );
  });

  // ---- Inviting ----
  const inviteView = async (locale: Locale, request: FastifyRequest, form: InviteForm, errors: FieldError[]) => {
    const p = request.principal!;
    const ctx = pageContext(request, locale, { current: 'adminUsers', alternates: alternatePaths('adminUsers', 'invite') });
    const regions = await listRegions(db);
    return <InvitePage ctx={ctx} form={form} errors={errors} grantable={grantableFor(p, regions)} isAdmin={policies.manageUsers(p)} />;
  };

  getPage(app, 'adminUsers', '/invite', 'inviteOfficials', async (locale, request) =>
    inviteView(locale, request, { email: '', name: '', locale, role: 'officer', region: '' }, []),
  );

  postPage(app, 'adminUsers', '/invite', 'inviteOfficials', async (locale, request, reply) => {
    const p = request.principal!;
    const m = usersMessages[locale];
    const t = pageContext(request, locale).t;
    const form: InviteForm = {
      email: field(request.body, 'email').trim(),
      name: field(request.body, 'name').trim(),
      locale: field(request.body, 'locale'),
      role: field(request.body, 'role'),
      region: field(request.body, 'region'),
    };
    const errors: FieldError[] = [];
    if (form.email === '') errors.push({ field: 'email', message: t.errors.required(m.email) });
    else if (form.email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) errors.push({ field: 'email', message: m.emailInvalid });
    if (form.name === '') errors.push({ field: 'name', message: t.errors.required(m.name) });
    else if (form.name.length > 200) errors.push({ field: 'name', message: t.errors.tooLong(m.name, 200) });
    if (!isLocale(form.locale)) errors.push({ field: 'locale', message: t.errors.required(m.localeLegend) });
    const choice = readChoice(form, errors, m);
    if (errors.length === 0 && choice && isLocale(form.locale)) {
      const result = await inviteOfficial(
        db,
        requestActor(request),
        p,
        { email: form.email, name: form.name, locale: form.locale, role: choice },
        app.now(),
        { baseUrl: app.config.baseUrl, deliver: app.mailer.delivers },
      );
      if (result.ok) {
        void app.outbox.dispatch();
        return reply.redirect(`${pagePath(locale, 'adminUsers', String(result.userId))}?done=${result.existing ? 'invitedExisting' : 'invited'}`, 303);
      }
      if (result.reason === 'forbidden') throw new AppError('FORBIDDEN');
      errors.push(problemAsError(result, m));
    }
    reply.code(400);
    return inviteView(locale, request, form, errors);
  });

  // ---- One person ----
  const detailView = async (
    locale: Locale,
    request: FastifyRequest,
    id: number,
    extra: { notice?: string | undefined; errors?: FieldError[]; form?: GrantForm } = {},
  ) => {
    const p = request.principal!;
    const user = await findUserById(db, id);
    if (!user) throw new AppError('NOT_FOUND');
    const roles = await rolesOfUser(db, id);
    if (!mayLookAfter(p, roles)) throw new AppError('FORBIDDEN');
    const [organisations, regions] = await Promise.all([organisationsOfUser(db, id), listRegions(db)]);
    const detail: UserDetail = {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      status: user.status,
      lastLoginAt: user.last_login_at,
      twoFactor: user.totp_enabled_at !== null,
      roles,
      organisations: organisations.map((o) => ({ id: o.id, name: o.name, isAdmin: o.is_admin === 1 })),
    };
    const ctx = pageContext(request, locale, { current: 'adminUsers', alternates: alternatePaths('adminUsers', String(id)) });
    const grantable = grantableFor(p, regions);
    return (
      <UserDetailPage
        ctx={ctx}
        user={detail}
        regions={regions}
        grantable={grantable}
        mayRevoke={(r) => mayGrant(p, r)}
        isAdmin={policies.manageUsers(p)}
        notice={extra.notice}
        errors={extra.errors ?? []}
        form={extra.form ?? { role: grantable.roles[0] ?? '', region: grantable.regions[0]?.code ?? '' }}
      />
    );
  };

  getPage(app, 'adminUsers', '/:id', 'inviteOfficials', async (locale, request) => {
    const done = field(request.query, 'done');
    const notice = (notices as readonly string[]).includes(done) ? usersMessages[locale][done as (typeof notices)[number]] : undefined;
    return detailView(locale, request, userId(request), { notice });
  }, idParams);

  /** After an action: 303 back to the person on success, or the page again with the problem named. */
  const answer = async (
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    result: AdminChangeResult,
    done: (typeof notices)[number],
    anchor: 'roles' | 'account',
    form?: GrantForm,
  ) => {
    const id = userId(request);
    if (result.ok) return reply.redirect(`${pagePath(locale, 'adminUsers', String(id))}?done=${done}`, 303);
    if (result.reason === 'forbidden') throw new AppError('FORBIDDEN');
    if (result.reason === 'not-found') throw new AppError('NOT_FOUND');
    const error = problemAsError(result, usersMessages[locale]);
    reply.code(result.reason === 'last-admin' || result.reason === 'already-held' ? 409 : 400);
    return detailView(locale, request, id, { errors: [error.field === 'form' ? { ...error, field: anchor } : error], ...(form ? { form } : {}) });
  };

  postPage(app, 'adminUsers', '/:id/roles', 'inviteOfficials', async (locale, request, reply) => {
    const m = usersMessages[locale];
    const form: GrantForm = { role: field(request.body, 'role'), region: field(request.body, 'region') };
    const errors: FieldError[] = [];
    const choice = readChoice(form, errors, m);
    if (!choice) {
      reply.code(400);
      return detailView(locale, request, userId(request), { errors, form });
    }
    const result = await grantRoleTo(db, requestActor(request), request.principal!, userId(request), choice, app.now());
    return answer(locale, request, reply, result, 'granted', 'roles', form);
  }, idParams);

  postPage(app, 'adminUsers', '/:id/roles/:roleId/revoke', 'inviteOfficials', async (locale, request, reply) => {
    const roleId = Number((request.params as { roleId: string }).roleId);
    const p = request.principal!;
    const result = await revokeRoleOf(db, requestActor(request), p, userId(request), roleId, app.now());
    // An officer who took away the person's last role in their region no longer sees the person: back to the list.
    if (result.ok && !mayLookAfter(p, await rolesOfUser(db, userId(request)))) {
      return reply.redirect(`${pagePath(locale, 'adminUsers')}?done=revoked`, 303);
    }
    return answer(locale, request, reply, result, 'revoked', 'roles');
  }, roleParams);

  postPage(app, 'adminUsers', '/:id/disable', 'manageUsers', async (locale, request, reply) => {
    const result = await setAccountDisabled(db, requestActor(request), request.principal!, userId(request), true, app.now());
    return answer(locale, request, reply, result, 'disabled', 'account');
  }, idParams);

  postPage(app, 'adminUsers', '/:id/enable', 'manageUsers', async (locale, request, reply) => {
    const result = await setAccountDisabled(db, requestActor(request), request.principal!, userId(request), false, app.now());
    return answer(locale, request, reply, result, 'enabled', 'account');
  }, idParams);

  postPage(app, 'adminUsers', '/:id/resend', 'inviteOfficials', async (locale, request, reply) => {
    const result = await resendInvitation(db, requestActor(request), request.principal!, userId(request), app.now(), {
      baseUrl: app.config.baseUrl,
      deliver: app.mailer.delivers,
    });
    if (result.ok) void app.outbox.dispatch();
    return answer(locale, request, reply, result, 'resent', 'account');
  }, idParams);
}

/** Reads the role and region fields; an empty region means none (the administrator role). */
function readChoice(form: { role: string; region: string }, errors: FieldError[], m: (typeof usersMessages)[Locale]): RoleChoice | null {
  if (!isRole(form.role)) {
    errors.push({ field: 'role', message: m.roleRequired });
    return null;
  }
  if (form.region !== '' && !/^[0-9]{2}$/.test(form.region)) {
    errors.push({ field: 'region', message: m.regionUnknown });
    return null;
  }
  return { role: form.role, regionCode: form.region === '' ? null : form.region };
}

function problemAsError(result: Exclude<AdminChangeResult, { ok: true }>, m: (typeof usersMessages)[Locale]): FieldError {
  switch (result.reason) {
    case 'region-required':
      return { field: 'region', message: m.regionRequired };
    case 'region-unknown':
      return { field: 'region', message: m.regionUnknown };
    case 'email-invalid':
      return { field: 'email', message: m.emailInvalid };
    case 'already-member':
      return { field: 'email', message: m.alreadyMember };
    case 'account-disabled':
      return { field: 'email', message: m.accountDisabled };
    case 'already-held':
      return { field: 'role', message: m.alreadyHeld };
    case 'last-admin':
      return { field: 'form', message: m.lastAdmin };
    case 'self':
      return { field: 'form', message: m.self };
    case 'not-invited':
      return { field: 'form', message: m.notInvited };
    case 'forbidden':
    case 'not-found':
      return { field: 'form', message: '' };
  }
}
