import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { setSessionCookie } from '../auth/auth.pages.js';
import { acceptInvitation, openInvitationLink } from '../auth/invitations.acceptance.js';
import { invitationMessages } from '../auth/invitations.messages.js';
import { formField, validateNewPassword } from '../auth/password-reset.form.js';
import { editorAccess, findApplication } from './applications.repository.js';
import { loadForEditor, notWritableMessage, type EditorContext } from './collaboration.context.js';
import { attachmentPages } from './attachments.pages.js';
import { autosaveRoutes } from './autosave.routes.js';
import { collaborationMessages } from './collaboration.messages.js';
import {
  invitationTarget,
  inviteEditor,
  listPeople,
  managedPartnerIds,
  removeEditor,
  type ApplicationInvitationData,
  type InviteEditorResult,
} from './collaboration.service.js';
import { AcceptApplicationInvitationPage, InvitationGonePage, NAME_MAX } from './views/collaboration.accept.js';
import { PeoplePage, type InviteEditorForm, type PeopleNotice } from './views/collaboration.people.js';

const idSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const applicationParams = { schema: { params: Type.Object({ id: idSchema }) } };
const tokenParams = { schema: { params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }) } };

function readInviteForm(body: unknown, fallback: Locale): InviteEditorForm {
  const locale = formField(body, 'locale');
  return {
    partnerId: formField(body, 'partnerId'),
    name: formField(body, 'name'),
    email: formField(body, 'email'),
    locale: isLocale(locale) ? locale : fallback,
  };
}

function validateInviteForm(form: InviteEditorForm, locale: Locale, manageable: readonly number[]): FieldError[] {
  const t = messages(locale);
  const m = collaborationMessages[locale];
  const errors: FieldError[] = [];
  if (!manageable.includes(Number(form.partnerId))) errors.push({ field: 'partnerId', message: m.noPartner });
  const name = form.name.trim();
  if (name === '') errors.push({ field: 'name', message: t.errors.required(m.inviteName) });
  else if (name.length > 200) errors.push({ field: 'name', message: t.errors.tooLong(m.inviteName, 200) });
  const email = form.email.trim();
  if (email === '') errors.push({ field: 'email', message: t.errors.required(m.inviteEmail) });
  else if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'email', message: t.errors.invalidEmail });
  return errors;
}

function inviteErrors(result: Extract<InviteEditorResult, { ok: false }>, locale: Locale): FieldError[] {
  const m = collaborationMessages[locale];
  switch (result.reason) {
    case 'email-invalid':
      return [{ field: 'email', message: messages(locale).errors.invalidEmail }];
    case 'already-editor':
      return [{ field: 'email', message: m.alreadyEditor }];
    case 'account-disabled':
      return [{ field: 'email', message: m.accountDisabled }];
    case 'no-partner':
      return [{ field: 'partnerId', message: m.noPartner }];
    default:
      return [{ field: 'application', message: notWritableMessage(result.reason, result.closesAt, locale, m) }];
  }
}

/** People who may edit an application, invitations to it and their acceptance; attachments; autosave. */
export async function collaborationPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function renderPeople(
    locale: Locale,
    request: FastifyRequest,
    editor: EditorContext,
    state: { notice: PeopleNotice | null; form?: InviteEditorForm; errors?: FieldError[] },
  ) {
    const ctx = pageContext(request, locale, { current: 'applications' });
    const overview = await listPeople(db(), editor.application);
    const manageable = managedPartnerIds(editor.access, editor.application);
    const form = state.form ?? { partnerId: String(manageable[0] ?? ''), name: '', email: '', locale };
    return (
      <PeoplePage
        ctx={ctx}
        application={editor.application}
        overview={overview}
        manageable={manageable}
        writable={editor.writable}
        notice={state.notice}
        form={form}
        errors={state.errors ?? []}
      />
    );
  }

  getPage(
    app,
    'applications',
    '/:id/people',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      reply.header('cache-control', 'no-store');
      const done = (request.query as Record<string, unknown>).done;
      const notice = done === 'invited' || done === 'added' || done === 'removed' ? done : null;
      return renderPeople(locale, request, editor, { notice });
    },
    applicationParams,
  );

  postPage(
    app,
    'applications',
    '/:id/people',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      const manageable = managedPartnerIds(editor.access, editor.application);
      if (manageable.length === 0) throw new AppError('FORBIDDEN');
      reply.header('cache-control', 'no-store');
      const form = readInviteForm(request.body, locale);
      let errors = validateInviteForm(form, locale, manageable);
      if (errors.length === 0) {
        const result = await inviteEditor(
          app.database.db,
          requestActor(request),
          { applicationId: editor.application.id, partnerId: Number(form.partnerId), email: form.email.trim(), name: form.name.trim(), locale: form.locale },
          app.now(),
          { baseUrl: app.config.baseUrl, deliver: app.mailer.delivers },
        );
        if (result.ok) {
          void app.outbox.dispatch();
          return reply.redirect(`${pagePath(locale, 'applications', String(editor.application.id), 'people')}?done=${result.existing ? 'added' : 'invited'}`, 303);
        }
        errors = inviteErrors(result, locale);
        if (result.reason === 'not-draft' || result.reason === 'closed') {
          reply.code(409);
          return renderPeople(locale, request, { ...editor, writable: false }, { notice: null, form, errors });
        }
      }
      reply.code(400);
      return renderPeople(locale, request, editor, { notice: null, form, errors });
    },
    applicationParams,
  );

  postPage(
    app,
    'applications',
    '/:id/people/remove',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      const partnerId = Number(formField(request.body, 'partnerId'));
      const userId = Number(formField(request.body, 'userId'));
      if (!Number.isSafeInteger(partnerId) || !Number.isSafeInteger(userId) || partnerId < 1 || userId < 1) {
        throw new AppError('VALIDATION_FAILED', 'partnerId and userId must be whole numbers');
      }
      if (!managedPartnerIds(editor.access, editor.application).includes(partnerId)) throw new AppError('FORBIDDEN');
      const removed = await removeEditor(app.database.db, requestActor(request), editor.application.id, partnerId, userId, app.now());
      if (!removed) {
        reply.code(409).header('cache-control', 'no-store');
        return renderPeople(locale, request, editor, {
          notice: null,
          errors: [{ field: 'application', message: collaborationMessages[locale].notRemoved }],
        });
      }
      // Someone who removes their own access can no longer see the page: back to their applications.
      const stillEditor = await editorAccess(db(), editor.application, request.principal!.userId);
      if (!stillEditor.whole && stillEditor.partnerIds.length === 0) return reply.redirect(pagePath(locale, 'applications'), 303);
      return reply.redirect(`${pagePath(locale, 'applications', String(editor.application.id), 'people')}?done=removed`, 303);
    },
    applicationParams,
  );

  // The link of an e-mailed invitation to an application: the new account's name and password, then the application.
  async function about(data: ApplicationInvitationData, locale: Locale) {
    const target = await invitationTarget(db(), data);
    return target && { inviter: data.inviterName ?? collaborationMessages[locale].someone, title: target.title, organisation: target.organisation, target };
  }

  /** The invitation behind the link with what it invites to, or the "link no longer valid" page (410). */
  async function openLink(locale: Locale, request: FastifyRequest, reply: FastifyReply) {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const { token } = request.params as { token: string };
    const ctx = pageContext(request, locale, { alternates: alternatePaths('applications', 'invitation', token) });
    const link = await openInvitationLink(app.database.db, token, app.now());
    const described = link.ok ? await about(link.data, locale) : undefined;
    if (!link.ok || !described) {
      reply.code(410);
      return { ok: false as const, page: <InvitationGonePage ctx={ctx} /> };
    }
    return { ok: true as const, ctx, token, link, described };
  }

  getPage(
    app,
    'applications',
    '/invitation/:token',
    'public',
    async (locale, request, reply) => {
      const opened = await openLink(locale, request, reply);
      if (!opened.ok) return opened.page;
      const { ctx, token, link, described } = opened;
      return <AcceptApplicationInvitationPage ctx={ctx} token={token} email={link.user.email} name={link.user.name} about={described} errors={[]} />;
    },
    tokenParams,
  );

  postPage(
    app,
    'applications',
    '/invitation/:token',
    'public',
    async (locale, request, reply) => {
      const opened = await openLink(locale, request, reply);
      if (!opened.ok) return opened.page;
      const { ctx, token, link, described } = opened;
      const m = invitationMessages[locale];
      const name = formField(request.body, 'name').trim();
      const password = formField(request.body, 'password');
      const errors: FieldError[] = [];
      if (name === '') errors.push({ field: 'name', message: messages(locale).errors.required(m.name) });
      else if (name.length > NAME_MAX) errors.push({ field: 'name', message: messages(locale).errors.tooLong(m.name, NAME_MAX) });
      errors.push(...validateNewPassword(locale, password, formField(request.body, 'passwordConfirm'), { email: link.user.email, name }));
      if (errors.length > 0) {
        reply.code(400);
        return <AcceptApplicationInvitationPage ctx={ctx} token={token} email={link.user.email} name={name} about={described} errors={errors} />;
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
        return <InvitationGonePage ctx={ctx} />;
      }
      setSessionCookie(reply, app.config, result.sessionToken);
      if (result.next === 'set-up-second-factor') return reply.redirect(pagePath(locale, 'signInSetUpSecondFactor'), 303);
      const userLocale = isLocale(link.user.locale) ? link.user.locale : locale;
      const { target } = described;
      // The right may have been taken away while the link waited: then the account page welcomes them.
      const application = await findApplication(db(), target.applicationId);
      const access = application ? await editorAccess(db(), application, link.user.id) : { whole: false, partnerIds: [] };
      const destination =
        access.whole || access.partnerIds.length > 0 ? pagePath(userLocale, 'applications', String(target.applicationId)) : `${pagePath(userLocale, 'account')}?welcome`;
      return reply.redirect(destination, 303);
    },
    tokenParams,
  );

  await attachmentPages(app);
  await autosaveRoutes(app);
}
