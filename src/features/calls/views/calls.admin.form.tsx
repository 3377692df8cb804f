import { organisationTypes } from '../../../db/schema.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, RadioGroup, TextArea, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority, Strategy } from '../../strategy/strategy.repository.js';
import { callLimits, costModels, instruments, type CallForm } from '../calls.admin.form.js';
import { callsAdminMessages } from '../calls.admin.messages.js';
import { CheckboxGroup } from './calls.admin.parts.js';

export interface CallFormProps {
  ctx: PageContext;
  /** The call being edited or corrected; null for a new one. */
  call: { id: number; reference: string } | null;
  correction: boolean;
  regions: readonly Region[];
  choices: { strategy: Strategy | undefined; priorities: Priority[] };
  form: CallForm;
  errors: FieldError[];
  /** Shown above the form when the save met a newer version of the call. */
  conflict?: boolean;
}

export function CallFormPage(props: CallFormProps) {
  const { ctx, call, correction, regions, choices, form, errors } = props;
  const { t, locale } = ctx;
  const m = callsAdminMessages[locale];
  const types = organisationMessages[locale].types;
  const e = (field: string) => errorOf(errors, field);
  const title = call ? (correction ? m.correctTitle(call.reference) : m.editTitle(call.reference)) : m.newTitle;
  const action = call ? pagePath(locale, 'adminCalls', String(call.id), 'edit') : pagePath(locale, 'adminCalls', 'new');
  const back = call ? pagePath(locale, 'adminCalls', String(call.id)) : pagePath(locale, 'adminCalls');
  const councilsError = e('regions');
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 || props.conflict ? `${t.errors.summaryTitle}: ${title}` : title} section="adminCalls">
      <p>
        <a href={back}>{call ? m.backToCall(call.reference) : m.backToList}</a>
      </p>
      <PageHeading title={title} lead={correction ? m.correctLead : undefined} />
      {props.conflict ? <Notice kind="warning" text={m.conflict} /> : null}
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        {call ? <input type="hidden" name="version" value={form.version} /> : null}

        <fieldset>
          <legend>{m.textsLegend}</legend>
          <p class="field__hint">{m.languagesNote}</p>
          <TextInput name="title_fi" label={m.titleFi} value={form.title_fi} error={e('title_fi')} maxLength={callLimits.title} required />
          <TextInput name="title_sv" label={m.titleSv} value={form.title_sv} error={e('title_sv')} maxLength={callLimits.title} />
          <TextInput name="title_en" label={m.titleEn} value={form.title_en} error={e('title_en')} maxLength={callLimits.title} />
          <TextArea name="summary_fi" label={m.summaryFi} hint={m.summaryHint} value={form.summary_fi} error={e('summary_fi')} rows={3} maxLength={callLimits.summary} required />
          <TextArea name="summary_sv" label={m.summarySv} value={form.summary_sv} error={e('summary_sv')} rows={3} maxLength={callLimits.summary} />
          <TextArea name="summary_en" label={m.summaryEn} value={form.summary_en} error={e('summary_en')} rows={3} maxLength={callLimits.summary} />
          <TextArea name="body_fi" label={m.bodyFi} value={form.body_fi} error={e('body_fi')} rows={10} maxLength={callLimits.body} required />
          <TextArea name="body_sv" label={m.bodySv} value={form.body_sv} error={e('body_sv')} rows={10} maxLength={callLimits.body} />
          <TextArea name="body_en" label={m.bodyEn} value={form.body_en} error={e('body_en')} rows={10} maxLength={callLimits.body} />
        </fieldset>

        <div class={councilsError ? 'field field--error' : 'field'}>
          <fieldset aria-describedby={`${fieldId('regions')}-hint${councilsError ? ` ${fieldId('regions')}-error` : ''}`}>
            <legend class="field__label">{m.councilsLegend}</legend>
            <p class="field__hint" id={`${fieldId('regions')}-hint`}>
              {m.councilsHint}
            </p>
            {councilsError ? (
              <p class="field__error" id={`${fieldId('regions')}-error`}>
                {councilsError}
              </p>
            ) : null}
            {regions.map((r, i) => {
              const boxId = i === 0 ? fieldId('regions') : `${fieldId('regions')}-${r.code}`;
              const council = r.council.name[locale];
              return (
                <div class="call-council">
                  <div class="choice">
                    <input type="checkbox" name="regions" id={boxId} value={r.code} checked={form.regions.includes(r.code)} />
                    <label for={boxId}>{m.takesPart(council)}</label>
                  </div>
                  <TextInput name={`budget_${r.code}`} label={m.budgetOf(council)} value={form.budgets[r.code]} error={e(`budget_${r.code}`)} />
                </div>
              );
            })}
          </fieldset>
        </div>

        {choices.strategy ? (
          <CheckboxGroup
            name="priority"
            legend={m.prioritiesLegend(choices.strategy.name[locale])}
            hint={m.prioritiesHint}
            error={e('priority')}
            options={choices.priorities.map((p) => ({ value: String(p.id), label: p.name[locale] }))}
            values={form.priorities}
          />
        ) : (
          <p class="notice notice--warning" id={fieldId('priority')}>
            {m.noStrategy}
          </p>
        )}

        <RadioGroup name="instrument" legend={m.instrument} value={form.instrument} error={e('instrument')} options={instruments.map((i) => ({ value: i, label: m.instruments[i] }))} />

        <fieldset>
          <legend>{m.timesLegend}</legend>
          <p class="field__hint">{m.timesHint}</p>
          <div class="call-times">
            <TextInput name="opens_date" type="date" label={m.opensDate} value={form.opens_date} error={e('opens_date')} required />
            <TextInput name="opens_time" label={m.opensTime} value={form.opens_time} error={e('opens_time')} maxLength={8} required />
          </div>
          <div class="call-times">
            <TextInput name="closes_date" type="date" label={m.closesDate} value={form.closes_date} error={e('closes_date')} required />
            <TextInput name="closes_time" label={m.closesTime} hint={m.timeHint} value={form.closes_time} error={e('closes_time')} maxLength={8} required />
          </div>
        </fieldset>

        <TextInput name="contact_email" type="email" label={m.contactEmail} value={form.contact_email} error={e('contact_email')} maxLength={callLimits.email} autocomplete="off" required />

        <fieldset>
          <legend>{m.rulesLegend}</legend>
          <TextInput name="min_regions" type="number" inputMode="numeric" label={m.minRegions} hint={m.minRegionsHint} value={form.min_regions} error={e('min_regions')} required />
          <CheckboxGroup
            name="org_types"
            legend={m.orgTypesLegend}
            error={e('org_types')}
            options={organisationTypes.map((type) => ({ value: type, label: types[type] }))}
            values={form.org_types}
          />
          <TextInput name="min_grant" label={m.minGrant} value={form.min_grant} error={e('min_grant')} required />
          <TextInput name="max_grant" label={m.maxGrant} value={form.max_grant} error={e('max_grant')} required />
          <TextInput name="max_aid_rate" label={m.maxAidRate} hint={m.maxAidRateHint} value={form.max_aid_rate} error={e('max_aid_rate')} required />
          <TextInput name="max_duration" type="number" inputMode="numeric" label={m.maxDuration} value={form.max_duration} error={e('max_duration')} required />
          <RadioGroup
            name="lead_region"
            legend={m.leadRegionLegend}
            value={form.lead_region}
            error={e('lead_region')}
            options={[
              { value: 'yes', label: m.yes },
              { value: 'no', label: m.no },
            ]}
          />
        </fieldset>

        <RadioGroup name="cost_model" legend={m.costModelLegend} value={form.cost_model} error={e('cost_model')} options={costModels.map((c) => ({ value: c, label: m.costModels[c] }))} />
        <TextInput name="flat_rate" label={m.flatRate} hint={m.flatRateHint} value={form.flat_rate} error={e('flat_rate')} />

        <fieldset>
          <legend>{m.scoringLegend}</legend>
          <TextInput name="min_total_score" type="number" inputMode="numeric" label={m.minTotalScore} hint={m.minTotalScoreHint} value={form.min_total_score} error={e('min_total_score')} required />
        </fieldset>

        {correction ? (
          <fieldset>
            <legend>{m.correctionLegend}</legend>
            <p class="field__hint">{m.correctionHint}</p>
            <TextArea name="note_fi" label={m.noteFi} value={form.note_fi} error={e('note_fi')} rows={4} maxLength={callLimits.note} required />
            <TextArea name="note_sv" label={m.noteSv} value={form.note_sv} error={e('note_sv')} rows={4} maxLength={callLimits.note} />
            <TextArea name="note_en" label={m.noteEn} value={form.note_en} error={e('note_en')} rows={4} maxLength={callLimits.note} />
          </fieldset>
        ) : null}

        <div class="button-group">
          <button type="submit" class="button">
            {correction ? m.correctButton : call ? m.saveButton : m.createButton}
          </button>
          <a href={back}>{m.cancel}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
