import { strategyInForce, versionStatus, type VersionStatus } from '../../domain/strategy-versions.js';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { formatCalendarDate } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextArea, TextInput, fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { limits, type PriorityRowForm, type VersionForm } from './strategy.admin.form.js';
import { strategyAdminMessages, type StrategyAdminMessages } from './strategy.admin.messages.js';
import type { Strategy } from './strategy.repository.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

export function periodText(locale: Locale, from: string, to: string | null, t: PageContext['t']): string {
  return t.strategy.validity(formatCalendarDate(from, locale), to ? formatCalendarDate(to, locale) : null);
}

function statusLabel(status: VersionStatus, m: StrategyAdminMessages): string {
  return status === 'in-force' ? m.inForce : status === 'earlier' ? m.earlier : m.planned;
}

export function VersionListPage({ ctx, versions, today }: { ctx: PageContext; versions: Strategy[]; today: string }) {
  const { t, locale } = ctx;
  const m = strategyAdminMessages[locale];
  const inForce = strategyInForce(versions, today);
  return (
    <AdminLayout ctx={ctx} title={t.admin.strategy} section="adminStrategy">
      <PageHeading title={t.admin.strategy} lead={m.listLead} />
      <p>
        <a class="button" href={pagePath(locale, 'adminStrategy', 'new')}>
          {m.newVersion}
        </a>
      </p>
      <ScrollTable id="versions-caption" caption={m.versionsCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colName}</th>
            <th scope="col">{m.colSlug}</th>
            <th scope="col">{m.colValidity}</th>
            <th scope="col">{m.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const status = versionStatus(v, inForce, today);
            return (
              <tr>
                <th scope="row">
                  <a href={pagePath(locale, 'adminStrategy', String(v.id))}>{v.name[locale]}</a>
                </th>
                <td>{v.slug}</td>
                <td>{periodText(locale, v.validFrom, v.validTo, t)}</td>
                <td>
                  <span class={status === 'in-force' ? 'tag tag--success' : 'tag'}>{statusLabel(status, m)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </AdminLayout>
  );
}

export type Mode =
  | { kind: 'new' }
  | { kind: 'edit'; version: Strategy; links: Map<string, string[]>; notice: 'created' | 'saved' | null };

export function VersionFormPage({ ctx, form, errors, mode }: { ctx: PageContext; form: VersionForm; errors: FieldError[]; mode: Mode }) {
  const { t, locale } = ctx;
  const m = strategyAdminMessages[locale];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const heading = mode.kind === 'new' ? m.newVersion : m.editVersion(mode.version.name[locale]);
  const action = mode.kind === 'new' ? pagePath(locale, 'adminStrategy', 'new') : pagePath(locale, 'adminStrategy', String(mode.version.id));
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${heading}` : heading} section="adminStrategy">
      <p>
        <a href={pagePath(locale, 'adminStrategy')}>{m.back}</a>
      </p>
      <PageHeading title={heading} lead={mode.kind === 'new' ? m.newVersionLead : undefined} />
      {mode.kind === 'edit' && mode.notice ? (
        <div class="panel panel--success" role="status">
          <p>{mode.notice === 'created' ? m.created : m.saved}</p>
          <p>
            <a href={pagePath(locale, 'strategy', mode.version.slug)}>{m.viewPublic}</a>
          </p>
        </div>
      ) : null}
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <p class="muted">{m.languagesNote}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <fieldset>
          <legend>{m.versionLegend}</legend>
          <TextInput name="slug" label={m.slug} hint={m.slugHint} value={form.slug} error={errorOf('slug')} maxLength={limits.slug} required />
          <TextInput name="name_fi" label={m.nameFi} value={form.name_fi} error={errorOf('name_fi')} maxLength={limits.name} required />
          <TextInput name="name_sv" label={m.nameSv} value={form.name_sv} error={errorOf('name_sv')} maxLength={limits.name} required />
          <TextInput name="name_en" label={m.nameEn} value={form.name_en} error={errorOf('name_en')} maxLength={limits.name} required />
          <TextArea name="summary_fi" label={m.summaryFi} value={form.summary_fi} error={errorOf('summary_fi')} maxLength={limits.summary} rows={4} required />
          <TextArea name="summary_sv" label={m.summarySv} value={form.summary_sv} error={errorOf('summary_sv')} maxLength={limits.summary} rows={4} required />
          <TextArea name="summary_en" label={m.summaryEn} value={form.summary_en} error={errorOf('summary_en')} maxLength={limits.summary} rows={4} required />
          <TextInput name="validFrom" type="date" label={m.validFrom} hint={m.dateHint} value={form.validFrom} error={errorOf('validFrom')} required />
          <TextInput name="validTo" type="date" label={m.validTo} hint={`${m.validToHint} ${m.dateHint}`} value={form.validTo} error={errorOf('validTo')} />
        </fieldset>
        <h2>{m.prioritiesHeading}</h2>
        <p>{m.prioritiesLead}</p>
        {form.priorities.map((row, index) => (
          <PriorityFields m={m} locale={locale} row={row} index={index} errorOf={errorOf} linked={mode.kind === 'edit' ? mode.links.get(row.id) : undefined} />
        ))}
        <button type="submit" class="button">
          {mode.kind === 'new' ? m.create : m.save}
        </button>
      </form>
    </AdminLayout>
  );
}

function PriorityFields(props: {
  m: StrategyAdminMessages;
  locale: Locale;
  row: PriorityRowForm;
  index: number;
  errorOf: (field: string) => string | undefined;
  linked: string[] | undefined;
}) {
  const { m, locale, row, index, errorOf, linked } = props;
  const key = `p${index}`;
  const n = index + 1;
  const removeError = errorOf(`${key}.remove`);
  return (
    <fieldset class="priority-fields">
      <legend>{row.id === '' ? m.newPriorityLegend(n) : m.priorityLegend(n, row[`name_${locale}`] || row.name_fi)}</legend>
      {row.id !== '' ? <input type="hidden" name={`${key}.id`} value={row.id} /> : null}
      <TextInput name={`${key}.order`} type="number" inputMode="numeric" label={m.order} value={row.order} error={errorOf(`${key}.order`)} />
      <TextInput name={`${key}.slug`} label={m.slug} hint={m.slugHint} value={row.slug} error={errorOf(`${key}.slug`)} maxLength={limits.slug} />
      <TextInput name={`${key}.name_fi`} label={m.nameFi} value={row.name_fi} error={errorOf(`${key}.name_fi`)} maxLength={limits.name} />
      <TextInput name={`${key}.name_sv`} label={m.nameSv} value={row.name_sv} error={errorOf(`${key}.name_sv`)} maxLength={limits.name} />
      <TextInput name={`${key}.name_en`} label={m.nameEn} value={row.name_en} error={errorOf(`${key}.name_en`)} maxLength={limits.name} />
      <TextArea name={`${key}.description_fi`} label={m.descriptionFi} value={row.description_fi} error={errorOf(`${key}.description_fi`)} maxLength={limits.description} rows={3} />
      <TextArea name={`${key}.description_sv`} label={m.descriptionSv} value={row.description_sv} error={errorOf(`${key}.description_sv`)} maxLength={limits.description} rows={3} />
      <TextArea name={`${key}.description_en`} label={m.descriptionEn} value={row.description_en} error={errorOf(`${key}.description_en`)} maxLength={limits.description} rows={3} />
      {row.id !== '' ? (
        <div class={removeError ? 'field field--error' : 'field'}>
          {linked ? (
            <p class="field__hint" id={`${fieldId(`${key}.remove`)}-hint`}>
              {m.linkedSectors(linked.join(', '))}
            </p>
          ) : null}
          {removeError ? (
            <p class="field__error" id={`${fieldId(`${key}.remove`)}-error`}>
              {removeError}
            </p>
          ) : null}
          <input
            type="checkbox"
            class="checkbox__input"
            id={fieldId(`${key}.remove`)}
            name={`${key}.remove`}
            value="1"
            checked={row.remove}
            aria-describedby={[linked ? `${fieldId(`${key}.remove`)}-hint` : '', removeError ? `${fieldId(`${key}.remove`)}-error` : ''].filter(Boolean).join(' ') || undefined}
          />{' '}
          <label class="checkbox__label" for={fieldId(`${key}.remove`)}>{m.remove}</label>
        </div>
      ) : null}
    </fieldset>
  );
}
