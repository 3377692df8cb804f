import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { CsrfField, ErrorSummary, LocaleChoice, Notice, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { registrationMessages } from './invitations.registration.messages.js';
import { requestSelfRegistration } from './invitations.registration.js';
import { isPlausibleEmail } from './invitations.service.js';
import { formField } from './password-reset.form.js';
import { MessagePage } from './password-reset.pages.js';

const NAME_MAX = 200;
const EMAIL_MAX = 254;

interface RegistrationForm {
  name: string;
  email: string;
  /** As sent: a value that is not one of the languages is kept only to show the error. */
  locale: string;
}

function validate(locale: Locale, form: RegistrationForm): FieldError[] {
  const t = messages(locale);
  const r = registrationMessages[locale];
  const errors: FieldError[] = [];
  if (form.name === '') errors.push({ field: 'name', message: t.errors.required(r.name) });
  else if (form.name.length > NAME_MAX) errors.push({ field: 'name', message: t.errors.tooLong(r.name, NAME_MAX) });
  if (form.email === '') errors.push({ field: 'email', message: t.errors.required(r.email) });
  else if (form.email.length > EMAIL_MAX || !isPlausibleEmail(form.email.toLowerCase())) errors.push({ field: 'email', message: t.errors.invalidEmail });
  if (!isLocale(form.locale)) errors.push({ field: 'locale', message: r.localeInvalid });
  return errors;
}

export async function registrationPages(app: FastifyInstance) {
  getPage(app, 'register', '', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'signIn' });
    return <RegisterPage ctx={ctx} form={{ name: '', email: '', locale }} errors={[]} />;
  });

  postPage(app, 'register', '', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const form: RegistrationForm = {
      name: formField(request.body, 'name').trim(),
      email: formField(request.body, 'email').trim(),
      locale: formField(request.body, 'locale'),
    };
    const errors = validate(locale, form);
    if (errors.length > 0 || !isLocale(form.locale)) {
      reply.code(400);
      return <RegisterPage ctx={pageContext(request, locale, { current: 'signIn' })} form={form} errors={errors} />;
    }
    // The same answer whatever happened (new, known, closed or limited), so nobody can probe for accounts.
    await requestSelfRegistration(
      app.database.db,
      { email: form.email, name: form.name, locale: form.locale, ip: request.ip },
      app.now(),
      { baseUrl: app.config.baseUrl, deliver: app.mailer.delivers },
    );
    void app.outbox.dispatch();
    return reply.redirect(pagePath(locale, 'register', 'sent'), 303);
  });

  getPage(app, 'register', '/sent', 'public', async (locale, request, reply) => {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'signIn', alternates: alternatePaths('register', 'sent') });
    const r = registrationMessages[locale];
    return (
      <MessagePage ctx={ctx} title={r.sentTitle} text={r.sentText}>
        <p>{r.sentHint}</p>
        <p>
          <a href={pagePath(locale, 'signIn')}>{r.signIn}</a>
        </p>
      </MessagePage>
    );
  });

  // Where a confirmed self-registration lands: what to do next to be able to apply.
  getPage(app, 'register', '/welcome', 'signedIn', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('register', 'welcome') });
    const r = registrationMessages[locale];
    return (
      <Layout ctx={ctx} title={r.welcomeTitle}>
        <div class="narrow">
          <Notice text={r.welcome} />
          <PageHeading title={r.welcomeTitle} lead={r.nextStep} />
          <section class="card" aria-labelledby="register-organisation">
            <h2 id="register-organisation">{r.registerTitle}</h2>
            <p>{r.registerText}</p>
            <p>
              <a class="button" href={pagePath(locale, 'organisations', 'new')}>
                {r.registerLink}
              </a>
            </p>
          </section>
          <section class="card" aria-labelledby="join-organisation">
            <h2 id="join-organisation">{r.joinTitle}</h2>
            <p>{r.joinText}</p>
          </section>
          <p>
            <a href={pagePath(locale, 'organisations')}>{r.myOrganisations}</a>
          </p>
        </div>
      </Layout>
    );
  });
}

function RegisterPage({ ctx, form, errors }: { ctx: PageContext; form: RegistrationForm; errors: FieldError[] }) {
  const { t, locale } = ctx;
  const r = registrationMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const localeError = errorOf('locale');
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${r.title}` : r.title}>
      <div class="narrow">
        <PageHeading title={r.title} lead={r.lead} />
        <p class="muted">{r.officials}</p>
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'register')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput name="name" label={r.name} hint={r.nameHint} value={form.name} error={errorOf('name')} autocomplete="name" maxLength={NAME_MAX} />
          <TextInput
            name="email"
            type="email"
            label={r.email}
            hint={r.emailHint}
            value={form.email}
            error={errorOf('email')}
            autocomplete="email"
            maxLength={EMAIL_MAX}
          />
          <LocaleChoice legend={r.localeLegend} value={form.locale} error={localeError} />
          <button type="submit" class="button">
            {r.submit}
          </button>
        </form>
        <p>
          {r.haveAccount} <a href={pagePath(locale, 'signIn')}>{r.signIn}</a>
        </p>
      </div>
    </Layout>
  );
}
