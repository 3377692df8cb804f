import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { indicatorsAdminMessages } from './indicators.admin.messages.js';
import {
  createIndicator,
  hasAnyTargetField,
  readIndicatorForm,
  readTargetsForm,
  readTextsForm,
  saveStrategyTargets,
  updateIndicator,
  validateIndicatorForm,
  validateTargetsForm,
  validateTextsForm,
  type IndicatorForm,
  type IndicatorTextsForm,
} from './indicators.admin.service.js';
import { findIndicator, listIndicators, listStrategyTargets, type Indicator } from './indicators.repository.js';
import { AdminIndicatorsPage, emptyIndicatorForm } from './views/admin-indicators.js';
import { AdminIndicatorEditPage, strategyTargetLabel, textsOf } from './views/admin-indicators-edit.js';

const idParams = { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } };

/** The officers' indicator catalogue: the list with the add form, and each indicator's texts and strategy targets. */
export async function indicatorsAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function renderList(locale: Locale, request: FastifyRequest, reply: FastifyReply, form: IndicatorForm, errors: FieldError[], notice?: string) {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminIndicators' });
    return <AdminIndicatorsPage ctx={ctx} indicators={await listIndicators(db())} form={form} errors={errors} notice={notice} />;
  }

  async function indicatorOf(request: FastifyRequest): Promise<Indicator> {
    const indicator = await findIndicator(db(), (request.params as { id: number }).id);
    if (!indicator) throw new AppError('INDICATOR_NOT_FOUND');
    return indicator;
  }

  async function renderEdit(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    indicator: Indicator,
    extra: { texts?: IndicatorTextsForm; textErrors?: FieldError[]; targets?: ReadonlyMap<number, string>; targetErrors?: FieldError[]; notice?: string | undefined } = {},
  ) {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminIndicators' });
    return (
      <AdminIndicatorEditPage
        ctx={ctx}
        indicator={indicator}
        strategies={await listStrategyTargets(db(), indicator.id)}
        texts={extra.texts ?? textsOf(indicator)}
        textErrors={extra.textErrors ?? []}
        targets={extra.targets}
        targetErrors={extra.targetErrors ?? []}
        notice={extra.notice}
      />
    );
  }

  getPage(app, 'adminIndicators', '', 'manageIndicators', async (locale, request, reply) => {
    const added = (request.query as Record<string, unknown>).added;
    const notice = typeof added === 'string' && /^[A-Z0-9-]{2,32}$/.test(added) ? indicatorsAdminMessages[locale].added(added) : undefined;
    return renderList(locale, request, reply, emptyIndicatorForm, [], notice);
  });

  postPage(app, 'adminIndicators', '', 'manageIndicators', async (locale, request, reply) => {
    const form = readIndicatorForm(request.body);
    const checked = validateIndicatorForm(form, locale);
    if (!checked.ok) {
      reply.code(400);
      return renderList(locale, request, reply, form, checked.errors);
    }
    const result = await createIndicator(db(), requestActor(request), checked.value, app.now());
    if (!result.ok) {
      reply.code(409);
      return renderList(locale, request, reply, form, [{ field: 'code', message: indicatorsAdminMessages[locale].codeTaken(form.code) }]);
    }
    return reply.redirect(`${pagePath(locale, 'adminIndicators')}?added=${encodeURIComponent(checked.value.code)}`, 303);
  });

  getPage(app, 'adminIndicators', '/:id', 'manageIndicators', async (locale, request, reply) => {
    const indicator = await indicatorOf(request);
    const m = indicatorsAdminMessages[locale];
    const done = (request.query as Record<string, unknown>).done;
    return renderEdit(locale, request, reply, indicator, { notice: done === 'texts' ? m.saved : done === 'targets' ? m.targetsSaved : undefined });
  }, idParams);

  postPage(app, 'adminIndicators', '/:id', 'manageIndicators', async (locale, request, reply) => {
    const indicator = await indicatorOf(request);
    const texts = readTextsForm(request.body);
    const checked = validateTextsForm(texts, locale);
    if (!checked.ok) {
      reply.code(400);
      return renderEdit(locale, request, reply, indicator, { texts, textErrors: checked.errors });
    }
    if (!(await updateIndicator(db(), requestActor(request), indicator.id, checked.value, app.now()))) throw new AppError('INDICATOR_NOT_FOUND');
    return reply.redirect(`${pagePath(locale, 'adminIndicators', String(indicator.id))}?done=texts`, 303);
  }, idParams);

  postPage(app, 'adminIndicators', '/:id/targets', 'manageIndicators', async (locale, request, reply) => {
    const indicator = await indicatorOf(request);
    const strategies = await listStrategyTargets(db(), indicator.id);
    const typed = readTargetsForm(request.body, strategies.map((s) => s.strategyId));
    // A post without any target field is no form at all: nothing is cleared.
    if (!hasAnyTargetField(request.body, strategies.map((s) => s.strategyId))) throw new AppError('VALIDATION_FAILED', 'The form has no target fields');
    const labels = new Map(strategies.map((s) => [s.strategyId, strategyTargetLabel(s, locale)]));
    const checked = validateTargetsForm(typed, indicator.decimals, labels, locale);
    if (!checked.ok) {
      reply.code(400);
      return renderEdit(locale, request, reply, indicator, { targets: typed, targetErrors: checked.errors });
    }
    await saveStrategyTargets(db(), requestActor(request), indicator.id, checked.value, app.now());
    return reply.redirect(`${pagePath(locale, 'adminIndicators', String(indicator.id))}?done=targets`, 303);
  }, idParams);
}
