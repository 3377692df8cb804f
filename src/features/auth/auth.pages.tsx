import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import type { FieldError } from '../../http/errors.js';
import { isLocale } from '../../i18n/locales.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { requestActor } from '../../http/actor.js';
import { pageContext } from '../../http/render.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { authMessages } from './auth.messages.js';
import { safeNextPath, signInWithPassword, signOut } from './auth.service.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session.service.js';
import { deleteSession } from './sessions.repository.js';

interface SignInForm {
  email: string;
  next: string;
}

function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
}

export async function authPages(app: FastifyInstance) {
  getPage(app, 'signIn', '', 'public', async (locale, request, reply) => {
    const query = request.query as Record<string, unknown>;
    const next = safeNextPath(query.next, '');
    if (request.principal) return reply.redirect(next || pagePath(locale, 'account'), 303);
    const ctx = pageContext(request, locale, { current: 'signIn' });
    const notice = query.signedOut !== undefined ? authMessages[locale].signedOut : undefined;
    return <SignInPage ctx={ctx} form={{ email: '', next }} errors={[]} notice={notice} oidcLabel={app.config.oidc?.label} />;
  });

  postPage(app, 'signIn', '', 'public', async (locale, request, reply) => {
    const m = authMessages[locale];
    const form: SignInForm = { email: field(request.body, 'email').trim(), next: safeNextPath(field(request.body, 'next'), '') };
    const password = field(request.body, 'password');
    const errors: FieldError[] = [];
    const t = pageContext(request, locale).t;
    if (form.email === '') errors.push({ field: 'email', message: t.errors.required(m.email) });
    if (password === '') errors.push({ field: 'password', message: t.errors.required(m.password) });
    if (errors.length === 0) {
      const result = await signInWithPassword(
        app.database.db,
        { email: form.email, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        app.now(),
        app.config,
      );
      if (result.ok) {
        // A session that was there before (another user's, or a half-finished sign-in) ends here.
        if (request.session) await deleteSession(app.database.db, request.session.idHash);
        setSessionCookie(reply, app.config, result.token);
        const target =
          result.next === 'second-factor'
            ? pagePath(locale, 'signInSecondFactor')
            : result.next === 'set-up-second-factor'
              ? pagePath(locale, 'signInSetUpSecondFactor')
              : form.next || pagePath(isLocale(result.user.locale) ? result.user.locale : locale, 'account');
        const withNext = result.next !== 'done' && form.next ? `${target}?next=${encodeURIComponent(form.next)}` : target;
        return reply.redirect(withNext, 303);
      }
      if (result.reason === 'locked') errors.push({ field: 'password', message: m.locked(result.minutes) });
      else if (result.reason === 'address-limited') {
        reply.code(429);
        errors.push({ field: 'email', message: m.addressLimited });
      } else errors.push({ field: 'password', message: m.invalid });
    }
    if (reply.statusCode === 200) reply.code(400);
    const ctx = pageContext(request, locale, { current: 'signIn' });
    return <SignInPage ctx={ctx} form={form} errors={errors} oidcLabel={app.config.oidc?.label} />;
  });

  postPage(app, 'signOut', '', 'public', async (locale, request, reply) => {
    if (request.session) {
      await signOut(app.database.db, request.session.idHash, requestActor(request), app.now());
    }
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app.config));
    return reply.redirect(`${pagePath(locale, 'signIn')}?signedOut`, 303);
  }, { config: { csrfExemptWhenSignedOut: true } });
}

function SignInPage({
  ctx,
  form,
  errors,
  notice,
  oidcLabel,
}: {
  ctx: PageContext;
  form: SignInForm;
  errors: FieldError[];
  notice?: string | undefined;
  oidcLabel?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = authMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.signInTitle}` : m.signInTitle}>
      <div class="narrow">
        {notice ? (
          <div class="panel panel--success" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        <PageHeading title={m.signInTitle} lead={m.signInLead} />
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'signIn')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <input type="hidden" name="next" value={form.next} />
          <TextInput name="email" type="email" label={m.email} value={form.email} error={errorOf('email')} autocomplete="username" />
          <TextInput name="password" type="password" label={m.password} value="" error={errorOf('password')} autocomplete="current-password" />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
        <p>
          <a href={pagePath(locale, 'passwordReset')}>{m.forgotPassword}</a>
        </p>
        {oidcLabel ? (
          <>
            <p class="divider-text">{m.orUse}</p>
            <p>
              <a class="button button--secondary" href={`/auth/oidc/start?lang=${locale}${form.next ? `&next=${encodeURIComponent(form.next)}` : ''}`}>
                {m.oidcButton(oidcLabel)}
              </a>
            </p>
          </>
        ) : null}
        <p>
          {m.noAccount} <a href={pagePath(locale, 'register')}>{m.createAccount}</a>
        </p>
        <p class="muted">{m.officialsInvited}</p>
      </div>
    </Layout>
  );
}
