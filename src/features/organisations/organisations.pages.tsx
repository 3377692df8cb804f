import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { policies } from '../../policies/policies.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import { CsrfField, ErrorSummary, Notice } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import {
  emptyInvite,
  formField,
  invitationErrors,
  readInviteForm,
  readOrganisationForm,
  validateInvite,
  validateOrganisation,
  type InviteForm,
  type OrganisationForm,
} from './organisation.form.js';
import { organisationMessages } from './organisations.messages.js';
import { findOrganisation, listMembers, organisationsOfUser, type Organisation } from './organisations.repository.js';
import { changeMember, editOrganisation, inviteMember, registerOrganisation } from './organisations.service.js';
import { OrganisationFacts, OrganisationFields, formOf } from './organisations.views.js';
import { MembersSection } from './organisation-members.views.js';

const emptyForm: OrganisationForm = { businessId: '', name: '', orgType: '', regionCode: '' };
const notices = ['registered', 'saved', 'removed', 'granted', 'revoked', 'invited'] as const;
type NoticeKey = (typeof notices)[number];

/** An id from the address; anything that is not a plain positive number is simply not found. */
export function organisationIdParam(request: FastifyRequest): number {
  const raw = (request.params as Record<string, string | undefined>).id ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('NOT_FOUND');
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new AppError('NOT_FOUND');
  return id;
}

function noticeKey(request: FastifyRequest): NoticeKey | undefined {
  const done = (request.query as Record<string, unknown>).done;
  return notices.find((n) => n === done);
}

export async function organisationPages(app: FastifyInstance) {
  const db = app.database.db;

  /** The organisation of the address when it exists (else 404) and this user may see it (else 403). */
  async function viewable(request: FastifyRequest): Promise<Organisation> {
    const organisation = await findOrganisation(db, organisationIdParam(request));
    if (!organisation) throw new AppError('NOT_FOUND');
    if (!policies.viewOrganisation(request.principal, organisation.id)) throw new AppError('FORBIDDEN');
    return organisation;
  }

  async function manageable(request: FastifyRequest): Promise<Organisation> {
    const organisation = await viewable(request);
    if (!policies.manageOrganisationMembers(request.principal, organisation.id)) throw new AppError('FORBIDDEN');
    return organisation;
  }

  async function renderDetails(
    request: FastifyRequest,
    locale: PageContext['locale'],
    organisation: Organisation,
    invite: { form: InviteForm; errors: FieldError[] },
    notice?: NoticeKey,
  ) {
    const [members, regions] = await Promise.all([listMembers(db, organisation.id), listRegions(db)]);
    const ctx = pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('organisations', String(organisation.id)) });
    const m = organisationMessages[locale];
    const canManage = policies.manageOrganisationMembers(request.principal, organisation.id);
    const noticeText = notice === 'removed' ? m.memberRemoved : notice === 'granted' ? m.adminGranted : notice === 'revoked' ? m.adminRevoked : notice ? m[notice] : undefined;
    return (
      <Layout ctx={ctx} title={invite.errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${organisation.name}` : organisation.name}>
        <Notice text={noticeText} />
        <PageHeading title={organisation.name} />
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={invite.errors} />
        <OrganisationSummary ctx={ctx} organisation={organisation} regions={regions} canEdit={canManage} />
        <MembersSection ctx={ctx} organisation={organisation} members={members} canManage={canManage} viewerId={request.principal!.userId} invite={invite} />
      </Layout>
    );
  }

  getPage(app, 'organisations', '', 'signedIn', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'organisations' });
    const m = organisationMessages[locale];
    const mine = await organisationsOfUser(db, request.principal!.userId);
    return (
      <Layout ctx={ctx} title={m.myTitle}>
        <PageHeading title={m.myTitle} lead={m.myLead} />
        {mine.length === 0 ? (
          <p>{m.none}</p>
        ) : (
          <ul class="link-list">
            {mine.map((o) => (
              <li>
                <a href={pagePath(locale, 'organisations', String(o.id))}>{o.name}</a> <span class="muted">({o.businessId}{o.memberIsAdmin ? `, ${m.roleAdmin.toLowerCase()}` : ''})</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a class="button button--secondary" href={pagePath(locale, 'organisations', 'new')}>
            {m.registerLink}
          </a>
        </p>
      </Layout>
    );
  });

  getPage(app, 'organisations', '/new', 'createOrganisation', async (locale, request) => {
    const regions = await listRegions(db);
    return <RegisterPage ctx={pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('organisations', 'new') })} form={emptyForm} errors={[]} regions={regions} />;
  });

  postPage(app, 'organisations', '/new', 'createOrganisation', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('organisations', 'new') });
    const m = organisationMessages[locale];
    const regions = await listRegions(db);
    const form = readOrganisationForm(request.body);
    const valid = validateOrganisation(form, ctx.t, m, regions.map((r) => r.code));
    let errors = valid.ok ? [] : valid.errors;
    if (valid.ok) {
      const actor = { ...requestActor(request), userId: request.principal!.userId };
      const result = await registerOrganisation(db, actor, valid.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'organisations', String(result.organisation.id))}?done=registered`, 303);
      errors = [{ field: 'businessId', message: m.businessIdTaken(result.existing.name, result.existing.businessId) }];
    }
    reply.code(400);
    return <RegisterPage ctx={ctx} form={form} errors={errors} regions={regions} />;
  });

  getPage(app, 'organisations', '/:id', 'signedIn', async (locale, request) => {
    const organisation = await viewable(request);
    return renderDetails(request, locale, organisation, { form: emptyInvite(locale), errors: [] }, noticeKey(request));
  });

  getPage(app, 'organisations', '/:id/edit', 'signedIn', async (locale, request) => {
    const organisation = await manageable(request);
    const regions = await listRegions(db);
    const ctx = pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('organisations', String(organisation.id), 'edit') });
    return <EditPage ctx={ctx} organisation={organisation} form={formOf(organisation)} errors={[]} regions={regions} />;
  });

  postPage(app, 'organisations', '/:id/edit', 'signedIn', async (locale, request, reply) => {
    const organisation = await manageable(request);
    const ctx = pageContext(request, locale, { current: 'organisations', alternates: alternatePaths('organisations', String(organisation.id), 'edit') });
    const m = organisationMessages[locale];
    const regions = await listRegions(db);
    // The business ID is the organisation's identity: here it is never taken from the form.
    const form = { ...readOrganisationForm(request.body), businessId: organisation.businessId };
    const valid = validateOrganisation(form, ctx.t, m, regions.map((r) => r.code), false);
    if (valid.ok) {
      const { businessId: _ignored, ...details } = valid.value;
      const result = await editOrganisation(db, requestActor(request), organisation.id, details, app.now());
      if (!result.ok) throw new AppError('NOT_FOUND');
      return reply.redirect(`${pagePath(locale, 'organisations', String(organisation.id))}?done=saved`, 303);
    }
    reply.code(400);
    return <EditPage ctx={ctx} organisation={organisation} form={form} errors={valid.errors} regions={regions} />;
  });

  postPage(app, 'organisations', '/:id/members', 'signedIn', async (locale, request, reply) => {
    const organisation = await manageable(request);
    const userIdRaw = formField(request.body, 'userId');
    const action = formField(request.body, 'action');
    if (!/^[1-9]\d{0,9}$/.test(userIdRaw)) throw new AppError('NOT_FOUND');
    const userId = Number(userIdRaw);
    const change =
      action === 'remove' ? ({ kind: 'remove' } as const)
      : action === 'make-admin' ? ({ kind: 'set-admin', isAdmin: true } as const)
      : action === 'unmake-admin' ? ({ kind: 'set-admin', isAdmin: false } as const)
      : null;
    if (!change) throw new AppError('BAD_REQUEST');
    const result = await changeMember(db, requestActor(request), organisation.id, userId, change, app.now());
    if (!result.ok && result.reason === 'not-member') throw new AppError('NOT_FOUND');
    if (!result.ok) {
      reply.code(409);
      const m = organisationMessages[locale];
      return renderDetails(request, locale, organisation, { form: emptyInvite(locale), errors: [{ field: `member-${userId}`, message: m.lastAdmin }] });
    }
    // Administrators who remove themselves can no longer see the organisation: back to their own list.
    if (userId === request.principal!.userId && change.kind === 'remove') return reply.redirect(pagePath(locale, 'organisations'), 303);
    const done = change.kind === 'remove' ? 'removed' : change.isAdmin ? 'granted' : 'revoked';
    return reply.redirect(`${pagePath(locale, 'organisations', String(organisation.id))}?done=${done}`, 303);
  });

  postPage(app, 'organisations', '/:id/invite', 'signedIn', async (locale, request, reply) => {
    const organisation = await manageable(request);
    const ctx = pageContext(request, locale);
    const m = organisationMessages[locale];
    const form = readInviteForm(request.body, locale);
    const valid = validateInvite(form, ctx.t, m);
    let errors = valid.ok ? [] : valid.errors;
    if (valid.ok) {
      const result = await inviteMember(db, requestActor(request), organisation.id, valid.value, app.now(), {
        baseUrl: app.config.baseUrl,
        deliver: app.mailer.delivers,
      });
      if (result.ok) {
        void app.outbox.dispatch();
        return reply.redirect(`${pagePath(locale, 'organisations', String(organisation.id))}?done=invited`, 303);
      }
      errors = invitationErrors(result.reason, ctx.t, m);
    }
    reply.code(400);
    return renderDetails(request, locale, organisation, { form, errors });
  });
}

function OrganisationSummary({ ctx, organisation, regions, canEdit }: { ctx: PageContext; organisation: Organisation; regions: Region[]; canEdit: boolean }) {
  const m = organisationMessages[ctx.locale];
  return (
    <section aria-labelledby="organisation-details">
      <h2 id="organisation-details">{m.detailsHeading}</h2>
      <OrganisationFacts ctx={ctx} organisation={organisation} regions={regions} />
      {canEdit ? (
        <p>
          <a href={pagePath(ctx.locale, 'organisations', String(organisation.id), 'edit')}>{m.editLink}</a>
        </p>
      ) : null}
    </section>
  );
}

function RegisterPage({ ctx, form, errors, regions }: { ctx: PageContext; form: OrganisationForm; errors: FieldError[]; regions: Region[] }) {
  const { t, locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.registerTitle}` : m.registerTitle}>
      <div class="narrow">
        <PageHeading title={m.registerTitle} lead={m.registerLead} />
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'organisations', 'new')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <OrganisationFields ctx={ctx} form={form} errors={errors} regions={regions} businessIdEditable />
          <button type="submit" class="button">
            {m.registerSubmit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function EditPage({
  ctx,
  organisation,
  form,
  errors,
  regions,
}: {
  ctx: PageContext;
  organisation: Organisation;
  form: OrganisationForm;
  errors: FieldError[];
  regions: Region[];
}) {
  const { t, locale } = ctx;
  const m = organisationMessages[locale];
  const back = pagePath(locale, 'organisations', String(organisation.id));
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.editTitle}` : m.editTitle}>
      <div class="narrow">
        <PageHeading title={m.editTitle} lead={organisation.name} />
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'organisations', String(organisation.id), 'edit')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <OrganisationFields ctx={ctx} form={form} errors={errors} regions={regions} businessIdEditable={false} />
          <button type="submit" class="button">
            {m.save}
          </button>{' '}
          <a href={back}>{m.cancel}</a>
        </form>
      </div>
    </Layout>
  );
}

