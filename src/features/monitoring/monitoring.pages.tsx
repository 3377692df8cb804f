import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../http/errors.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { checkFilters, firstValue } from './monitoring.filters.js';
import { monitoringMessages } from './monitoring.messages.js';
import { loadMonitoringCached } from './monitoring.cache.js';
import { strategyChoices } from './monitoring.service.js';
import { MonitoringPage, type MonitoringForm } from './views/monitoring.page.js';

/**
 * The public monitoring dashboard. The filters come from a GET form; a value that cannot be used
 * is left out of the figures and named at its field (status 400), the rest of the page is shown.
 */
export async function monitoringPages(app: FastifyInstance) {
  getPage(app, 'monitoring', '', 'public', async (locale, request, reply) => {
    const db = app.database.db;
    const m = monitoringMessages[locale];
    const q = (request.query ?? {}) as Record<string, unknown>;
    const asked: MonitoringForm = {
      strategy: firstValue(q.strategy)?.slice(0, 100) ?? '',
      yearFrom: firstValue(q.yearFrom)?.slice(0, 20) ?? '',
      yearTo: firstValue(q.yearTo)?.slice(0, 20) ?? '',
      instrument: firstValue(q.instrument)?.slice(0, 40) ?? '',
    };
    const { strategies, inForce } = await strategyChoices(db, app.now());
    const checked = checkFilters(asked, strategies, inForce);
    const errors: FieldError[] = (checked?.problems ?? []).map(({ field, problem }) => ({
      field,
      message: problem === 'year' ? m.errors.year(field === 'yearFrom' ? m.yearFrom : m.yearTo) : m.errors[problem],
    }));
    const data = checked ? await loadMonitoringCached(db, checked.filters) : null;
    if (errors.length > 0) reply.code(400);
    // The select shows the version the figures are for; the years are kept as typed.
    const form: MonitoringForm = { ...asked, strategy: checked?.strategySlug ?? '' };
    return (
      <MonitoringPage
        ctx={pageContext(request, locale, { current: 'monitoring' })}
        form={form}
        filtered={Object.values(asked).some((v) => v.trim() !== '')}
        errors={errors}
        strategies={strategies}
        inForceId={inForce?.id}
        data={data}
      />
    );
  });
}
