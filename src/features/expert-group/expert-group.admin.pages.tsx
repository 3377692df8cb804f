import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { policies } from '../../policies/policies.js';
import type { Principal } from '../../policies/principal.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { findUserById } from '../auth/users.repository.js';
import { Checkbox, Notice, SelectField, errorOf } from '../../views/components/form.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { contactFormOf, readContactForm, validateContact, type ContactForm } from './expert-group.admin.form.js';
import { expertGroupAdminMessages } from './expert-group.admin.messages.js';
import { addExpertGroupMember, removeExpertGroupMember, updateExpertGroupMember } from './expert-group.admin.service.js';
import { findExpertGroupMember, listExpertGroupMembers, type ExpertGroupMember } from './expert-group.repository.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

const emptyForm = (regionCode: string): ContactForm => ({
  name: '',
  titleFi: '',
  titleSv: '',
  titleEn: '',
  organisation: '',
  email: '',
  phone: '',
  regionCode,
  sortOrder: '0',
  accountEmail: '',
  isDemo: false,
});

/**
 * The route lets in administrators, this year's coordinator and every officer; each region's members
 * are then checked against the region: an officer changes only their own region's contacts.
 */
function principalOf(request: FastifyRequest): Principal {
  const p = request.principal;
  if (!p || p.via !== 'session') throw new AppError('FORBIDDEN');
  return p;
}

const mayManage = (p: Principal, regionCode: string) => policies.manageExpertGroup(p, regionCode);

function memberIdParam(request: FastifyRequest): number {
  const raw = (request.params as Record<string, string | undefined>).id ?? '';
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new AppError('NOT_FOUND');
  return Number(raw);
}

export async function expertGroupAdminPages(app: FastifyInstance) {
  const db = app.database.db;

  /** The member of the address (404 if none) when this user may change its region (else 403). */
  async function manageableMember(request: FastifyRequest): Promise<ExpertGroupMember> {
    const member = await findExpertGroupMember(db, memberIdParam(request));
    if (!member) throw new AppError('NOT_FOUND');
    if (!mayManage(principalOf(request), member.regionCode)) throw new AppError('FORBIDDEN');
    return member;
  }

  async function accountEmailOf(userId: number | null): Promise<string | null> {
    return userId === null ? null : ((await findUserById(db, userId))?.email ?? null);
  }

  getPage(app, 'adminExpertGroup', '', 'manageExpertGroup', async (locale, request) => {
    const p = principalOf(request);
    const [members, regions] = await Promise.all([listExpertGroupMembers(db), listRegions(db)]);
    const ctx = pageContext(request, locale, { current: 'adminExpertGroup' });
    const m = expertGroupAdminMessages[locale];
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === 'added' ? m.added : done === 'saved' ? m.saved : done === 'removed' ? m.removed : undefined;
    return (
      <AdminLayout ctx={ctx} title={m.title} section="adminExpertGroup">
        <Notice text={notice} />
        <PageHeading title={m.title} lead={m.lead} />
        {regions.some((r) => mayManage(p, r.code)) ? (
          <p>
            <a class="button button--secondary" href={pagePath(locale, 'adminExpertGroup', 'new')}>
              {m.add}
            </a>
          </p>
        ) : null}
        {regions.map((region) => (
          <RegionTable ctx={ctx} region={region} members={members.filter((x) => x.regionCode === region.code)} canEdit={mayManage(p, region.code)} />
        ))}
      </AdminLayout>
    );
  });

  getPage(app, 'adminExpertGroup', '/new', 'manageExpertGroup', async (locale, request) => {
    const p = principalOf(request);
    const regions = (await listRegions(db)).filter((r) => mayManage(p, r.code));
    if (regions.length === 0) throw new AppError('FORBIDDEN');
    const ctx = pageContext(request, locale, { current: 'adminExpertGroup', alternates: alternatePaths('adminExpertGroup', 'new') });
    const only = regions.length === 1 ? regions[0]!.code : '';
    return <ContactPage ctx={ctx} form={emptyForm(only)} errors={[]} regions={regions} />;
  });

  postPage(app, 'adminExpertGroup', '/new', 'manageExpertGroup', async (locale, request, reply) => {
    const p = principalOf(request);
    const all = await listRegions(db);
    const form = readContactForm(request.body);
    // A region that exists but is not this officer's is a tampered form, not a typing error.
    if (all.some((r) => r.code === form.regionCode) && !mayManage(p, form.regionCode)) throw new AppError('FORBIDDEN');
    const regions = all.filter((r) => mayManage(p, r.code));
    const ctx = pageContext(request, locale, { current: 'adminExpertGroup', alternates: alternatePaths('adminExpertGroup', 'new') });
    const m = expertGroupAdminMessages[locale];
    const valid = validateContact(form, ctx.t, m, regions.map((r) => r.code));
    let errors = valid.ok ? [] : valid.errors;
    if (valid.ok) {
      const result = await addExpertGroupMember(db, requestActor(request), valid.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminExpertGroup')}?done=added`, 303);
      errors = [{ field: 'accountEmail', message: m.accountNotFound }];
    }
    reply.code(400);
    return <ContactPage ctx={ctx} form={form} errors={errors} regions={regions} />;
  });

  getPage(app, 'adminExpertGroup', '/:id', 'manageExpertGroup', async (locale, request) => {
    const member = await manageableMember(request);
    const p = principalOf(request);
    const regions = (await listRegions(db)).filter((r) => mayManage(p, r.code));
    const ctx = pageContext(request, locale, { current: 'adminExpertGroup', alternates: alternatePaths('adminExpertGroup', String(member.id)) });
    return <ContactPage ctx={ctx} member={member} form={contactFormOf(member, await accountEmailOf(member.userId))} errors={[]} regions={regions} />;
  });

  postPage(app, 'adminExpertGroup', '/:id', 'manageExpertGroup', async (locale, request, reply) => {
    const member = await manageableMember(request);
    const p = principalOf(request);
    const all = await listRegions(db);
    const form = readContactForm(request.body);
    if (all.some((r) => r.code === form.regionCode) && !mayManage(p, form.regionCode)) throw new AppError('FORBIDDEN');
    const regions = all.filter((r) => mayManage(p, r.code));
    const ctx = pageContext(request, locale, { current: 'adminExpertGroup', alternates: alternatePaths('adminExpertGroup', String(member.id)) });
    const m = expertGroupAdminMessages[locale];
    const valid = validateContact(form, ctx.t, m, regions.map((r) => r.code));
    let errors = valid.ok ? [] : valid.errors;
    if (valid.ok) {
      const result = await updateExpertGroupMember(db, requestActor(request), member.id, valid.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminExpertGroup')}?done=saved`, 303);
      if (result.reason === 'not-found') throw new AppError('NOT_FOUND');
      errors = [{ field: 'accountEmail', message: m.accountNotFound }];
    }
    reply.code(400);
    return <ContactPage ctx={ctx} member={member} form={form} errors={errors} regions={regions} />;
  });

  postPage(app, 'adminExpertGroup', '/:id/remove', 'manageExpertGroup', async (locale, request, reply) => {
    const member = await manageableMember(request);
    if (!(await removeExpertGroupMember(db, requestActor(request), member.id, app.now()))) throw new AppError('NOT_FOUND');
    return reply.redirect(`${pagePath(locale, 'adminExpertGroup')}?done=removed`, 303);
  });
}

function RegionTable({ ctx, region, members, canEdit }: { ctx: PageContext; region: Region; members: ExpertGroupMember[]; canEdit: boolean }) {
  const { locale } = ctx;
  const m = expertGroupAdminMessages[locale];
  return (
    <section aria-labelledby={`region-${region.code}`}>
      <h2 id={`region-${region.code}`}>{region.name[locale]}</h2>
      {members.length === 0 ? (
        <p class="muted">{m.noMembers}</p>
      ) : (
        <ScrollTable id={`caption-${region.code}`} caption={m.regionCaption(region.name[locale])}>
            <thead>
              <tr>
                <th scope="col">{m.colName}</th>
                <th scope="col">{m.colTitle}</th>
                <th scope="col">{m.colOrganisation}</th>
                <th scope="col">{m.colEmail}</th>
                {canEdit ? <th scope="col">{m.colActions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((x) => (
                <tr>
                  <th scope="row">
                    {x.name}
                    {x.isDemo ? <span class="tag tag--demo">{m.demoTag}</span> : null}
                  </th>
                  <td>{x.title[locale]}</td>
                  <td>{x.organisation}</td>
                  <td>{x.email}</td>
                  {canEdit ? (
                    <td>
                      <a href={pagePath(locale, 'adminExpertGroup', String(x.id))}>
                        {m.edit}
                        <span class="visually-hidden">{m.forMember(x.name)}</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
      )}
    </section>
  );
}

function ContactPage({ ctx, member, form, errors, regions }: { ctx: PageContext; member?: ExpertGroupMember; form: ContactForm; errors: FieldError[]; regions: Region[] }) {
  const { t, locale } = ctx;
  const m = expertGroupAdminMessages[locale];
  const title = member ? m.editTitle : m.addTitle;
  const action = member ? pagePath(locale, 'adminExpertGroup', String(member.id)) : pagePath(locale, 'adminExpertGroup', 'new');
  const e = (name: string) => errorOf(errors, name);
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminExpertGroup">
      <PageHeading title={title} lead={member?.name} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <TextInput name="name" label={m.name} value={form.name} error={e('name')} maxLength={200} autocomplete="off" />
        <fieldset>
          <legend>{m.titleLegend}</legend>
          <TextInput name="titleFi" label={m.titleFi} value={form.titleFi} error={e('titleFi')} maxLength={200} />
          <TextInput name="titleSv" label={m.titleSv} value={form.titleSv} error={e('titleSv')} maxLength={200} />
          <TextInput name="titleEn" label={m.titleEn} value={form.titleEn} error={e('titleEn')} maxLength={200} />
        </fieldset>
        <TextInput name="organisation" label={m.organisation} hint={m.organisationHint} value={form.organisation} error={e('organisation')} maxLength={200} />
        <TextInput name="email" type="email" label={m.email} value={form.email} error={e('email')} maxLength={254} autocomplete="off" />
        <TextInput name="phone" type="tel" label={m.phone} hint={m.phoneHint} value={form.phone} error={e('phone')} maxLength={30} autocomplete="off" />
        <SelectField
          name="regionCode"
          label={m.region}
          value={form.regionCode}
          error={e('regionCode')}
          placeholder={regions.length > 1 ? m.choose : undefined}
          options={regions.map((r) => ({ value: r.code, label: r.name[locale] }))}
        />
        <TextInput name="sortOrder" type="text" inputMode="numeric" label={m.sortOrder} hint={m.sortOrderHint} value={form.sortOrder} error={e('sortOrder')} maxLength={4} />
        <TextInput name="accountEmail" type="email" label={m.account} hint={m.accountHint} value={form.accountEmail} error={e('accountEmail')} maxLength={254} autocomplete="off" />
        <Checkbox name="isDemo" label={m.isDemo} hint={m.isDemoHint} checked={form.isDemo} />
        <button type="submit" class="button">
          {m.save}
        </button>{' '}
        <a href={pagePath(locale, 'adminExpertGroup')}>{m.cancel}</a>
      </form>
      {member ? (
        <section aria-labelledby="remove-member" class="form-section">
          <h2 id="remove-member">{m.remove}</h2>
          <p>{m.removeLead}</p>
          <form method="post" action={pagePath(locale, 'adminExpertGroup', String(member.id), 'remove')}>
            <CsrfField token={ctx.csrf()} />
            <button type="submit" class="button button--secondary">
              {m.remove}
            </button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
