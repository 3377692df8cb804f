import type { FastifyInstance } from 'fastify';
import { organisationTypes } from '../../db/schema.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { endonym, isLocale, locales, type Locale } from '../../i18n/locales.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import {
  formField,
  invitationErrors,
  isEmail,
  isOrganisationType,
  organisationLimits,
  readOrganisationForm,
  validateOrganisation,
  type OrganisationForm,
} from './organisation.form.js';
import { organisationMessages } from './organisations.messages.js';
import { findOrganisation, searchOrganisations, type Organisation } from './organisations.repository.js';
import { organisationIdParam } from './organisations.pages.js';
import { createOrganisation, editOrganisation, type FirstAdmin } from './organisations.service.js';
import { Notice, SelectField, errorOf } from '../../views/components/form.js';
import { OrganisationFields, formOf } from './organisations.views.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

const SEARCH_LIMIT = 100;

interface FirstAdminForm {
  adminName: string;
  adminEmail: string;
  adminLocale: string;
}

/** The optional first administrator: both name and e-mail, or neither. */
function readFirstAdmin(body: unknown, locale: Locale, t: PageContext['t'], errors: FieldError[]): { form: FirstAdminForm; value: FirstAdmin | null } {
  const m = organisationMessages[locale];
  const form = { adminName: formField(body, 'adminName'), adminEmail: formField(body, 'adminEmail'), adminLocale: formField(body, 'adminLocale') };
  const name = form.adminName.trim().replace(/\s+/g, ' ');
  const email = form.adminEmail.trim();
  if (name === '' && email === '') return { form, value: null };
  if (name === '') errors.push({ field: 'adminName', message: m.firstAdminNameMissing });
  else if (name.length > organisationLimits.personName) errors.push({ field: 'adminName', message: t.errors.tooLong(m.firstAdminName, organisationLimits.personName) });
  if (email === '') errors.push({ field: 'adminEmail', message: m.firstAdminEmailMissing });
  else if (!isEmail(email)) errors.push({ field: 'adminEmail', message: t.errors.invalidEmail });
  return { form, value: { name, email, locale: isLocale(form.adminLocale) ? form.adminLocale : locale } };
}

export async function organisationAdminPages(app: FastifyInstance) {
  const db = app.database.db;

  getPage(app, 'adminOrganisations', '', 'manageOrganisations', async (locale, request) => {
    const query = request.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const type = typeof query.type === 'string' && isOrganisationType(query.type) ? query.type : undefined;
    const regions = await listRegions(db);
    const region = typeof query.region === 'string' && regions.some((r) => r.code === query.region) ? query.region : undefined;
    const result = await searchOrganisations(db, { query: q, orgType: type, regionCode: region, limit: SEARCH_LIMIT });
    const ctx = pageContext(request, locale, { current: 'adminOrganisations' });
    const m = organisationMessages[locale];
    return (
      <AdminLayout ctx={ctx} title={m.adminTitle} section="adminOrganisations">
        <PageHeading title={m.adminTitle} lead={m.adminLead} />
        <p>
          <a class="button button--secondary" href={pagePath(locale, 'adminOrganisations', 'new')}>
            {m.createLink}
          </a>
        </p>
        <form method="get" action={pagePath(locale, 'adminOrganisations')} role="search" aria-label={m.search}>
          <TextInput name="q" label={m.searchQuery} value={q} error={undefined} maxLength={200} />
          <SelectField
            name="type"
            label={m.orgType}
            value={type ?? ''}
            error={undefined}
            placeholder={m.anyType}
            options={organisationTypes.map((tp) => ({ value: tp, label: m.types[tp] }))}
          />
          <SelectField name="region" label={m.region} value={region ?? ''} error={undefined} placeholder={m.anyRegion} options={regions.map((r) => ({ value: r.code, label: r.name[locale] }))} />
          <button type="submit" class="button">
            {m.searchSubmit}
          </button>
        </form>
        <p role="status">{m.results(result.total)}</p>
        {result.items.length === 0 ? (
          <p>{m.noResults}</p>
        ) : (
          <ResultsTable ctx={ctx} items={result.items} regions={regions} />
        )}
      </AdminLayout>
    );
  });

  getPage(app, 'adminOrganisations', '/new', 'manageOrganisations', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'adminOrganisations', alternates: alternatePaths('adminOrganisations', 'new') });
    const empty = { businessId: '', name: '', orgType: '', regionCode: '' };
    return <CreatePage ctx={ctx} form={empty} admin={{ adminName: '', adminEmail: '', adminLocale: locale }} errors={[]} regions={await listRegions(db)} />;
  });

  postPage(app, 'adminOrganisations', '/new', 'manageOrganisations', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminOrganisations', alternates: alternatePaths('adminOrganisations', 'new') });
    const m = organisationMessages[locale];
    const regions = await listRegions(db);
    const form = readOrganisationForm(request.body);
    const valid = validateOrganisation(form, ctx.t, m, regions.map((r) => r.code));
    const errors: FieldError[] = valid.ok ? [] : [...valid.errors];
    const firstAdmin = readFirstAdmin(request.body, locale, ctx.t, errors);
    if (valid.ok && errors.length === 0) {
      const result = await createOrganisation(db, requestActor(request), valid.value, firstAdmin.value, app.now(), {
        baseUrl: app.config.baseUrl,
        deliver: app.mailer.delivers,
      });
      if (result.ok) {
        if (firstAdmin.value) void app.outbox.dispatch();
        return reply.redirect(`${pagePath(locale, 'adminOrganisations', String(result.organisation.id))}?done=created`, 303);
      }
      if (result.reason === 'duplicate') errors.push({ field: 'businessId', message: m.businessIdTakenAdmin(result.existing.name, result.existing.businessId) });
      else errors.push(...invitationErrors(result.invitation, ctx.t, m, 'adminEmail'));
    }
    reply.code(400);
    return <CreatePage ctx={ctx} form={form} admin={firstAdmin.form} errors={errors} regions={regions} />;
  });

  getPage(app, 'adminOrganisations', '/:id', 'manageOrganisations', async (locale, request) => {
    const organisation = await findOrganisation(db, organisationIdParam(request));
    if (!organisation) throw new AppError('NOT_FOUND');
    const ctx = pageContext(request, locale, { current: 'adminOrganisations', alternates: alternatePaths('adminOrganisations', String(organisation.id)) });
    const done = (request.query as Record<string, unknown>).done;
    const m = organisationMessages[locale];
    const notice = done === 'created' ? m.created : done === 'saved' ? m.saved : undefined;
    return <AdminEditPage ctx={ctx} organisation={organisation} form={formOf(organisation)} errors={[]} regions={await listRegions(db)} notice={notice} />;
  });

  postPage(app, 'adminOrganisations', '/:id', 'manageOrganisations', async (locale, request, reply) => {
    const organisation = await findOrganisation(db, organisationIdParam(request));
    if (!organisation) throw new AppError('NOT_FOUND');
    const ctx = pageContext(request, locale, { current: 'adminOrganisations', alternates: alternatePaths('adminOrganisations', String(organisation.id)) });
    const m = organisationMessages[locale];
    const regions = await listRegions(db);
    const form = readOrganisationForm(request.body);
    const valid = validateOrganisation(form, ctx.t, m, regions.map((r) => r.code));
    let errors = valid.ok ? [] : valid.errors;
    if (valid.ok) {
      const result = await editOrganisation(db, requestActor(request), organisation.id, valid.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminOrganisations', String(organisation.id))}?done=saved`, 303);
      if (result.reason === 'not-found') throw new AppError('NOT_FOUND');
      errors = [{ field: 'businessId', message: m.businessIdTakenAdmin(result.existing.name, result.existing.businessId) }];
    }
    reply.code(400);
    return <AdminEditPage ctx={ctx} organisation={organisation} form={form} errors={errors} regions={regions} />;
  });
}

function ResultsTable({ ctx, items, regions }: { ctx: PageContext; items: Organisation[]; regions: Region[] }) {
  const { locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <ScrollTable id="organisations-caption" caption={m.resultsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.name}</th>
            <th scope="col">{m.businessId}</th>
            <th scope="col">{m.orgType}</th>
            <th scope="col">{m.region}</th>
            <th scope="col">{m.membersHeading}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr>
              <th scope="row">
                <a href={pagePath(locale, 'adminOrganisations', String(o.id))}>{o.name}</a>
              </th>
              <td>{o.businessId}</td>
              <td>{m.types[o.orgType] ?? o.orgType}</td>
              <td>{regions.find((r) => r.code === o.regionCode)?.name[locale] ?? o.regionCode}</td>
              <td>
                <a href={pagePath(locale, 'organisations', String(o.id))}>
                  {m.membersLink}
                  <span class="visually-hidden">{m.forMember(o.name)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
  );
}

function CreatePage({ ctx, form, admin, errors, regions }: { ctx: PageContext; form: OrganisationForm; admin: FirstAdminForm; errors: FieldError[]; regions: Region[] }) {
  const { t, locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.createTitle}` : m.createTitle} section="adminOrganisations">
      <PageHeading title={m.createTitle} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={pagePath(locale, 'adminOrganisations', 'new')} novalidate>
        <CsrfField token={ctx.csrf()} />
        <OrganisationFields ctx={ctx} form={form} errors={errors} regions={regions} businessIdEditable />
        <fieldset>
          <legend>{m.firstAdminLegend}</legend>
          <p class="field__hint">{m.firstAdminHint}</p>
          <TextInput name="adminName" label={m.firstAdminName} value={admin.adminName} error={errorOf(errors, 'adminName')} maxLength={200} autocomplete="off" />
          <TextInput
            name="adminEmail"
            type="email"
            label={m.firstAdminEmail}
            value={admin.adminEmail}
            error={errorOf(errors, 'adminEmail')}
            maxLength={254}
            autocomplete="off"
          />
          <SelectField
            name="adminLocale"
            label={m.inviteLocale}
            value={isLocale(admin.adminLocale) ? admin.adminLocale : locale}
            error={undefined}
            options={locales.map((l) => ({ value: l, label: endonym[l] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.createSubmit}
        </button>
      </form>
    </AdminLayout>
  );
}

function AdminEditPage({
  ctx,
  organisation,
  form,
  errors,
  regions,
  notice,
}: {
  ctx: PageContext;
  organisation: Organisation;
  form: OrganisationForm;
  errors: FieldError[];
  regions: Region[];
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${organisation.name}` : organisation.name} section="adminOrganisations">
      <Notice text={notice} />
      <PageHeading title={organisation.name} />
      <p>
        <a href={pagePath(locale, 'organisations', String(organisation.id))}>{m.membersLink}</a> ·{' '}
        <a href={pagePath(locale, 'adminOrganisations')}>{m.backToList}</a>
      </p>
      <h2>{m.editTitle}</h2>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={pagePath(locale, 'adminOrganisations', String(organisation.id))} novalidate>
        <CsrfField token={ctx.csrf()} />
        <OrganisationFields ctx={ctx} form={form} errors={errors} regions={regions} businessIdEditable />
        <button type="submit" class="button">
          {m.save}
        </button>
      </form>
    </AdminLayout>
  );
}
