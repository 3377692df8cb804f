import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../http/errors.js';
import { AppError } from '../../http/errors.js';
import { requestActor } from '../../http/actor.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDate } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { needsSecondFactor } from '../../policies/policies.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { setSessionCookie } from './auth.pages.js';
import { completeSignIn, safeNextPath } from './auth.service.js';
import { formField } from './password-reset.form.js';
import { secondFactorMessages } from './second-factor.messages.js';
import {
  confirmEnrolment,
  disableSecondFactor,
  newTotpSecret,
  openEnrolment,
  otpauthUri,
  regenerateRecoveryCodes,
  sealEnrolment,
  unusedRecoveryCodeCount,
  verifySecondFactor,
  type VerifyResult,
} from './second-factor.service.js';
import { EnrolmentForm, qrDataUri, RecoveryCodesPage, SetUpPage, VerifyPage, type Enrolment } from './second-factor.views.js';
import { findUserById, rolesOfUser } from './users.repository.js';

/** Fewer unused recovery codes than this, and the account page suggests making new ones. */
const LOW_RECOVERY_CODES = 3;

export async function secondFactorPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function newEnrolment(userId: number, email: string, locale: Locale): Promise<Enrolment> {
    const secret = newTotpSecret();
    return {
      secret,
      sealed: sealEnrolment(app.config.secretKey, userId, secret, app.now()),
      qrDataUri: await qrDataUri(otpauthUri(secret, email, messages(locale).site.shortName)),
    };
  }

  /** The enrolment the form came with, when it is still good; a fresh one (and a message) when not. */
  async function enrolmentFromForm(request: FastifyRequest, userId: number, email: string, locale: Locale) {
    const sealed = formField(request.body, 'enrolment');
    const secret = openEnrolment(app.config.secretKey, sealed, userId, app.now());
    if (secret === null) return { enrolment: await newEnrolment(userId, email, locale), expired: true };
    return {
      enrolment: { secret, sealed, qrDataUri: await qrDataUri(otpauthUri(secret, email, messages(locale).site.shortName)) },
      expired: false,
    };
  }

  function codeErrors(locale: Locale, field: string, result: VerifyResult): FieldError[] {
    const m = secondFactorMessages[locale];
    if (result.ok) return [];
    return [{ field, message: result.reason === 'locked' ? m.locked(result.minutes) : m.invalidCode }];
  }

  function userLocale(locale: string, fallback: Locale): Locale {
    return isLocale(locale) ? locale : fallback;
  }

  /** The pending session's user; the access rule has already made sure there is one. */
  async function pendingUser(request: FastifyRequest) {
    const user = await findUserById(db(), request.session!.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return user;
  }

  async function finishSignIn(request: FastifyRequest, reply: FastifyReply, via: string): Promise<string> {
    const session = request.session!;
    const token = await completeSignIn(
      db(),
      { idHash: session.idHash, userId: session.userId, method: session.method },
      { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, via },
      app.now(),
      app.config,
    );
    setSessionCookie(reply, app.config, token);
    return token;
  }

  // Sign-in, step two: a code from the app or a recovery code.
  getPage(app, 'signInSecondFactor', '', 'second-factor-pending', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const next = safeNextPath((request.query as Record<string, unknown>).next, '');
    const user = await pendingUser(request);
    if (!user.totp_enabled_at) {
      return reply.redirect(`${pagePath(locale, 'signInSetUpSecondFactor')}${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
    }
    return <VerifyPage ctx={pageContext(request, locale, { current: 'signIn' })} errors={[]} next={next} />;
  });

  postPage(app, 'signInSecondFactor', '', 'second-factor-pending', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const m = secondFactorMessages[locale];
    const next = safeNextPath(formField(request.body, 'next'), '');
    const code = formField(request.body, 'code').trim();
    const user = await pendingUser(request);
    let errors: FieldError[];
    if (code === '') errors = [{ field: 'code', message: messages(locale).errors.required(m.code) }];
    else {
      const result = await verifySecondFactor(db(), requestActor(request), user.id, code, app.now(), app.config);
      if (result.ok) {
        await finishSignIn(request, reply, result.via);
        return reply.redirect(next || pagePath(userLocale(user.locale, locale), 'account'), 303);
      }
      errors = codeErrors(locale, 'code', result);
    }
    reply.code(400);
    return <VerifyPage ctx={pageContext(request, locale, { current: 'signIn' })} errors={errors} next={next} />;
  });

  // Sign-in for officials who have no second factor yet: they set one up before going anywhere.
  getPage(app, 'signInSetUpSecondFactor', '', 'second-factor-pending', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const next = safeNextPath((request.query as Record<string, unknown>).next, '');
    const user = await pendingUser(request);
    if (user.totp_enabled_at) {
      return reply.redirect(`${pagePath(locale, 'signInSecondFactor')}${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
    }
    const enrolment = await newEnrolment(user.id, user.email, locale);
    return <SetUpPage ctx={pageContext(request, locale, { current: 'signIn' })} enrolment={enrolment} errors={[]} next={next} />;
  });

  postPage(app, 'signInSetUpSecondFactor', '', 'second-factor-pending', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const m = secondFactorMessages[locale];
    const next = safeNextPath(formField(request.body, 'next'), '');
    const user = await pendingUser(request);
    if (user.totp_enabled_at) return reply.redirect(pagePath(locale, 'signInSecondFactor'), 303);
    const { enrolment, expired } = await enrolmentFromForm(request, user.id, user.email, locale);
    let errors: FieldError[] = [];
    if (expired) errors = [{ field: 'code', message: m.enrolmentExpired }];
    else {
      const result = await confirmEnrolment(db(), requestActor(request), { userId: user.id, secret: enrolment.secret, code: formField(request.body, 'code') }, app.now(), app.config);
      if (result.ok) {
        await finishSignIn(request, reply, 'totp-enrolment');
        const continueTo = next || pagePath(userLocale(user.locale, locale), 'account');
        // The codes are shown in this answer and never again, so this page is not a redirect.
        return <RecoveryCodesPage ctx={pageContext(request, locale)} codes={result.recoveryCodes} continueTo={continueTo} notice={m.enabled} />;
      }
      errors = [{ field: 'code', message: m.invalidCode }];
    }
    reply.code(400);
    return <SetUpPage ctx={pageContext(request, locale, { current: 'signIn' })} enrolment={enrolment} errors={errors} next={next} />;
  });

  // The account page: turn on (optional for applicants), new recovery codes, turn off where allowed.
  async function accountPage(request: FastifyRequest, locale: Locale, errors: FieldError[], notice?: string) {
    const principal = request.principal!;
    const user = await findUserById(db(), principal.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const ctx = pageContext(request, locale, { current: 'accountSecondFactor' });
    const enrolment = user.totp_enabled_at ? null : await newEnrolment(user.id, user.email, locale);
    const left = user.totp_enabled_at ? await unusedRecoveryCodeCount(db(), user.id) : 0;
    const mayDisable = !needsSecondFactor(await rolesOfUser(db(), user.id));
    return (
      <AccountSecondFactorPage ctx={ctx} enabledAt={user.totp_enabled_at} enrolment={enrolment} codesLeft={left} mayDisable={mayDisable} errors={errors} notice={notice} />
    );
  }

  getPage(app, 'accountSecondFactor', '', 'signedIn', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const query = request.query as Record<string, unknown>;
    const m = secondFactorMessages[locale];
    return accountPage(request, locale, [], query.disabled !== undefined ? m.disabled : undefined);
  });

  postPage(app, 'accountSecondFactor', '/enable', 'signedIn', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const m = secondFactorMessages[locale];
    const user = await findUserById(db(), request.principal!.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.totp_enabled_at) return reply.redirect(pagePath(locale, 'accountSecondFactor'), 303);
    const { enrolment, expired } = await enrolmentFromForm(request, user.id, user.email, locale);
    const result = expired
      ? null
      : await confirmEnrolment(db(), requestActor(request), { userId: user.id, secret: enrolment.secret, code: formField(request.body, 'code') }, app.now(), app.config);
    if (result?.ok) {
      return <RecoveryCodesPage ctx={pageContext(request, locale)} codes={result.recoveryCodes} continueTo={pagePath(locale, 'accountSecondFactor')} notice={m.enabled} />;
    }
    reply.code(400);
    const errors = [{ field: 'code', message: expired ? m.enrolmentExpired : m.invalidCode }];
    const ctx = pageContext(request, locale, { current: 'accountSecondFactor' });
    return <AccountSecondFactorPage ctx={ctx} enabledAt={null} enrolment={enrolment} codesLeft={0} mayDisable errors={errors} />;
  });

  postPage(app, 'accountSecondFactor', '/recovery-codes', 'signedIn', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const m = secondFactorMessages[locale];
    const userId = request.principal!.userId;
    const code = formField(request.body, 'regenerateCode').trim();
    const result = code === '' ? null : await verifySecondFactor(db(), requestActor(request), userId, code, app.now(), app.config);
    if (result?.ok) {
      const codes = await regenerateRecoveryCodes(db(), requestActor(request), userId, app.now());
      return <RecoveryCodesPage ctx={pageContext(request, locale)} codes={codes} continueTo={pagePath(locale, 'accountSecondFactor')} />;
    }
    reply.code(400);
    const errors = result ? codeErrors(locale, 'regenerateCode', result) : [{ field: 'regenerateCode', message: messages(locale).errors.required(m.code) }];
    return accountPage(request, locale, errors);
  });

  postPage(app, 'accountSecondFactor', '/disable', 'signedIn', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const m = secondFactorMessages[locale];
    const userId = request.principal!.userId;
    if (needsSecondFactor(request.principal!.roles)) throw new AppError('FORBIDDEN', 'The second factor is required for this role');
    const code = formField(request.body, 'disableCode').trim();
    const result = code === '' ? null : await verifySecondFactor(db(), requestActor(request), userId, code, app.now(), app.config);
    if (result?.ok) {
      await disableSecondFactor(db(), requestActor(request), userId, app.now());
      return reply.redirect(`${pagePath(locale, 'accountSecondFactor')}?disabled`, 303);
    }
    reply.code(400);
    const errors = result ? codeErrors(locale, 'disableCode', result) : [{ field: 'disableCode', message: messages(locale).errors.required(m.code) }];
    return accountPage(request, locale, errors);
  });
}

function AccountSecondFactorPage(props: {
  ctx: PageContext;
  enabledAt: string | null;
  enrolment: Enrolment | null;
  codesLeft: number;
  mayDisable: boolean;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { ctx, errors } = props;
  const { locale, t } = ctx;
  const m = secondFactorMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.accountTitle}` : m.accountTitle}>
      <div class="narrow">
        {props.notice ? (
          <div class="panel panel--success" role="status">
            <p>{props.notice}</p>
          </div>
        ) : null}
        <PageHeading title={m.accountTitle} lead={props.enabledAt ? m.statusOn(formatDate(props.enabledAt, locale)) : m.statusOff} />
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        {props.enabledAt ? (
          <>
            <p>{m.codesLeft(props.codesLeft)}</p>
            {props.codesLeft < LOW_RECOVERY_CODES ? <p class="panel">{m.codesLow}</p> : null}
            <section aria-labelledby="regenerate-heading" class="form-section">
              <h2 id="regenerate-heading">{m.regenerateTitle}</h2>
              <p>{m.regenerateLead}</p>
              <form method="post" action={pagePath(locale, 'accountSecondFactor', 'recovery-codes')} novalidate>
                <CsrfField token={ctx.csrf()} />
                <TextInput name="regenerateCode" label={m.code} value="" error={errorOf('regenerateCode')} autocomplete="one-time-code" maxLength={20} />
                <button type="submit" class="button">
                  {m.regenerate}
                </button>
              </form>
            </section>
            <section aria-labelledby="disable-heading" class="form-section">
              <h2 id="disable-heading">{m.disableTitle}</h2>
              {props.mayDisable ? (
                <>
                  <p>{m.disableLead}</p>
                  <form method="post" action={pagePath(locale, 'accountSecondFactor', 'disable')} novalidate>
                    <CsrfField token={ctx.csrf()} />
                    <TextInput name="disableCode" label={m.code} value="" error={errorOf('disableCode')} autocomplete="one-time-code" maxLength={20} />
                    <button type="submit" class="button button--secondary">
                      {m.disable}
                    </button>
                  </form>
                </>
              ) : (
                <p>{m.disableNotAllowed}</p>
              )}
            </section>
          </>
        ) : props.enrolment ? (
          <>
            <p>{m.setUpLead}</p>
            <EnrolmentForm ctx={ctx} action={pagePath(locale, 'accountSecondFactor', 'enable')} enrolment={props.enrolment} errors={errors} />
          </>
        ) : null}
      </div>
    </Layout>
  );
}
