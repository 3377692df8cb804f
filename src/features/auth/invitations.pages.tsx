import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { setSessionCookie } from './auth.pages.js';
import { acceptInvitation, openInvitationLink } from './invitations.acceptance.js';
import { describeInvitation, invitationMessages } from './invitations.messages.js';
import { registrationMessages } from './invitations.registration.messages.js';
import { invitationSubject, type InvitationData } from './invitations.service.js';
import { formField, validateNewPassword } from './password-reset.form.js';
import { MessagePage, NewPasswordFields } from './password-reset.pages.js';

const tokenParams = { schema: { params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }) } };
const NAME_MAX = 200;

export async function invitationPages(app: FastifyInstance) {
  async function describe(data: InvitationData, locale: Locale) {
    const m = invitationMessages[locale];
    return { inviter: data.inviterName ?? m.someone, what: describeInvitation(locale, await invitationSubject(app.database.db, data, locale)) };
  }

  getPage(
    app,
    'invitation',
    '/:token',
    'public',
    async (locale, request, reply) => {
      reply.header('cache-control', 'no-store');
      const { token } = request.params as { token: string };
      const ctx = pageContext(request, locale, { alternates: alternatePaths('invitation', token) });
      const link = await openInvitationLink(app.database.db, token, app.now());
      if (!link.ok) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      const about = await describe(link.data, locale);
      return <AcceptPage ctx={ctx} token={token} email={link.user.email} name={link.user.name} about={about} self={link.data.selfRegistration === true} errors={[]} />;
    },
    tokenParams,
  );

  postPage(
    app,
    'invitation',
    '/:token',
    'public',
    async (locale, request, reply) => {
      reply.header('cache-control', 'no-store');
      const { token } = request.params as { token: string };
      const ctx = pageContext(request, locale, { alternates: alternatePaths('invitation', token) });
      const m = invitationMessages[locale];
      const link = await openInvitationLink(app.database.db, token, app.now());
      if (!link.ok) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      const name = formField(request.body, 'name').trim();
      const password = formField(request.body, 'password');
      const errors: FieldError[] = [];
      if (name === '') errors.push({ field: 'name', message: messages(locale).errors.required(m.name) });
      else if (name.length > NAME_MAX) errors.push({ field: 'name', message: messages(locale).errors.tooLong(m.name, NAME_MAX) });
      errors.push(...validateNewPassword(locale, password, formField(request.body, 'passwordConfirm'), { email: link.user.email, name }));
      if (errors.length > 0) {
        reply.code(400);
        const about = await describe(link.data, locale);
        return <AcceptPage ctx={ctx} token={token} email={link.user.email} name={name} about={about} self={link.data.selfRegistration === true} errors={errors} />;
      }
      const result = await acceptInvitation(
        app.database.db,
        link,
        { name, password },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        app.now(),
        app.config,
      );
      if (!result.ok) {
        reply.code(410);
        return <GonePage ctx={ctx} />;
      }
      setSessionCookie(reply, app.config, result.sessionToken);
      const userLocale = isLocale(link.user.locale) ? link.user.locale : locale;
      // Someone who started on their own has no organisation yet: they land on what to do next.
      const welcome = link.data.selfRegistration ? pagePath(userLocale, 'register', 'welcome') : `${pagePath(userLocale, 'account')}?welcome`;
      return reply.redirect(result.next === 'set-up-second-factor' ? pagePath(locale, 'signInSetUpSecondFactor') : welcome, 303);
    },
    tokenParams,
  );
}

function AcceptPage(props: {
  ctx: PageContext;
  token: string;
  email: string;
  name: string;
  about: { inviter: string; what: string };
  /** A link from the create-account form: it confirms the address instead of answering an invitation. */
  self: boolean;
  errors: FieldError[];
}) {
  const { ctx, errors } = props;
  const m = invitationMessages[ctx.locale];
  const r = registrationMessages[ctx.locale];
  const title = props.self ? r.acceptTitle : m.title;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${title}` : title}>
      <div class="narrow">
        <PageHeading title={title} lead={props.self ? r.acceptLead : m.lead(props.about.inviter, props.about.what)} />
        <p>{m.accountEmail(props.email)}</p>
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(ctx.locale, 'invitation', props.token)} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput
            name="name"
            label={m.name}
            hint={m.nameHint}
            value={props.name}
            error={errors.find((e) => e.field === 'name')?.message}
            autocomplete="name"
            maxLength={NAME_MAX}
          />
          <NewPasswordFields ctx={ctx} email={props.email} errors={errors} />
          <button type="submit" class="button">
            {props.self ? r.acceptSubmit : m.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function GonePage({ ctx }: { ctx: PageContext }) {
  const m = invitationMessages[ctx.locale];
  return (
    <MessagePage ctx={ctx} title={m.goneTitle} text={m.goneText}>
      <p>
        <a href={pagePath(ctx.locale, 'signIn')}>{m.goneSignIn}</a>
      </p>
      <p>
        <a href={pagePath(ctx.locale, 'register')}>{registrationMessages[ctx.locale].goneRegister}</a>
      </p>
    </MessagePage>
  );
}
