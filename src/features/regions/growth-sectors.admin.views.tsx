import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextInput, fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { limits } from '../strategy/strategy.admin.form.js';
import { strategyAdminMessages } from '../strategy/strategy.admin.messages.js';
import type { Priority, Strategy } from '../strategy/strategy.repository.js';
import { growthSectorsAdminMessages } from './growth-sectors.admin.messages.js';
import type { GrowthSector, Region } from './regions.repository.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

/** The growth-sector form as typed, kept as-is so a re-rendered form loses nothing. */
export interface SectorForm {
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  order: string;
  priorities: string[];
}

export function RegionListPage({ ctx, regions, sectors }: { ctx: PageContext; regions: Region[]; sectors: GrowthSector[] }) {
  const { t, locale } = ctx;
  const m = growthSectorsAdminMessages[locale];
  return (
    <AdminLayout ctx={ctx} title={t.admin.growthSectors} section="adminGrowthSectors">
      <PageHeading title={t.admin.growthSectors} lead={m.lead} />
      <ScrollTable id="regions-caption" caption={m.regionsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colRegion}</th>
            <th scope="col">{m.colCount}</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr>
              <th scope="row">
                <a href={pagePath(locale, 'adminGrowthSectors', r.code)}>{r.name[locale]}</a>
              </th>
              <td>{sectors.filter((s) => s.regionCode === r.code).length}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </AdminLayout>
  );
}

export function RegionSectorsPage(props: {
  ctx: PageContext;
  region: Region;
  sectors: GrowthSector[];
  priorities: Priority[];
  notice: 'created' | 'saved' | 'removed' | null;
}) {
  const { ctx, region, sectors, priorities, notice } = props;
  const { locale } = ctx;
  const m = growthSectorsAdminMessages[locale];
  const title = m.regionTitle(region.name[locale]);
  const priorityById = new Map(priorities.map((p) => [p.id, p]));
  const csrf = ctx.csrf();
  return (
    <AdminLayout ctx={ctx} title={title} section="adminGrowthSectors">
      <p>
        <a href={pagePath(locale, 'adminGrowthSectors')}>{m.backToRegions}</a>
      </p>
      <PageHeading title={title} />
      {notice ? (
        <div class="panel panel--success" role="status">
          <p>{m[notice]}</p>
          <p>
            <a href={pagePath(locale, 'regions', region.slug)}>{m.viewPublic}</a>
          </p>
        </div>
      ) : null}
      <p>
        <a class="button" href={pagePath(locale, 'adminGrowthSectors', region.code, 'new')}>
          {m.addSector}
        </a>
      </p>
      {sectors.length > 0 ? (
        <ScrollTable id="sectors-caption" caption={m.sectorsCaption(region.name[locale])}>
          <thead>
            <tr>
              <th scope="col">{m.colOrder}</th>
              <th scope="col">{m.colName}</th>
              <th scope="col">{m.colSlug}</th>
              <th scope="col">{m.colPriorities}</th>
              <th scope="col">{m.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {sectors.map((s, i) => {
              const linked = s.priorityIds.map((id) => priorityById.get(id)).filter((p): p is Priority => p !== undefined);
              return (
                <tr>
                  <td>{i + 1}</td>
                  <th scope="row">{s.name[locale]}</th>
                  <td>{s.slug}</td>
                  <td>{linked.length > 0 ? linked.map((p) => p.name[locale]).join(', ') : m.none}</td>
                  <td>
                    <a href={pagePath(locale, 'adminGrowthSectors', region.code, String(s.id))} aria-label={m.editNamed(s.name[locale])}>
                      {m.edit}
                    </a>
                    <form method="post" action={pagePath(locale, 'adminGrowthSectors', region.code, String(s.id), 'remove')} class="inline-form">
                      <CsrfField token={csrf} />
                      <button type="submit" class="button button--danger" aria-label={m.removeNamed(s.name[locale])}>
                        {m.remove}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
      ) : (
        <p class="muted">{m.noSectors}</p>
      )}
    </AdminLayout>
  );
}

export function SectorFormPage(props: {
  ctx: PageContext;
  region: Region;
  sector: GrowthSector | null;
  count: number;
  inForce: { strategy: Strategy | undefined; priorities: Priority[] };
  form: SectorForm;
  errors: FieldError[];
}) {
  const { ctx, region, sector, count, inForce, form, errors } = props;
  const { t, locale } = ctx;
  const m = growthSectorsAdminMessages[locale];
  const s = strategyAdminMessages[locale];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const title = sector ? m.editTitle(sector.name[locale]) : m.newTitle(region.name[locale]);
  const action = sector
    ? pagePath(locale, 'adminGrowthSectors', region.code, String(sector.id))
    : pagePath(locale, 'adminGrowthSectors', region.code, 'new');
  const priorityError = errorOf('priority');
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminGrowthSectors">
      <p>
        <a href={pagePath(locale, 'adminGrowthSectors', region.code)}>{m.back(region.name[locale])}</a>
      </p>
      <PageHeading title={title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <p class="muted">{s.languagesNote}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <fieldset>
          <legend>{m.sectorLegend}</legend>
          <TextInput name="name_fi" label={s.nameFi} value={form.name_fi} error={errorOf('name_fi')} maxLength={limits.name} required />
          <TextInput name="name_sv" label={s.nameSv} value={form.name_sv} error={errorOf('name_sv')} maxLength={limits.name} required />
          <TextInput name="name_en" label={s.nameEn} value={form.name_en} error={errorOf('name_en')} maxLength={limits.name} required />
          <TextInput name="slug" label={s.slug} hint={s.slugHint} value={form.slug} error={errorOf('slug')} maxLength={limits.slug} required />
          <TextInput name="order" type="number" inputMode="numeric" label={m.order} hint={m.orderHint(count)} value={form.order} error={errorOf('order')} required />
        </fieldset>
        {inForce.strategy ? (
          <fieldset class={priorityError ? 'field field--error' : 'field'} id={fieldId('priority')} aria-describedby={`${fieldId('priority')}-hint`}>
            <legend>{m.prioritiesLegend(inForce.strategy.name[locale])}</legend>
            <p class="field__hint" id={`${fieldId('priority')}-hint`}>
              {m.prioritiesHint}
            </p>
            {priorityError ? <p class="field__error">{priorityError}</p> : null}
            {inForce.priorities.map((p) => (
              <div class="checkbox">
                <input
                  type="checkbox"
                  class="checkbox__input"
                  id={`priority-${p.id}`}
                  name="priority"
                  value={String(p.id)}
                  checked={form.priorities.includes(String(p.id))}
                />{' '}
                <label class="checkbox__label" for={`priority-${p.id}`}>
                  {p.name[locale]}
                </label>
              </div>
            ))}
          </fieldset>
        ) : (
          <p class="muted">{m.noStrategy}</p>
        )}
        <button type="submit" class="button">
          {sector ? m.save : m.create}
        </button>
      </form>
    </AdminLayout>
  );
}
