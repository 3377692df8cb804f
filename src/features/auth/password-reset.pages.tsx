import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../http/errors.js';
import { requestActor } from '../../http/actor.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { messages } from '../../i18n/messages/index.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { isPlausibleEmail } from './invitations.service.js';
import { formField, validateNewPassword } from './password-reset.form.js';
import { passwordResetMessages } from './password-reset.messages.js';
import { completePasswordReset, openResetLink, requestPasswordReset } from './password-reset.service.js';

/** Tokens are 43 base64url characters; anything else is answered as a spent link without a look-up. */
const tokenParams = { schema: { params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }) } };

export async function passwordResetPages(app: FastifyInstance) {
  const mailCtx = () => ({ baseUrl: app.config.baseUrl, deliver: app.mailer.delivers });

  getPage(app, 'passwordReset', '', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    return <RequestPage ctx={pageContext(request, locale, { current: 'signIn' })} email="" errors={[]} />;
  });

  postPage(app, 'passwordReset', '', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const t = messages(locale);
    const m = passwordResetMessages[locale];
    const email = formField(request.body, 'email').trim();
    const errors: FieldError[] = [];
    if (email === '') errors.push({ field: 'email', message: t.errors.required(m.email) });
    else if (!isPlausibleEmail(email.toLowerCase())) errors.push({ field: 'email', message: t.errors.invalidEmail });
    if (errors.length > 0) {
      reply.code(400);
      return <RequestPage ctx={pageContext(request, locale, { current: 'signIn' })} email={email} errors={errors} />;
    }
    // The same answer whatever happened, so the form does not tell who has an account.
    await requestPasswordReset(app.database.db, { email, ip: request.ip }, app.now(), mailCtx());
    void app.outbox.dispatch();
    return reply.redirect(pagePath(locale, 'passwordReset', 'sent'), 303);
  });

  getPage(app, 'passwordReset', '/sent', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'signIn', alternates: alternatePaths('passwordReset', 'sent') });
    const m = passwordResetMessages[locale];
    return (
      <MessagePage ctx={ctx} title={m.sentTitle} text={m.sentText}>
        <p>{m.sentHint}</p>
        <p>
          <a href={pagePath(locale, 'signIn')}>{m.backToSignIn}</a>
        </p>
      </MessagePage>
    );
  });

  getPage(app, 'passwordReset', '/done', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'signIn', alternates: alternatePaths('passwordReset', 'done') });
    const m = passwordResetMessages[locale];
    return (
      <MessagePage ctx={ctx} title={m.doneTitle} text={m.doneText} success>
        <p>
          <a class="button" href={pagePath(locale, 'signIn')}>
            {m.signIn}
          </a>
        </p>
      </MessagePage>
    );
  });

  getPage(
    app,
    'passwordReset',
    '/:token',
    'public',
    async (locale, request, reply) => {
      reply.header('cache-control', 'no-store');
      const { token } = request.params as { token: string };
      const ctx = pageContext(request, locale, { current: 'signIn', alternates: alternatePaths('passwordReset', token) });
      const link = await openResetLink(app.database.db, token, app.now());
      if (!link.ok) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      return <NewPasswordPage ctx={ctx} token={token} email={link.user.email} errors={[]} />;
    },
    tokenParams,
  );

  postPage(
    app,
    'passwordReset',
    '/:token',
    'public',
    async (locale, request, reply) => {
      reply.header('cache-control', 'no-store');
      const { token } = request.params as { token: string };
      const ctx = pageContext(request, locale, { current: 'signIn', alternates: alternatePaths('passwordReset', token) });
      const link = await openResetLink(app.database.db, token, app.now());
      if (!link.ok) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      const password = formField(request.body, 'password');
      const errors = validateNewPassword(locale, password, formField(request.body, 'passwordConfirm'), {
        email: link.user.email,
        name: link.user.name,
      });
      if (errors.length > 0) {
        reply.code(400);
        return <NewPasswordPage ctx={ctx} token={token} email={link.user.email} errors={errors} />;
      }
      if (!(await completePasswordReset(app.database.db, requestActor(request), link, password, app.now(), mailCtx()))) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      void app.outbox.dispatch();
      return reply.redirect(pagePath(locale, 'passwordReset', 'done'), 303);
    },
    tokenParams,
  );
}

function titleOf(ctx: PageContext, title: string, errors: readonly FieldError[]) {
  return errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${title}` : title;
}

function RequestPage({ ctx, email, errors }: { ctx: PageContext; email: string; errors: FieldError[] }) {
  const m = passwordResetMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={titleOf(ctx, m.title, errors)}>
      <div class="narrow">
        <PageHeading title={m.title} lead={m.lead} />
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(ctx.locale, 'passwordReset')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput name="email" type="email" label={m.email} value={email} error={errors.find((e) => e.field === 'email')?.message} autocomplete="username" maxLength={254} />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
        <p>
          <a href={pagePath(ctx.locale, 'signIn')}>{m.backToSignIn}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The two password fields of a form that sets a new password, with one message per broken rule. */
export function NewPasswordFields({ ctx, email, errors }: { ctx: PageContext; email: string; errors: readonly FieldError[] }) {
  const m = passwordResetMessages[ctx.locale];
  const passwordErrors = errors.filter((e) => e.field === 'password').map((e) => e.message);
  return (
    <>
      {/* A username field lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <TextInput
        name="password"
        type="password"
        label={m.password}
        hint={m.passwordHint}
        value=""
        error={passwordErrors.length > 0 ? passwordErrors.join(' ') : undefined}
        autocomplete="new-password"
        maxLength={1000}
      />
      <TextInput
        name="passwordConfirm"
        type="password"
        label={m.passwordConfirm}
        value=""
        error={errors.find((e) => e.field === 'passwordConfirm')?.message}
        autocomplete="new-password"
        maxLength={1000}
      />
    </>
  );
}

function NewPasswordPage({ ctx, token, email, errors }: { ctx: PageContext; token: string; email: string; errors: FieldError[] }) {
  const m = passwordResetMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={titleOf(ctx, m.newTitle, errors)}>
      <div class="narrow">
        <PageHeading title={m.newTitle} lead={m.newLead(email)} />
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(ctx.locale, 'passwordReset', token)} novalidate>
          <CsrfField token={ctx.csrf()} />
          <NewPasswordFields ctx={ctx} email={email} errors={errors} />
          <button type="submit" class="button">
            {m.save}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function GonePage({ ctx }: { ctx: PageContext }) {
  const m = passwordResetMessages[ctx.locale];
  return (
    <MessagePage ctx={ctx} title={m.goneTitle} text={m.goneText}>
      <p>
        <a class="button" href={pagePath(ctx.locale, 'passwordReset')}>
          {m.requestNew}
        </a>
      </p>
    </MessagePage>
  );
}

export function MessagePage({ ctx, title, text, success, children }: { ctx: PageContext; title: string; text: string; success?: boolean; children?: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <PageHeading title={title} />
        <div class={success ? 'panel panel--success' : 'panel'} role={success ? 'status' : undefined}>
          <p>{text}</p>
        </div>
        {children}
      </div>
    </Layout>
  );
}
