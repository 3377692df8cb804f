import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { isAdmin, isOfficer } from '../../policies/policies.js';
import { FieldChecks, limits, postedFields } from '../strategy/strategy.admin.form.js';
import { strategyAdminMessages } from '../strategy/strategy.admin.messages.js';
import { growthSectorsAdminMessages, type GrowthSectorsAdminMessages } from './growth-sectors.admin.messages.js';
import { RegionListPage, RegionSectorsPage, SectorFormPage, type SectorForm } from './growth-sectors.admin.views.js';
import {
  createGrowthSector,
  prioritiesInForce,
  removeGrowthSector,
  updateGrowthSector,
  type GrowthSectorInput,
  type GrowthSectorProblem,
} from './growth-sectors.admin.service.js';
import { findRegionByCode, listGrowthSectors, listRegions, type Region } from './regions.repository.js';
import { RegionCodeSchema } from './regions.schema.js';

const regionParams = { schema: { params: Type.Object({ region: RegionCodeSchema }) } };
const sectorParams = { schema: { params: Type.Object({ region: RegionCodeSchema, id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } };

function readSectorForm(body: unknown): SectorForm {
  const f = postedFields(body);
  return {
    slug: f.one('slug'),
    name_fi: f.one('name_fi'),
    name_sv: f.one('name_sv'),
    name_en: f.one('name_en'),
    order: f.one('order'),
    priorities: [...new Set(f.all('priority'))],
  };
}

function validateSectorForm(form: SectorForm, locale: Locale, maxPosition: number): { ok: true; value: GrowthSectorInput } | { ok: false; errors: FieldError[] } {
  const s = strategyAdminMessages[locale];
  const g = growthSectorsAdminMessages[locale];
  const c = new FieldChecks(s);
  const slug = c.slug('slug', s.slug, form.slug);
  const name = {
    fi: c.text('name_fi', s.nameFi, form.name_fi, limits.name),
    sv: c.text('name_sv', s.nameSv, form.name_sv, limits.name),
    en: c.text('name_en', s.nameEn, form.name_en, limits.name),
  };
  const position = c.wholeNumber('order', g.order, form.order, 1, maxPosition);
  const priorityIds = form.priorities.map(Number);
  if (priorityIds.some((id) => !(Number.isInteger(id) && id > 0))) c.add('priority', g.unknownPriority);
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, value: { slug, name, position, priorityIds } };
}

function problemErrors(problems: readonly GrowthSectorProblem[], m: GrowthSectorsAdminMessages): FieldError[] {
  return problems.map((p) =>
    p.kind === 'duplicate-slug' ? { field: 'slug', message: m.duplicateSlug(p.slug) } : { field: 'priority', message: m.unknownPriority },
  );
}

/** Officers edit their own region's sectors, admins every region's. */
function mayEdit(request: FastifyRequest, regionCode: string): boolean {
  const p = request.principal;
  return isAdmin(p) || isOfficer(p, regionCode);
}

export async function growthSectorsAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function regionFor(request: FastifyRequest): Promise<Region> {
    const { region: code } = request.params as { region: string };
    const region = await findRegionByCode(db(), code);
    if (!region) throw new AppError('REGION_NOT_FOUND');
    if (!mayEdit(request, region.code)) throw new AppError('FORBIDDEN');
    return region;
  }

  getPage(app, 'adminGrowthSectors', '', 'manageStrategy', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
    const [regions, sectors] = await Promise.all([listRegions(db()), listGrowthSectors(db())]);
    reply.header('cache-control', 'no-store');
    return <RegionListPage ctx={ctx} regions={regions.filter((r) => mayEdit(request, r.code))} sectors={sectors} />;
  });

  getPage(app, 'adminGrowthSectors', '/:region', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
      const [sectors, inForce] = await Promise.all([listGrowthSectors(db(), { regionCode: region.code }), prioritiesInForce(db(), app.now())]);
      const query = request.query as Record<string, unknown>;
      const notice = (['created', 'saved', 'removed'] as const).find((k) => query[k] !== undefined) ?? null;
      reply.header('cache-control', 'no-store');
      return <RegionSectorsPage ctx={ctx} region={region} sectors={sectors} priorities={inForce.priorities} notice={notice} />;
    },
    regionParams,
  );

  getPage(app, 'adminGrowthSectors', '/:region/new', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
      const [sectors, inForce] = await Promise.all([listGrowthSectors(db(), { regionCode: region.code }), prioritiesInForce(db(), app.now())]);
      reply.header('cache-control', 'no-store');
      const form: SectorForm = { slug: '', name_fi: '', name_sv: '', name_en: '', order: String(sectors.length + 1), priorities: [] };
      return <SectorFormPage ctx={ctx} region={region} sector={null} count={sectors.length + 1} inForce={inForce} form={form} errors={[]} />;
    },
    regionParams,
  );

  postPage(app, 'adminGrowthSectors', '/:region/new', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
      const sectors = await listGrowthSectors(db(), { regionCode: region.code });
      const form = readSectorForm(request.body);
      const checked = validateSectorForm(form, locale, sectors.length + 1);
      let errors: FieldError[];
      if (checked.ok) {
        const result = await createGrowthSector(db(), requestActor(request), region.code, checked.value, app.now());
        if (result.ok) return reply.redirect(`${pagePath(locale, 'adminGrowthSectors', region.code)}?created=1`, 303);
        errors = problemErrors(result.problems, growthSectorsAdminMessages[locale]);
      } else errors = checked.errors;
      reply.code(400).header('cache-control', 'no-store');
      const inForce = await prioritiesInForce(db(), app.now());
      return <SectorFormPage ctx={ctx} region={region} sector={null} count={sectors.length + 1} inForce={inForce} form={form} errors={errors} />;
    },
    regionParams,
  );

  getPage(app, 'adminGrowthSectors', '/:region/:id', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const { id } = request.params as { id: number };
      const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
      const [sectors, inForce] = await Promise.all([listGrowthSectors(db(), { regionCode: region.code }), prioritiesInForce(db(), app.now())]);
      const index = sectors.findIndex((s) => s.id === id);
      const sector = sectors[index];
      if (!sector) throw new AppError('NOT_FOUND');
      reply.header('cache-control', 'no-store');
      const form: SectorForm = {
        slug: sector.slug,
        name_fi: sector.name.fi,
        name_sv: sector.name.sv,
        name_en: sector.name.en,
        order: String(index + 1),
        priorities: sector.priorityIds.map(String),
      };
      return <SectorFormPage ctx={ctx} region={region} sector={sector} count={sectors.length} inForce={inForce} form={form} errors={[]} />;
    },
    sectorParams,
  );

  postPage(app, 'adminGrowthSectors', '/:region/:id', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const { id } = request.params as { id: number };
      const ctx = pageContext(request, locale, { current: 'adminGrowthSectors' });
      const sectors = await listGrowthSectors(db(), { regionCode: region.code });
      const sector = sectors.find((s) => s.id === id);
      if (!sector) throw new AppError('NOT_FOUND');
      const form = readSectorForm(request.body);
      const checked = validateSectorForm(form, locale, sectors.length);
      let errors: FieldError[];
      if (checked.ok) {
        const result = await updateGrowthSector(db(), requestActor(request), region.code, id, checked.value, app.now());
        if (!result) throw new AppError('NOT_FOUND');
        if (result.ok) return reply.redirect(`${pagePath(locale, 'adminGrowthSectors', region.code)}?saved=1`, 303);
        errors = problemErrors(result.problems, growthSectorsAdminMessages[locale]);
      } else errors = checked.errors;
      reply.code(400).header('cache-control', 'no-store');
      const inForce = await prioritiesInForce(db(), app.now());
      return <SectorFormPage ctx={ctx} region={region} sector={sector} count={sectors.length} inForce={inForce} form={form} errors={errors} />;
    },
    sectorParams,
  );

  postPage(app, 'adminGrowthSectors', '/:region/:id/remove', 'manageStrategy', async (locale, request, reply) => {
      const region = await regionFor(request);
      const { id } = request.params as { id: number };
      if (!(await removeGrowthSector(db(), requestActor(request), region.code, id, app.now()))) throw new AppError('NOT_FOUND');
      return reply.redirect(`${pagePath(locale, 'adminGrowthSectors', region.code)}?removed=1`, 303);
    },
    sectorParams,
  );
}
