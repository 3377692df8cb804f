import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { locales } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextArea, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { indicatorsAdminMessages, type IndicatorsAdminMessages } from '../indicators.admin.messages.js';
import { indicatorKinds, indicatorLimits, indicatorUnits, type IndicatorForm, type IndicatorTextsForm } from '../indicators.admin.service.js';
import type { Indicator } from '../indicators.repository.js';

export const emptyIndicatorForm: IndicatorForm = { code: '', kind: '', unit: '', decimals: '0', name_fi: '', name_sv: '', name_en: '', description_fi: '', description_sv: '', description_en: '' };

/** The names and descriptions in three languages, shared by the add and edit forms. */
export function IndicatorTextFields({ m, values, errors }: { m: IndicatorsAdminMessages; values: IndicatorTextsForm; errors: readonly FieldError[] }) {
  const labels = { name_fi: m.nameFi, name_sv: m.nameSv, name_en: m.nameEn, description_fi: m.descriptionFi, description_sv: m.descriptionSv, description_en: m.descriptionEn };
  return (
    <>
      {locales.map((l) => (
        <TextInput name={`name_${l}`} label={labels[`name_${l}`]} value={values[`name_${l}`]} error={errorOf(errors, `name_${l}`)} maxLength={indicatorLimits.name} />
      ))}
      {locales.map((l) => (
        <TextArea
          name={`description_${l}`}
          label={labels[`description_${l}`]}
          value={values[`description_${l}`]}
          error={errorOf(errors, `description_${l}`)}
          maxLength={indicatorLimits.description}
          rows={3}
        />
      ))}
    </>
  );
}

/** The catalogue of indicators, and the form that adds one. */
export function AdminIndicatorsPage({
  ctx,
  indicators,
  form,
  errors,
  notice,
}: {
  ctx: PageContext;
  indicators: readonly Indicator[];
  form: IndicatorForm;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = indicatorsAdminMessages[locale];
  const title = t.admin.indicators;
  const others = locales.filter((l) => l !== locale);
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminIndicators">
      <PageHeading title={title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={notice} />
      <ScrollTable id="indicators-caption" caption={m.caption}>
        <thead>
          <tr>
            <th scope="col">{m.colCode}</th>
            <th scope="col">{m.colName}</th>
            <th scope="col">{m.colNames}</th>
            <th scope="col">{m.colKind}</th>
            <th scope="col">{m.colSource}</th>
            <th scope="col">{m.colUnit}</th>
            <th scope="col">{m.colComputed}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr>
              <td>
                <a href={pagePath(locale, 'adminIndicators', String(i.id))} aria-label={m.editLabel(i.code)}>
                  {i.code}
                </a>
              </td>
              <th scope="row">{i.name[locale]}</th>
              <td>
                {others.map((l) => (
                  <span lang={l} class="indicator-name">
                    {i.name[l]}
                    <br />
                  </span>
                ))}
              </td>
              <td>{m.kinds[i.kind]}</td>
              <td>{m.sources[i.source]}</td>
              <td>{m.units[i.unit]}</td>
              <td>{i.computed ? <span class="tag tag--info">{m.computed}</span> : m.reported}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <section aria-labelledby="add-indicator-heading">
        <h2 id="add-indicator-heading">{m.addHeading}</h2>
        <form method="post" action={pagePath(locale, 'adminIndicators')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput name="code" label={m.code} hint={m.codeHint} value={form.code} error={errorOf(errors, 'code')} maxLength={32} />
          <SelectField name="kind" label={m.kind} value={form.kind} error={errorOf(errors, 'kind')} placeholder={m.choose} options={indicatorKinds.map((k) => ({ value: k, label: m.kinds[k] }))} />
          <SelectField name="unit" label={m.unit} value={form.unit} error={errorOf(errors, 'unit')} placeholder={m.choose} options={indicatorUnits.map((u) => ({ value: u, label: m.units[u] }))} />
          <SelectField
            name="decimals"
            label={m.decimals}
            hint={m.decimalsHint}
            value={form.decimals}
            error={errorOf(errors, 'decimals')}
            options={['0', '1', '2'].map((d) => ({ value: d, label: d }))}
          />
          <IndicatorTextFields m={m} values={form} errors={errors} />
          <button type="submit" class="button">
            {m.add}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
