import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { JSX } from 'preact';
import { helsinkiDate } from '../../domain/helsinki-time.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import type { PageContext } from '../../views/page-context.js';
import { readVersionForm, validateVersionForm, type PriorityRowForm, type VersionForm } from './strategy.admin.form.js';
import { strategyAdminMessages, type StrategyAdminMessages } from './strategy.admin.messages.js';
import { VersionFormPage, VersionListPage, periodText } from './strategy.admin.views.js';
import { createStrategyVersion, updateStrategyVersion, type StrategyProblem } from './strategy.commands.js';
import { listPriorities, listStrategies, type Strategy } from './strategy.repository.js';
import { listGrowthSectors } from '../regions/regions.repository.js';

const NEW_ROWS_ON_CREATE = 4;
const NEW_ROWS_ON_EDIT = 2;
const idParams = { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } };

const blankRow = (order: number): PriorityRowForm => ({
  id: '',
  slug: '',
  name_fi: '',
  name_sv: '',
  name_en: '',
  description_fi: '',
  description_sv: '',
  description_en: '',
  order: String(order),
  remove: false,
});

function withBlankRows(rows: PriorityRowForm[], count: number): PriorityRowForm[] {
  const next = rows.length + 1;
  return [...rows, ...Array.from({ length: count }, (_, i) => blankRow(next + i))];
}

/** Turns the service's reasons into messages at the fields they concern. */
function problemErrors(problems: readonly StrategyProblem[], m: StrategyAdminMessages, ctx: PageContext, versions: readonly Strategy[]): FieldError[] {
  return problems.map((p): FieldError => {
    switch (p.kind) {
      case 'duplicate-slug':
        return { field: 'slug', message: m.duplicateSlug(p.slug) };
      case 'ends-before-start':
        return { field: 'validTo', message: m.endsBeforeStart };
      case 'overlaps': {
        const other = versions.find((v) => v.slug === p.slug);
        return { field: 'validFrom', message: m.overlaps(other?.name[ctx.locale] ?? p.slug, periodText(ctx.locale, p.validFrom, p.validTo, ctx.t)) };
      }
      case 'priority-linked':
        return { field: `${p.field}.remove`, message: m.priorityLinked(p.priority[ctx.locale], p.sectors.map((s) => s[ctx.locale]).join(', ')) };
      case 'priority-unknown':
        return { field: `${p.field}.slug`, message: m.notFound };
    }
  });
}

export async function strategyAdminPages(app: FastifyInstance) {
  getPage(app, 'adminStrategy', '', 'manageStrategy', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminStrategy' });
    const versions = await listStrategies(app.database.db);
    reply.header('cache-control', 'no-store');
    return <VersionListPage ctx={ctx} versions={versions} today={helsinkiDate(app.now())} />;
  });

  getPage(app, 'adminStrategy', '/new', 'manageStrategy', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminStrategy' });
    reply.header('cache-control', 'no-store');
    const form: VersionForm = {
      slug: '',
      name_fi: '',
      name_sv: '',
      name_en: '',
      summary_fi: '',
      summary_sv: '',
      summary_en: '',
      validFrom: '',
      validTo: '',
      priorities: withBlankRows([], NEW_ROWS_ON_CREATE),
    };
    return <VersionFormPage ctx={ctx} form={form} errors={[]} mode={{ kind: 'new' }} />;
  });

  postPage(app, 'adminStrategy', '/new', 'manageStrategy', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminStrategy' });
    const m = strategyAdminMessages[locale];
    const form = readVersionForm(request.body);
    const checked = validateVersionForm(form, m);
    let errors: FieldError[];
    if (checked.ok) {
      const result = await createStrategyVersion(app.database.db, requestActor(request), checked.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminStrategy', String(result.id))}?created=1`, 303);
      errors = problemErrors(result.problems, m, ctx, await listStrategies(app.database.db));
    } else errors = checked.errors;
    return rerender(reply, <VersionFormPage ctx={ctx} form={form} errors={errors} mode={{ kind: 'new' }} />);
  });

  getPage(app, 'adminStrategy', '/:id', 'manageStrategy', async (locale, request, reply) => {
      const { id } = request.params as { id: number };
      const ctx = pageContext(request, locale, { current: 'adminStrategy' });
      const { version, rows, links } = await loadVersion(app, id, locale);
      const query = request.query as Record<string, unknown>;
      const notice = query.created !== undefined ? 'created' : query.saved !== undefined ? 'saved' : null;
      reply.header('cache-control', 'no-store');
      const form = toForm(version, withBlankRows(rows, NEW_ROWS_ON_EDIT));
      return <VersionFormPage ctx={ctx} form={form} errors={[]} mode={{ kind: 'edit', version, links, notice }} />;
    },
    idParams,
  );

  postPage(app, 'adminStrategy', '/:id', 'manageStrategy', async (locale, request, reply) => {
      const { id } = request.params as { id: number };
      const ctx = pageContext(request, locale, { current: 'adminStrategy' });
      const m = strategyAdminMessages[locale];
      const { version, links } = await loadVersion(app, id, locale);
      const form = readVersionForm(request.body);
      const checked = validateVersionForm(form, m);
      let errors: FieldError[];
      if (checked.ok) {
        const result = await updateStrategyVersion(app.database.db, requestActor(request), id, checked.value, app.now());
        if (result.ok) return reply.redirect(`${pagePath(locale, 'adminStrategy', String(id))}?saved=1`, 303);
        errors = problemErrors(result.problems, m, ctx, await listStrategies(app.database.db));
      } else errors = checked.errors;
      return rerender(reply, <VersionFormPage ctx={ctx} form={form} errors={errors} mode={{ kind: 'edit', version, links, notice: null }} />);
    },
    idParams,
  );
}

function rerender(reply: FastifyReply, page: JSX.Element): JSX.Element {
  reply.code(400).header('cache-control', 'no-store');
  return page;
}

async function loadVersion(app: FastifyInstance, id: number, locale: Locale) {
  const db = app.database.db;
  const version = (await listStrategies(db)).find((s) => s.id === id);
  if (!version) throw new AppError('STRATEGY_NOT_FOUND');
  const [priorities, sectors] = await Promise.all([listPriorities(db, { strategyIds: [id] }), listGrowthSectors(db)]);
  const links = new Map<string, string[]>();
  for (const p of priorities) {
    const names = sectors.filter((s) => s.priorityIds.includes(p.id)).map((s) => s.name[locale]);
    if (names.length > 0) links.set(String(p.id), names);
  }
  const rows: PriorityRowForm[] = priorities.map((p, i) => ({
    id: String(p.id),
    slug: p.slug,
    name_fi: p.name.fi,
    name_sv: p.name.sv,
    name_en: p.name.en,
    description_fi: p.description.fi,
    description_sv: p.description.sv,
    description_en: p.description.en,
    order: String(i + 1),
    remove: false,
  }));
  return { version, rows, links };
}

function toForm(v: Strategy, priorities: PriorityRowForm[]): VersionForm {
  return {
    slug: v.slug,
    name_fi: v.name.fi,
    name_sv: v.name.sv,
    name_en: v.name.en,
    summary_fi: v.summary.fi,
    summary_sv: v.summary.sv,
    summary_en: v.summary.en,
    validFrom: v.validFrom,
    validTo: v.validTo ?? '',
    priorities,
  };
}
