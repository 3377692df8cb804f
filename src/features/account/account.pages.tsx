import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRow } from '../../db/schema.js';
import { passwordLength } from '../../domain/password-policy.js';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { policies } from '../../policies/policies.js';
import type { Principal } from '../../policies/principal.js';
import { CsrfField, ErrorSummary, LocaleChoice, TextInput } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import { setSessionCookie } from '../auth/auth.pages.js';
import { authMessages } from '../auth/auth.messages.js';
import { findUserById } from '../auth/users.repository.js';
import { assignmentMessages } from '../reviews/assignments.messages.js';
import { notificationPreferencesMessages } from '../notifications/notification-preferences.messages.js';
import { accountDataPages } from './account-data.pages.js';
import { accountSessionsPages } from './account-sessions.pages.js';
import { accountMessages } from './account.messages.js';
import { organisationsOfUser, regionNames, type OrganisationOfUser } from './account.repository.js';
import { changePassword, nameMaxLength, updateProfile } from './account.service.js';
import { AccountFrame, field, passwordProblemMessage } from './account.views.js';

interface ProfileForm {
  name: string;
  locale: string;
}

/** The signed-in user's row; the access rule has already made sure there is one. */
export async function currentUser(app: FastifyInstance, request: FastifyRequest): Promise<UserRow> {
  const user = request.principal ? await findUserById(app.database.db, request.principal.userId) : undefined;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** Roles in words, the derived chair coordinator role included. */
async function describeRoles(app: FastifyInstance, principal: Principal, locale: Locale): Promise<string[]> {
  const m = accountMessages[locale];
  const names = await regionNames(app.database.db, locale);
  const region = (code: string | null) => (code ? (names.get(code) ?? code) : '');
  const words = principal.roles.map((r) =>
    r.role === 'admin' ? m.roleAdmin : r.role === 'officer' ? m.roleOfficer(region(r.regionCode)) : m.roleExpert(region(r.regionCode)),
  );
  if (principal.coordinatorOf) words.push(m.roleCoordinator(helsinkiYear(app.now()), region(principal.coordinatorOf)));
  return words;
}

export async function accountPages(app: FastifyInstance) {
  async function overview(request: FastifyRequest, locale: Locale, form: ProfileForm | null, errors: FieldError[], notice?: string) {
    const user = await currentUser(app, request);
    const principal = request.principal!;
    const ctx = pageContext(request, locale, { current: 'account' });
    return (
      <OverviewPage
        ctx={ctx}
        user={user}
        form={form ?? { name: user.name, locale: isLocale(user.locale) ? user.locale : locale }}
        errors={errors}
        notice={notice}
        roles={await describeRoles(app, principal, locale)}
        isCoordinator={principal.coordinatorOf !== null}
        organisations={await organisationsOfUser(app.database.db, user.id)}
      />
    );
  }

  getPage(app, 'account', '', 'signedIn', async (locale, request) => {
    const query = request.query as Record<string, unknown>;
    return overview(request, locale, null, [], query.saved !== undefined ? accountMessages[locale].saved : undefined);
  });

  postPage(app, 'account', '', 'signedIn', async (locale, request, reply) => {
    const m = accountMessages[locale];
    const t = pageContext(request, locale).t;
    const form: ProfileForm = { name: field(request.body, 'name').trim(), locale: field(request.body, 'locale') };
    const errors: FieldError[] = [];
    if (form.name === '') errors.push({ field: 'name', message: t.errors.required(m.name) });
    else if (form.name.length > nameMaxLength) errors.push({ field: 'name', message: t.errors.tooLong(m.name, nameMaxLength) });
    if (!isLocale(form.locale)) errors.push({ field: 'locale', message: t.errors.required(m.language) });
    if (errors.length > 0 || !isLocale(form.locale)) {
      reply.code(400);
      return overview(request, locale, form, errors);
    }
    await updateProfile(app.database.db, requestActor(request), request.principal!.userId, { name: form.name, locale: form.locale }, app.now());
    // The page follows the language just chosen.
    return reply.redirect(`${pagePath(form.locale, 'account')}?saved`, 303);
  });

  getPage(app, 'accountPassword', '', 'signedIn', async (locale, request) => {
    const user = await currentUser(app, request);
    const query = request.query as Record<string, unknown>;
    const ctx = pageContext(request, locale, { current: 'account' });
    const notice = query.changed !== undefined ? accountMessages[locale].passwordChanged : undefined;
    return <PasswordPage ctx={ctx} hasPassword={user.password_hash !== null} errors={[]} notice={notice} />;
  });

  postPage(app, 'accountPassword', '', 'signedIn', async (locale, request, reply) => {
    const m = accountMessages[locale];
    const t = pageContext(request, locale).t;
    const user = await currentUser(app, request);
    const current = field(request.body, 'currentPassword');
    const next = field(request.body, 'newPassword');
    const confirm = field(request.body, 'confirmPassword');
    const errors: FieldError[] = [];
    if (user.password_hash && current === '') errors.push({ field: 'currentPassword', message: t.errors.required(m.currentPassword) });
    if (next === '') errors.push({ field: 'newPassword', message: t.errors.required(m.newPassword) });
    else if (confirm === '') errors.push({ field: 'confirmPassword', message: t.errors.required(m.confirmPassword) });
    if (errors.length === 0 && request.session) {
      const result = await changePassword(
        app.database.db,
        requestActor(request),
        request.session,
        { current, next, confirm, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        app.now(),
        app.config,
        app.mailer.delivers,
      );
      if (result.ok) {
        void app.outbox.dispatch();
        setSessionCookie(reply, app.config, result.token);
        return reply.redirect(`${pagePath(locale, 'accountPassword')}?changed`, 303);
      }
      if (result.reason === 'locked') errors.push({ field: 'currentPassword', message: authMessages[locale].locked(result.minutes) });
      else if (result.reason === 'wrong-current') errors.push({ field: 'currentPassword', message: m.wrongCurrentPassword });
      else if (result.reason === 'mismatch') errors.push({ field: 'confirmPassword', message: m.passwordsDiffer });
      else if (result.reason === 'rules') for (const problem of result.problems) errors.push({ field: 'newPassword', message: passwordProblemMessage(m, problem) });
    }
    reply.code(400);
    const ctx = pageContext(request, locale, { current: 'account' });
    return <PasswordPage ctx={ctx} hasPassword={user.password_hash !== null} errors={errors} />;
  });

  await accountSessionsPages(app);
  await accountDataPages(app);
}

function OverviewPage(props: {
  ctx: PageContext;
  user: UserRow;
  form: ProfileForm;
  errors: FieldError[];
  notice?: string | undefined;
  roles: string[];
  isCoordinator: boolean;
  organisations: OrganisationOfUser[];
}) {
  const { ctx, user, form, errors } = props;
  const { t, locale } = ctx;
  const m = accountMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <AccountFrame ctx={ctx} title={m.title} lead={m.lead} hasErrors={errors.length > 0} notice={props.notice} back={null}>
      <section aria-labelledby="details-heading" class="form-section">
        <h2 id="details-heading">{m.detailsHeading}</h2>
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'account')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput name="name" label={m.name} value={form.name} error={errorOf('name')} autocomplete="name" maxLength={nameMaxLength} />
          <dl class="facts">
            <div>
              <dt>{m.email}</dt>
              <dd>
                {user.email}
                <p class="muted">{m.emailHint}</p>
              </dd>
            </div>
          </dl>
          <LocaleChoice legend={m.language} hint={m.languageHint} value={form.locale} error={errorOf('locale')} />
          <button type="submit" class="button">
            {m.save}
          </button>
        </form>
      </section>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{m.rolesHeading}</h2>
        {props.roles.length === 0 ? (
          <p>{m.noRoles}</p>
        ) : (
          <ul>
            {props.roles.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        )}
        {props.isCoordinator ? <p class="muted">{m.coordinatorHint}</p> : null}
        {ctx.viewer && policies.reviewApplications(ctx.viewer.principal) ? (
          <p>
            <a href={pagePath(locale, 'reviews')}>{assignmentMessages[locale].myTitle}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{m.organisationsHeading}</h2>
        {props.organisations.length === 0 ? (
          <p>{m.noOrganisations}</p>
        ) : (
          <ul class="link-list">
            {props.organisations.map((o) => (
              <li>
                <a href={pagePath(locale, 'organisations', String(o.id))}>{o.name}</a>
                {o.isAdmin ? ` (${m.organisationAdmin})` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="security-heading">
        <h2 id="security-heading">{m.securityHeading}</h2>
        <ul class="link-list">
          <li>
            <a href={pagePath(locale, 'accountPassword')}>{m.passwordLink}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'accountSecondFactor')}>{m.secondFactorLink}</a>{' '}
            <span class={user.totp_enabled_at ? 'tag tag--success' : 'tag tag--neutral'}>
              {user.totp_enabled_at ? m.secondFactorOn : m.secondFactorOff}
            </span>
          </li>
          <li>
            <a href={pagePath(locale, 'accountSessions')}>{m.sessionsLink}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'accountData')}>{m.dataLink}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'accountNotifications')}>{notificationPreferencesMessages[locale].accountLink}</a>
          </li>
        </ul>
      </section>
    </AccountFrame>
  );
}

function PasswordPage({ ctx, hasPassword, errors, notice }: { ctx: PageContext; hasPassword: boolean; errors: FieldError[]; notice?: string | undefined }) {
  const { t, locale } = ctx;
  const m = accountMessages[locale];
  const errorsOf = (name: string) => {
    const messages = errors.filter((e) => e.field === name).map((e) => e.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  return (
    <AccountFrame
      ctx={ctx}
      title={m.passwordTitle}
      lead={hasPassword ? m.passwordLead : m.setPasswordLead}
      hasErrors={errors.length > 0}
      notice={notice}
      back={m.backToAccount}
    >
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={pagePath(locale, 'accountPassword')} novalidate>
        <CsrfField token={ctx.csrf()} />
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={ctx.viewer?.principal.email ?? ''} />
        {hasPassword ? (
          <TextInput name="currentPassword" type="password" label={m.currentPassword} value="" error={errorsOf('currentPassword')} autocomplete="current-password" />
        ) : null}
        <TextInput
          name="newPassword"
          type="password"
          label={m.newPassword}
          hint={m.newPasswordHint(passwordLength.min, passwordLength.max)}
          value=""
          error={errorsOf('newPassword')}
          autocomplete="new-password"
        />
        <TextInput name="confirmPassword" type="password" label={m.confirmPassword} value="" error={errorsOf('confirmPassword')} autocomplete="new-password" />
        <button type="submit" class="button">
          {m.changePassword}
        </button>
      </form>
    </AccountFrame>
  );
}
