import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../http/actor.js';
import type { FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { CsrfField, ErrorSummary, TextInput, fieldId } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session.service.js';
import { normaliseEmail } from '../auth/users.repository.js';
import { eraseAccount, erasureBlock, type ErasureBlock } from '../privacy/erasure.service.js';
import { exportPersonalData } from '../privacy/export.service.js';
import { authMessages } from '../auth/auth.messages.js';
import { accountMessages, type AccountMessages } from './account.messages.js';
import { checkOwnPassword } from './account.service.js';
import { currentUser } from './account.pages.js';
import { AccountFrame, field } from './account.views.js';

function blockMessage(m: AccountMessages, block: ErasureBlock): string {
  return block.reason === 'last-admin' ? m.eraseLastAdmin : m.eraseOnlyOrgAdmin(block.organisations.join(', '));
}

export async function accountDataPages(app: FastifyInstance) {
  getPage(app, 'accountData', '', 'signedIn', async (locale, request) => {
    const user = await currentUser(app, request);
    const ctx = pageContext(request, locale, { current: 'account' });
    // The reason is shown before anyone types a password, so nobody confirms an erasure that cannot happen.
    const block = await erasureBlock(app.database.db, user.id);
    const blocked = block ? blockMessage(accountMessages[locale], block) : undefined;
    return <DataPage ctx={ctx} hasPassword={user.password_hash !== null} email="" errors={[]} blocked={blocked} />;
  });

  // A GET, so that the browser saves the file without leaving the page; reading changes nothing
  // but the audit log, which records that the data left the service.
  getPage(app, 'accountData', '/download', 'signedIn', async (_locale, request, reply) => {
    const user = await currentUser(app, request);
    const now = app.now();
    const data = await exportPersonalData(app.database.db, user.id, now);
    await app.database.db.transaction().execute((trx) =>
      appendAudit(trx, requestActor(request), { action: 'user.data-exported', entityType: 'user', entityId: user.id }, now),
    );
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="s3-personal-data-${user.id}-${helsinkiDate(now)}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  postPage(app, 'accountData', '/erase', 'signedIn', async (locale, request, reply) => {
    const m = accountMessages[locale];
    const t = pageContext(request, locale).t;
    const user = await currentUser(app, request);
    const typedEmail = field(request.body, 'email').trim();
    const errors: FieldError[] = [];
    if (user.password_hash) {
      const password = field(request.body, 'password');
      if (password === '') errors.push({ field: 'password', message: t.errors.required(m.erasePassword) });
      else {
        const check = await checkOwnPassword(app.database.db, requestActor(request), user, password, 'erasure', app.now());
        if (!check.ok) errors.push({ field: 'password', message: check.reason === 'locked' ? authMessages[locale].locked(check.minutes) : m.eraseWrongPassword });
      }
    } else {
      if (field(request.body, 'confirm') !== 'yes') errors.push({ field: 'confirm', message: m.eraseConfirmRequired });
      if (typedEmail === '') errors.push({ field: 'email', message: t.errors.required(m.email) });
      else if (normaliseEmail(typedEmail) !== user.email) errors.push({ field: 'email', message: m.eraseEmailMismatch });
    }
    if (errors.length === 0) {
      const result = await eraseAccount(app.database.db, requestActor(request), user.id, app.now());
      if (result.ok) {
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app.config));
        return reply.redirect(pagePath(locale, 'accountData', 'erased'), 303);
      }
      if (result.reason === 'last-admin' || result.reason === 'only-organisation-admin') {
        errors.push({ field: 'erase', message: blockMessage(m, result) });
      }
    }
    reply.code(400);
    const ctx = pageContext(request, locale, { current: 'account' });
    return <DataPage ctx={ctx} hasPassword={user.password_hash !== null} email={typedEmail} errors={errors} />;
  });

  getPage(app, 'accountData', '/erased', 'public', async (locale, request, reply) => {
    const m = accountMessages[locale];
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { alternates: alternatePaths('accountData', 'erased') });
    return (
      <AccountFrame ctx={ctx} title={m.erasedTitle} back={null}>
        <p>{m.erasedText}</p>
        <p>
          <a href={pagePath(locale, 'home')}>{ctx.t.errors.goHome}</a>
        </p>
      </AccountFrame>
    );
  });

}

function DataPage({
  ctx,
  hasPassword,
  email,
  errors,
  blocked,
}: {
  ctx: PageContext;
  hasPassword: boolean;
  email: string;
  errors: FieldError[];
  blocked?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = accountMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const confirmId = fieldId('confirm');
  return (
    <AccountFrame ctx={ctx} title={m.dataTitle} lead={m.dataLead} hasErrors={errors.length > 0} back={m.backToAccount}>
      <section aria-labelledby="held-heading">
        <h2 id="held-heading">{m.dataHeldHeading}</h2>
        <ul>
          {m.dataHeld.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
        <p class="muted">{m.privacyDocHint}</p>
      </section>

      <section aria-labelledby="download-heading">
        <h2 id="download-heading">{m.downloadHeading}</h2>
        <p>{m.downloadText}</p>
        <p>
          <a class="button button--secondary" href={pagePath(locale, 'accountData', 'download')} download>
            {m.download}
          </a>
        </p>
      </section>

      <section aria-labelledby="erase-heading" class="form-section">
        <h2 id="erase-heading">{m.eraseHeading}</h2>
        <p>{m.eraseText}</p>
        <p>{m.eraseKeeps}</p>
        {blocked ? (
          <div class="notice notice--warning">
            <p>{blocked}</p>
          </div>
        ) : null}
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'accountData', 'erase')} id={fieldId('erase')} novalidate>
          <CsrfField token={ctx.csrf()} />
          {hasPassword ? (
            <TextInput
              name="password"
              type="password"
              label={m.erasePassword}
              hint={m.erasePasswordHint}
              value=""
              error={errorOf('password')}
              autocomplete="current-password"
            />
          ) : (
            <fieldset>
              <legend>{m.eraseConfirmLegend}</legend>
              <div class={errorOf('confirm') ? 'field field--error' : 'field'}>
                {errorOf('confirm') ? (
                  <p class="field__error" id={`${confirmId}-error`}>
                    {errorOf('confirm')}
                  </p>
                ) : null}
                <div class="choice-list">
                  <div class="choice">
                    <input
                      type="checkbox"
                      name="confirm"
                      value="yes"
                      id={confirmId}
                      aria-invalid={errorOf('confirm') ? 'true' : undefined}
                      aria-describedby={errorOf('confirm') ? `${confirmId}-error` : undefined}
                    />
                    <label for={confirmId}>{m.eraseConfirm}</label>
                  </div>
                </div>
              </div>
              <TextInput name="email" type="email" label={m.eraseEmail} value={email} error={errorOf('email')} autocomplete="off" />
            </fieldset>
          )}
          <button type="submit" class="button button--danger">
            {m.eraseSubmit}
          </button>
        </form>
      </section>
    </AccountFrame>
  );
}
