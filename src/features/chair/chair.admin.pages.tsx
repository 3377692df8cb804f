import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { helsinkiYear } from '../../domain/helsinki-time.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextArea, TextInput, fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { chairAdminMessages } from './chair.admin.messages.js';
import {
  chairSchedule,
  clearChairOverride,
  isCalendarYear,
  listChairOverrides,
  overrideChairYear,
  setChairRotation,
  type ChairOverride,
  type ScheduledChair,
} from './chair.commands.js';
import { loadChairRotation } from './chair.repository.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

const PREVIEW_YEARS = 8;
const REASON_MAX = 500;

interface RotationForm {
  baseYear: string;
  positions: Record<string, string>;
}

interface OverrideForm {
  year: string;
  region: string;
  reason: string;
}

type Notice = 'saved' | 'overrideAdded' | 'overrideRemoved';

function parseYear(value: string): number | null {
  const year = /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return isCalendarYear(year) ? year : null;
}

/** Reads the numbered order: regions sorted by the numbers typed, blanks left out of the rotation. */
function validateRotation(form: RotationForm, regions: readonly Region[], locale: Locale) {
  const m = chairAdminMessages[locale];
  const errors: FieldError[] = [];
  const baseYear = parseYear(form.baseYear);
  if (baseYear === null) errors.push({ field: 'baseYear', message: form.baseYear.trim() === '' ? m.required(m.baseYear) : m.yearFormat(m.baseYear) });
  const numbered: Array<{ code: string; n: number }> = [];
  const byNumber = new Map<number, Region>();
  for (const region of regions) {
    const raw = (form.positions[region.code] ?? '').trim();
    if (raw === '') continue;
    const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
    const field = `position.${region.code}`;
    if (!(n >= 1 && n <= 99)) {
      errors.push({ field, message: m.positionFormat(region.name[locale]) });
      continue;
    }
    const other = byNumber.get(n);
    if (other) errors.push({ field, message: m.duplicatePosition(region.name[locale], other.name[locale], n) });
    byNumber.set(n, region);
    numbered.push({ code: region.code, n });
  }
  if (numbered.length === 0 && !errors.some((e) => e.field.startsWith('position.'))) {
    errors.push({ field: `position.${regions[0]?.code ?? ''}`, message: m.emptyRotation });
  }
  if (errors.length > 0 || baseYear === null) return { ok: false as const, errors };
  return { ok: true as const, value: { baseYear, order: numbered.sort((a, b) => a.n - b.n).map((x) => x.code) } };
}

function validateOverride(form: OverrideForm, regions: readonly Region[], locale: Locale) {
  const m = chairAdminMessages[locale];
  const errors: FieldError[] = [];
  const year = parseYear(form.year);
  if (year === null) errors.push({ field: 'year', message: form.year.trim() === '' ? m.required(m.year) : m.yearFormat(m.year) });
  if (!regions.some((r) => r.code === form.region)) errors.push({ field: 'region', message: m.chooseRegion });
  const reason = form.reason.trim();
  if (reason === '') errors.push({ field: 'reason', message: m.required(m.reason) });
  else if (reason.length > REASON_MAX) errors.push({ field: 'reason', message: m.tooLong(m.reason, REASON_MAX) });
  if (errors.length > 0 || year === null) return { ok: false as const, errors };
  return { ok: true as const, value: { year, regionCode: form.region, reason } };
}

export async function chairAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function state(rotationForm?: RotationForm) {
    const [regions, rotation, overrides, schedule] = await Promise.all([
      listRegions(db()),
      loadChairRotation(db()),
      listChairOverrides(db()),
      chairSchedule(db(), helsinkiYear(app.now()), PREVIEW_YEARS),
    ]);
    const stored: RotationForm = {
      baseYear: String(rotation.baseYear),
      positions: Object.fromEntries(rotation.order.map((code, i) => [code, String(i + 1)])),
    };
    return { regions, overrides, schedule, rotationForm: rotationForm ?? stored };
  }

  function render(request: FastifyRequest, locale: Locale, s: Awaited<ReturnType<typeof state>>, extra: { overrideForm?: OverrideForm; errors?: FieldError[]; notice?: Notice | null }) {
    const ctx = pageContext(request, locale, { current: 'adminChair' });
    return (
      <ChairPage
        ctx={ctx}
        {...s}
        overrideForm={extra.overrideForm ?? { year: String(helsinkiYear(app.now()) + 1), region: '', reason: '' }}
        errors={extra.errors ?? []}
        notice={extra.notice ?? null}
      />
    );
  }

  getPage(app, 'adminChair', '', 'manageChair', async (locale, request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice = (['saved', 'overrideAdded', 'overrideRemoved'] as const).find((k) => query[k] !== undefined) ?? null;
    reply.header('cache-control', 'no-store');
    return render(request, locale, await state(), { notice });
  });

  postPage(app, 'adminChair', '/rotation', 'manageChair', async (locale, request, reply) => {
    const fields = postedFields(request.body);
    const regions = await listRegions(db());
    const form: RotationForm = {
      baseYear: fields.one('baseYear'),
      positions: Object.fromEntries(regions.map((r) => [r.code, fields.one(`position.${r.code}`)])),
    };
    const checked = validateRotation(form, regions, locale);
    if (checked.ok) {
      const result = await setChairRotation(db(), requestActor(request), checked.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminChair')}?saved=1`, 303);
      // The form checks the same rules first; only a region removed meanwhile gets here.
      throw new AppError('CONFLICT');
    }
    reply.code(400).header('cache-control', 'no-store');
    return render(request, locale, await state(form), { errors: checked.errors });
  });

  postPage(app, 'adminChair', '/overrides', 'manageChair', async (locale, request, reply) => {
    const fields = postedFields(request.body);
    const form: OverrideForm = { year: fields.one('year'), region: fields.one('region'), reason: fields.one('reason') };
    const checked = validateOverride(form, await listRegions(db()), locale);
    if (checked.ok) {
      const result = await overrideChairYear(db(), requestActor(request), checked.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminChair')}?overrideAdded=1`, 303);
      throw new AppError('CONFLICT', result.reason);
    }
    reply.code(400).header('cache-control', 'no-store');
    return render(request, locale, await state(), { overrideForm: form, errors: checked.errors });
  });

  postPage(app, 'adminChair', '/overrides/:year/remove', 'manageChair', async (locale, request, reply) => {
      const { year } = request.params as { year: number };
      if (!(await clearChairOverride(db(), requestActor(request), year, app.now()))) throw new AppError('NOT_FOUND');
      return reply.redirect(`${pagePath(locale, 'adminChair')}?overrideRemoved=1`, 303);
    },
    { schema: { params: Type.Object({ year: Type.Integer({ minimum: 1900, maximum: 9999 }) }) } },
  );
}

function ChairPage(props: {
  ctx: PageContext;
  regions: Region[];
  overrides: ChairOverride[];
  schedule: ScheduledChair[];
  rotationForm: RotationForm;
  overrideForm: OverrideForm;
  errors: FieldError[];
  notice: Notice | null;
}) {
  const { ctx, regions, overrides, schedule, rotationForm, overrideForm, errors, notice } = props;
  const { t, locale } = ctx;
  const m = chairAdminMessages[locale];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const nameOf = (code: string | null) => regions.find((r) => r.code === code)?.name[locale] ?? m.notSet;
  const reasonOf = (year: number) => overrides.find((o) => o.year === year)?.reason ?? '';
  const csrf = ctx.csrf();
  const regionError = errorOf('region');
  const ordered = [...regions].sort((a, b) => {
    const pa = Number(rotationForm.positions[a.code] || 1000);
    const pb = Number(rotationForm.positions[b.code] || 1000);
    return (Number.isNaN(pa) ? 1000 : pa) - (Number.isNaN(pb) ? 1000 : pb);
  });
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${t.admin.chair}` : t.admin.chair} section="adminChair">
      <PageHeading title={t.admin.chair} lead={m.lead} />
      {notice ? (
        <div class="panel panel--success" role="status">
          <p>{m[notice]}</p>
          <p>
            <a href="/api/v1/chair/current">{m.viewApi}</a>
          </p>
        </div>
      ) : null}
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />

      <ScrollTable id="chair-preview-caption" caption={m.previewCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colYear}</th>
            <th scope="col">{m.colRegion}</th>
            <th scope="col">{m.colSource}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((row) => (
            <tr>
              <th scope="row">{row.year}</th>
              <td>{nameOf(row.regionCode)}</td>
              <td>{row.source === 'override' ? m.fromOverride(reasonOf(row.year)) : row.source === 'rotation' ? m.fromRotation : m.notSet}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <section aria-labelledby="rotation-heading" class="form-section">
        <h2 id="rotation-heading">{m.rotationHeading}</h2>
        <p>{m.rotationLead}</p>
        <form method="post" action={pagePath(locale, 'adminChair', 'rotation')} novalidate>
          <CsrfField token={csrf} />
          <TextInput name="baseYear" type="number" inputMode="numeric" label={m.baseYear} hint={m.baseYearHint} value={rotationForm.baseYear} error={errorOf('baseYear')} required />
          <fieldset>
            <legend>{m.orderLegend}</legend>
            {ordered.map((r) => (
              <TextInput
                name={`position.${r.code}`}
                type="number"
                inputMode="numeric"
                label={m.positionOf(r.name[locale])}
                value={rotationForm.positions[r.code]}
                error={errorOf(`position.${r.code}`)}
              />
            ))}
          </fieldset>
          <button type="submit" class="button">
            {m.saveRotation}
          </button>
        </form>
      </section>

      <section aria-labelledby="overrides-heading" class="form-section">
        <h2 id="overrides-heading">{m.overridesHeading}</h2>
        {overrides.length > 0 ? (
          <ScrollTable id="chair-overrides-caption" caption={m.overridesCaption}>
            <thead>
              <tr>
                <th scope="col">{m.colYear}</th>
                <th scope="col">{m.colRegion}</th>
                <th scope="col">{m.colReason}</th>
                <th scope="col">{m.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr>
                  <th scope="row">{o.year}</th>
                  <td>{nameOf(o.regionCode)}</td>
                  <td>{o.reason}</td>
                  <td>
                    <form method="post" action={pagePath(locale, 'adminChair', 'overrides', String(o.year), 'remove')} class="inline-form">
                      <CsrfField token={csrf} />
                      <button type="submit" class="button button--danger" aria-label={m.removeOverrideNamed(o.year)}>
                        {m.removeOverride}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p class="muted">{m.noOverrides}</p>
        )}
        <h3>{m.addOverrideHeading}</h3>
        <form method="post" action={pagePath(locale, 'adminChair', 'overrides')} novalidate>
          <CsrfField token={csrf} />
          <TextInput name="year" type="number" inputMode="numeric" label={m.year} value={overrideForm.year} error={errorOf('year')} required />
          <fieldset class={regionError ? 'field field--error' : 'field'} id={fieldId('region')}>
            <legend>{m.regionLegend}</legend>
            {regionError ? <p class="field__error">{regionError}</p> : null}
            {regions.map((r) => (
              <div class="radio">
                <input type="radio" class="radio__input" id={`region-${r.code}`} name="region" value={r.code} checked={overrideForm.region === r.code} />{' '}
                <label class="radio__label" for={`region-${r.code}`}>
                  {r.name[locale]}
                </label>
              </div>
            ))}
          </fieldset>
          <TextArea name="reason" label={m.reason} hint={m.reasonHint} value={overrideForm.reason} error={errorOf('reason')} maxLength={REASON_MAX} rows={3} required />
          <button type="submit" class="button">
            {m.addOverride}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
