import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { isOrganisationType, businessIdError } from '../organisations/organisation.form.js';
import { organisationMessages } from '../organisations/organisations.messages.js';
import { organisationsOfUser } from '../organisations/organisations.repository.js';
import { findCall, phaseOf } from '../calls/calls.repository.js';
import { parseBusinessId } from '../../domain/business-id.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { fieldId } from '../../views/components/form.js';
import {
  generalFormOf,
  parseVersion,
  partnerFormOf,
  readGeneralForm,
  readPartnerForm,
  validateGeneralForm,
  validatePartnerForm,
  editorLimits,
  type GeneralForm,
} from './applications.form.js';
import { applicationsMessages, clockTime } from './applications.messages.js';
import { generalChoices, generalValuesOf, listEditableApplications, loadEditor, saveGeneralPart, startDraft, userNames } from './applications.service.js';
import { addPartner, partnerValuesOf, removePartner, savePartnerPart, type AddPartnerInput } from './partners.service.js';
import type { EditorData, EditorPlace } from './views/editor-frame.js';
import { GeneralPage, generalValueItems } from './views/general.js';
import { OverviewPage } from './views/overview.js';
import { PartnerPage, partnerValueItems } from './views/partner-part.js';
import { PartnersPage, RemovePartnerPage, emptyAddPartnerForm, type AddPartnerForm } from './views/partners.js';
import { RefusedPage } from './views/refused.js';
import { MyApplicationsPage, NewApplicationPage, NotOpenPage } from './views/start.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const idParams = { schema: { params: Type.Object({ id: Id }) } };
const partnerParams = { schema: { params: Type.Object({ id: Id, partnerId: Id }) } };

/** One string field of a posted form or a query, whatever shape it came in. */
function field(source: unknown, name: string): string {
  const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

const positiveId = (text: string) => (/^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : null);

/**
 * The applicant's workspace: my applications, starting a draft, the overview with its checklist and
 * figures, the general part, the partners and each partner's part. Every page checks the viewer's
 * rights on the application (editorAccess): the lead organisation's members edit everything, a
 * partner's members and invited people that partner's part.
 */
export async function applicationsPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function editor(request: FastifyRequest, locale: Locale): Promise<EditorData> {
    const { id } = request.params as { id: number };
    const state = await loadEditor(db(), id, request.principal!.userId, app.now());
    if (!state) throw new AppError('APPLICATION_NOT_FOUND');
    if (!state.access.whole && state.access.partnerIds.length === 0) throw new AppError('FORBIDDEN');
    return { ...state, ctx: pageContext(request, locale, { current: 'applications' }) };
  }

  async function wholeEditor(request: FastifyRequest, locale: Locale): Promise<EditorData> {
    const data = await editor(request, locale);
    if (!data.access.whole) throw new AppError('FORBIDDEN');
    return data;
  }

  async function partnerEditor(request: FastifyRequest, locale: Locale) {
    const data = await editor(request, locale);
    const { partnerId } = request.params as { partnerId: number };
    const partner = data.app.partners.find((p) => p.id === partnerId);
    if (!data.access.whole && !data.access.partnerIds.includes(partnerId)) throw new AppError('FORBIDDEN');
    if (!partner) throw new AppError('NOT_FOUND');
    return { data, partner };
  }

  /** "Saved at 10.02" when the address says the part was just saved at its current version. */
  function savedNotice(request: FastifyRequest, locale: Locale, version: number, at: string): string | null {
    return field(request.query, 'saved') === String(version) ? applicationsMessages[locale].saved(clockTime(at, locale)) : null;
  }

  function refused(reply: FastifyReply, data: EditorData, place: EditorPlace, typed: ReadonlyArray<{ label: string; value: string }>) {
    reply.code(409);
    return <RefusedPage data={data} place={place} typed={typed} />;
  }

  getPage(app, 'applications', '', 'applyForFunding', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'applications' });
    const items = await listEditableApplications(db(), request.principal!.userId);
    const now = app.now();
    return <MyApplicationsPage ctx={ctx} items={items} phaseOf={(item) => phaseOf(item.call, now)} />;
  });

  async function renderNew(request: FastifyRequest, reply: FastifyReply, locale: Locale, callText: string, chosen: string, errors: FieldError[]) {
    const ctx = pageContext(request, locale, { current: 'applications' });
    const callId = positiveId(callText);
    if (callId === null) return <NotOpenPage ctx={ctx} call={null} phase={null} />;
    const call = await findCall(db(), callId);
    if (!call) throw new AppError('CALL_NOT_FOUND');
    const phase = phaseOf(call, app.now());
    if (phase !== 'open') {
      reply.code(409);
      return <NotOpenPage ctx={ctx} call={call} phase={phase} />;
    }
    if (errors.length > 0) reply.code(400);
    const organisations = await organisationsOfUser(db(), request.principal!.userId);
    return <NewApplicationPage ctx={ctx} call={call} organisations={organisations} chosen={chosen} errors={errors} />;
  }

  getPage(app, 'applications', '/new', 'applyForFunding', async (locale, request, reply) =>
    renderNew(request, reply, locale, field(request.query, 'call'), '', []),
  );

  postPage(app, 'applications', '/new', 'applyForFunding', async (locale, request, reply) => {
    const m = applicationsMessages[locale];
    const callText = field(request.body, 'call');
    const chosen = field(request.body, 'organisation');
    const callId = positiveId(callText);
    const organisationId = positiveId(chosen);
    if (callId !== null && organisationId !== null) {
      const actor = { ...requestActor(request), userId: request.principal!.userId };
      const result = await startDraft(db(), actor, { callId, organisationId }, app.now());
      if (result.ok) return reply.redirect(pagePath(locale, 'applications', String(result.id)), 303);
      if (result.reason !== 'not-member') return renderNew(request, reply, locale, callText, chosen, []);
    }
    return renderNew(request, reply, locale, callText, chosen, [{ field: 'organisation', message: m.chooseOrganisation }]);
  });

  getPage(app, 'applications', '/:id', 'applyForFunding', async (locale, request) => {
      const data = await editor(request, locale);
      const m = applicationsMessages[locale];
      const { app: a } = data;
      const names = await userNames(db(), [a.updatedBy, ...a.partners.map((p) => p.updatedBy)]);
      const saved = (version: number, by: number | null, at: string) => (version > 1 ? { name: by === null ? null : (names.get(by) ?? null), at } : null);
      const parts = [
        { place: 'general' as EditorPlace, label: m.navGeneral, savedBy: saved(a.version, a.updatedBy, a.updatedAt) },
        ...a.partners.map((p) => ({ place: p.id as EditorPlace, label: m.navPartner(p.name), savedBy: saved(p.version, p.updatedBy, p.updatedAt) })),
      ];
      return <OverviewPage data={data} parts={parts} />;
    },
    idParams,
  );

  // ---------- The general part ----------

  async function renderGeneral(
    reply: FastifyReply,
    data: EditorData,
    form: GeneralForm,
    options: { errors?: FieldError[]; saved?: string | null; rows?: number; conflict?: GeneralPageConflict | null; status?: number },
  ) {
    const { priorities, sectors } = await generalChoices(db(), data, data.ctx.locale);
    if (options.status) reply.code(options.status);
    const rows = Math.min(editorLimits.indicatorRows, Math.max(options.rows ?? 0, form.indicators.length + (options.status ? 0 : editorLimits.emptyIndicatorRows), 1));
    return (
      <GeneralPage
        data={data}
        form={form}
        errors={options.errors ?? []}
        priorities={priorities}
        sectors={sectors}
        rows={rows}
        saved={options.saved ?? null}
        conflict={options.conflict ?? null}
      />
    );
  }
  type GeneralPageConflict = { other: GeneralForm; savedBy: { userId: number | null; name: string | null; at: string } };

  const questionIdsOf = (data: EditorData) => data.call.questions.filter((q) => q.kind !== 'file').map((q) => q.id);

  getPage(app, 'applications', '/:id/general', 'applyForFunding', async (locale, request, reply) => {
      const data = await wholeEditor(request, locale);
      const form = generalFormOf(generalValuesOf(data.app), data.app.version, questionIdsOf(data));
      const rows = positiveId(field(request.query, 'rows')) ?? 0;
      return renderGeneral(reply, data, form, { saved: savedNotice(request, locale, data.app.version, data.app.updatedAt), rows });
    },
    idParams,
  );

  postPage(app, 'applications', '/:id/general', 'applyForFunding', async (locale, request, reply) => {
      const data = await wholeEditor(request, locale);
      const m = applicationsMessages[locale];
      const form = readGeneralForm(request.body);
      const { priorities, sectors, context } = await generalChoices(db(), data, locale);
      const typed = () => generalValueItems({ data, form, priorities, sectors });
      if (data.refusal) return refused(reply, data, 'general', typed());
      const version = parseVersion(form.version);
      const checked = validateGeneralForm(form, locale, context);
      const extraRow = form.addIndicator ? 1 : 0;
      if (version === null || !checked.ok) {
        const errors = [...(version === null ? [{ field: 'version', message: m.reloadForm }] : []), ...(checked.ok ? [] : checked.errors)];
        return renderGeneral(reply, data, form, { errors, status: 400, rows: form.indicators.length + extraRow });
      }
      const result = await saveGeneralPart(db(), requestActor(request), data.app.id, version, checked.value, app.now());
      if (result.ok) {
        const filled = checked.value.indicators.length;
        const more = form.addIndicator ? `&rows=${filled + editorLimits.emptyIndicatorRows + 1}#${fieldId(`indicator.${filled}.name`)}` : '';
        return reply.redirect(`${pagePath(locale, 'applications', String(data.app.id), 'general')}?saved=${result.version}${more}`, 303);
      }
      if ('refused' in result) return refused(reply, { ...data, refusal: result.refused }, 'general', typed());
      const { conflict } = result;
      const other = generalFormOf(conflict.current, conflict.version, questionIdsOf(data));
      return renderGeneral(reply, data, { ...form, version: String(conflict.version) }, {
        status: 409,
        rows: Math.max(form.indicators.length, other.indicators.length) + extraRow,
        conflict: { other, savedBy: conflict.savedBy },
      });
    },
    idParams,
  );

  // ---------- Partners ----------

  function readAddPartner(body: unknown): AddPartnerForm {
    return {
      businessId: field(body, 'business_id'),
      regionCode: field(body, 'region'),
      name: field(body, 'name'),
      orgType: field(body, 'org_type'),
      homeRegion: field(body, 'home_region'),
    };
  }

  function checkAddPartner(form: AddPartnerForm, data: EditorData): { ok: true; value: AddPartnerInput } | { ok: false; errors: FieldError[] } {
    const { locale } = data.ctx;
    const m = applicationsMessages[locale];
    const errors: FieldError[] = [];
    const codes = data.regions.map((r) => r.code);
    const parsed = parseBusinessId(form.businessId.slice(0, 20));
    if (!parsed.ok) errors.push({ field: 'business_id', message: businessIdError(form.businessId.slice(0, 20), organisationMessages[locale])! });
    if (form.regionCode !== '' && !codes.includes(form.regionCode)) errors.push({ field: 'region', message: m.regionInvalid });
    const name = form.name.trim().replace(/\s+/g, ' ');
    const wantsNew = name !== '' || form.orgType !== '' || form.homeRegion !== '';
    if (wantsNew) {
      if (name === '') errors.push({ field: 'name', message: data.ctx.t.errors.required(m.organisationName) });
      else if (name.length > 200) errors.push({ field: 'name', message: data.ctx.t.errors.tooLong(m.organisationName, 200) });
      if (!isOrganisationType(form.orgType)) errors.push({ field: 'org_type', message: m.orgTypeInvalid });
      if (!codes.includes(form.homeRegion)) errors.push({ field: 'home_region', message: m.regionInvalid });
    }
    if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
    return {
      ok: true,
      value: {
        businessId: parsed.value,
        regionCode: form.regionCode === '' ? null : form.regionCode,
        newOrganisation: wantsNew && isOrganisationType(form.orgType) ? { name, orgType: form.orgType, regionCode: form.homeRegion } : null,
      },
    };
  }

  getPage(app, 'applications', '/:id/partners', 'applyForFunding', async (locale, request) => {
      const data = await wholeEditor(request, locale);
      const m = applicationsMessages[locale];
      const added = data.app.partners.find((p) => String(p.id) === field(request.query, 'added'));
      const notice = added ? m.partnerAdded(added.name) : field(request.query, 'removed') ? m.partnerRemoved : null;
      return <PartnersPage data={data} form={emptyAddPartnerForm} errors={[]} notice={notice} />;
    },
    idParams,
  );

  postPage(app, 'applications', '/:id/partners', 'applyForFunding', async (locale, request, reply) => {
      const data = await wholeEditor(request, locale);
      const m = applicationsMessages[locale];
      const form = readAddPartner(request.body);
      const typed = () => [
        { label: m.businessId, value: form.businessId },
        { label: m.organisationName, value: form.name },
      ];
      if (data.refusal) return refused(reply, data, 'partners', typed());
      const checked = checkAddPartner(form, data);
      let errors: FieldError[];
      if (checked.ok) {
        const result = await addPartner(db(), requestActor(request), data.app.id, checked.value, app.now());
        if (result.ok) return reply.redirect(`${pagePath(locale, 'applications', String(data.app.id), 'partners')}?added=${result.partnerId}`, 303);
        if ('refused' in result) return refused(reply, { ...data, refusal: result.refused }, 'partners', typed());
        errors =
          result.reason === 'already-partner'
            ? [{ field: 'business_id', message: m.alreadyPartner(result.organisation.name) }]
            : [{ field: 'name', message: m.unknownOrganisation(checked.value.businessId) }];
      } else errors = checked.errors;
      reply.code(400);
      return <PartnersPage data={data} form={form} errors={errors} notice={null} />;
    },
    idParams,
  );

  getPage(app, 'applications', '/:id/partners/:partnerId/remove', 'applyForFunding', async (locale, request) => {
      const { data, partner } = await partnerEditor(request, locale);
      if (!data.access.whole) throw new AppError('FORBIDDEN');
      return <RemovePartnerPage data={data} partner={partner} />;
    },
    partnerParams,
  );

  postPage(app, 'applications', '/:id/partners/:partnerId/remove', 'applyForFunding', async (locale, request, reply) => {
      const { data, partner } = await partnerEditor(request, locale);
      if (!data.access.whole) throw new AppError('FORBIDDEN');
      // Without the confirmation the page asks for it; nothing is removed by a stray post.
      if (field(request.body, 'confirm') !== 'yes' || partner.isLead || data.refusal) {
        if (partner.isLead) reply.code(400);
        if (data.refusal) reply.code(409);
        return <RemovePartnerPage data={data} partner={partner} />;
      }
      const result = await removePartner(db(), requestActor(request), data.app.id, partner.id, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'applications', String(data.app.id), 'partners')}?removed=1`, 303);
      if ('refused' in result) return refused(reply, { ...data, refusal: result.refused }, 'partners', []);
      throw new AppError('NOT_FOUND');
    },
    partnerParams,
  );

  // ---------- A partner's part ----------

  getPage(app, 'applications', '/:id/partners/:partnerId', 'applyForFunding', async (locale, request) => {
      const { data, partner } = await partnerEditor(request, locale);
      const form = partnerFormOf(partnerValuesOf(partner), partner.version, locale);
      const saved = savedNotice(request, locale, partner.version, partner.updatedAt);
      return <PartnerPage data={data} partner={partner} form={form} errors={[]} saved={saved} conflict={null} />;
    },
    partnerParams,
  );

  postPage(app, 'applications', '/:id/partners/:partnerId', 'applyForFunding', async (locale, request, reply) => {
      const { data, partner } = await partnerEditor(request, locale);
      const m = applicationsMessages[locale];
      const form = readPartnerForm(request.body);
      if (data.refusal) return refused(reply, data, partner.id, partnerValueItems({ data, form }));
      const version = parseVersion(form.version);
      const checked = validatePartnerForm(form, locale, data.call.costModel);
      if (version === null || !checked.ok) {
        const errors = [...(version === null ? [{ field: 'version', message: m.reloadForm }] : []), ...(checked.ok ? [] : checked.errors)];
        reply.code(400);
        return <PartnerPage data={data} partner={partner} form={form} errors={errors} saved={null} conflict={null} />;
      }
      const result = await savePartnerPart(db(), requestActor(request), data.app.id, partner.id, version, checked.value, app.now());
      if (result.ok) {
        return reply.redirect(`${pagePath(locale, 'applications', String(data.app.id), 'partners', String(partner.id))}?saved=${result.version}`, 303);
      }
      if ('refused' in result) return refused(reply, { ...data, refusal: result.refused }, partner.id, partnerValueItems({ data, form }));
      if ('reason' in result) throw new AppError('NOT_FOUND');
      const { conflict } = result;
      reply.code(409);
      return (
        <PartnerPage
          data={data}
          partner={partner}
          form={{ ...form, version: String(conflict.version) }}
          errors={[]}
          saved={null}
          conflict={{ other: partnerFormOf(conflict.current, conflict.version, locale), savedBy: conflict.savedBy }}
        />
      );
    },
    partnerParams,
  );
}
