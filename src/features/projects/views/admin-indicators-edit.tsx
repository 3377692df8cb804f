import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { indicatorsAdminMessages } from '../indicators.admin.messages.js';
import type { IndicatorTextsForm } from '../indicators.admin.service.js';
import type { Indicator, StrategyTarget } from '../indicators.repository.js';
import { hundredthsInput } from '../projects.admin.form.js';
import { IndicatorTextFields } from './admin-indicators.js';

/** The label of a strategy's target field: the strategy's name and years of validity. */
export function strategyTargetLabel(s: StrategyTarget, locale: Locale): string {
  return indicatorsAdminMessages[locale].targetLabel(s.name[locale], formatCalendarDate(s.validFrom, locale), s.validTo ? formatCalendarDate(s.validTo, locale) : '');
}

export const textsOf = (i: Indicator): IndicatorTextsForm => ({
  name_fi: i.name.fi,
  name_sv: i.name.sv,
  name_en: i.name.en,
  description_fi: i.description.fi,
  description_sv: i.description.sv,
  description_en: i.description.en,
});

/** One indicator: its fixed facts, its names and descriptions, and the strategies' targets for it. */
export function AdminIndicatorEditPage(props: {
  ctx: PageContext;
  indicator: Indicator;
  strategies: readonly StrategyTarget[];
  texts: IndicatorTextsForm;
  textErrors: FieldError[];
  /** Target fields as typed, by strategy id, when the targets form came back with errors. */
  targets?: ReadonlyMap<number, string> | undefined;
  targetErrors: FieldError[];
  notice?: string | undefined;
}) {
  const { ctx, indicator } = props;
  const { t, locale } = ctx;
  const m = indicatorsAdminMessages[locale];
  const title = m.editTitle(indicator.code);
  const errors = [...props.textErrors, ...props.targetErrors];
  const action = pagePath(locale, 'adminIndicators', String(indicator.id));
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminIndicators">
      <p>
        <a href={pagePath(locale, 'adminIndicators')}>{m.backToList}</a>
      </p>
      <PageHeading title={title} lead={indicator.name[locale]} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice} />
      <dl class="facts">
        <div>
          <dt>{m.factsKind}</dt>
          <dd>{m.kinds[indicator.kind]}</dd>
        </div>
        <div>
          <dt>{m.factsSource}</dt>
          <dd>{m.sources[indicator.source]}</dd>
        </div>
        <div>
          <dt>{m.factsUnit}</dt>
          <dd>{m.units[indicator.unit]}</dd>
        </div>
        <div>
          <dt>{m.factsDecimals}</dt>
          <dd>{indicator.decimals}</dd>
        </div>
        {indicator.computed ? (
          <div>
            <dt>{m.colComputed}</dt>
            <dd>{m.computed}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="texts-heading">
        <h2 id="texts-heading">{m.textsHeading}</h2>
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf()} />
          <IndicatorTextFields m={m} values={props.texts} errors={props.textErrors} />
          <button type="submit" class="button">
            {m.save}
          </button>
        </form>
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{m.targetsHeading}</h2>
        <p>{m.targetsLead}</p>
        {props.strategies.length === 0 ? (
          <p>{m.noStrategies}</p>
        ) : (
          <form method="post" action={`${action}/targets`} novalidate>
            <CsrfField token={ctx.csrf()} />
            {props.strategies.map((s) => {
              const field = `target_${s.strategyId}`;
              const typed = props.targets?.get(s.strategyId) ?? (s.targetHundredths === null ? '' : hundredthsInput(s.targetHundredths, locale));
              return <TextInput name={field} label={strategyTargetLabel(s, locale)} hint={m.targetHint(m.units[indicator.unit])} value={typed} error={errorOf(props.targetErrors, field)} />;
            })}
            <button type="submit" class="button">
              {m.saveTargets}
            </button>
          </form>
        )}
      </section>
    </AdminLayout>
  );
}
