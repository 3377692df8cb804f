import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { Checkbox, CsrfField, ErrorSummary, RadioGroup, TextArea, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { criteriaLimits, type CriterionForm, type NoteForm, type QuestionForm } from '../call-criteria.form.js';
import { callCriteriaMessages } from '../call-criteria.messages.js';
import { criterionKinds, questionKinds, type CallPart, type EditMode } from '../call-criteria.service.js';
import type { Call, CallQuestion, Criterion } from '../calls.repository.js';
import { AdminPage, CallPartsNav, CorrectionFields, ModeNotice } from './call-criteria.parts.js';

interface FormPageProps<F, T> {
  ctx: PageContext;
  call: Call;
  mode: EditMode;
  /** The item edited, or null for a new one. */
  item: T | null;
  form: F;
  errors: FieldError[];
}

function titleWithErrors(ctx: PageContext, title: string, errors: readonly FieldError[]) {
  return errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${title}` : title;
}

export function CriterionFormPage({ ctx, call, mode, item, form, errors }: FormPageProps<CriterionForm, Criterion>) {
  const { t, locale } = ctx;
  const m = callCriteriaMessages[locale];
  const title = item ? m.editCriterionTitle(item.name[locale] || item.name.fi) : m.newCriterionTitle;
  const id = String(call.id);
  const action = item ? pagePath(locale, 'adminCalls', id, 'criteria', String(item.id)) : pagePath(locale, 'adminCalls', id, 'criteria', 'new');
  const e = (field: string) => errorOf(errors, field);
  return (
    <AdminPage ctx={ctx} title={titleWithErrors(ctx, title, errors)}>
      <CallPartsNav ctx={ctx} callId={call.id} current="criteria" />
      <PageHeading title={title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <ModeNotice ctx={ctx} mode={mode} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <RadioGroup name="kind" legend={m.kind} value={form.kind} error={e('kind')} options={criterionKinds.map((k) => ({ value: k, label: m.kindOption(k) }))} />
        <fieldset>
          <legend>{m.criterionLegend}</legend>
          <p class="field__hint">{m.languagesHint}</p>
          <TextInput name="name_fi" label={m.nameFi} value={form.name_fi} error={e('name_fi')} maxLength={criteriaLimits.name} required />
          <TextInput name="name_sv" label={m.nameSv} value={form.name_sv} error={e('name_sv')} maxLength={criteriaLimits.name} />
          <TextInput name="name_en" label={m.nameEn} value={form.name_en} error={e('name_en')} maxLength={criteriaLimits.name} />
          <TextArea name="description_fi" label={m.descriptionFi} value={form.description_fi} error={e('description_fi')} rows={4} maxLength={criteriaLimits.description} />
          <TextArea name="description_sv" label={m.descriptionSv} value={form.description_sv} error={e('description_sv')} rows={4} maxLength={criteriaLimits.description} />
          <TextArea name="description_en" label={m.descriptionEn} value={form.description_en} error={e('description_en')} rows={4} maxLength={criteriaLimits.description} />
          <TextInput name="weight" type="text" inputMode="numeric" label={m.weight} hint={m.weightHint} value={form.weight} error={e('weight')} maxLength={2} required />
        </fieldset>
        {mode === 'correction' ? <CorrectionFields ctx={ctx} form={form} errors={errors} /> : null}
        <button type="submit" class="button">
          {m.saveCriterion}
        </button>
      </form>
    </AdminPage>
  );
}

export function QuestionFormPage({ ctx, call, mode, item, form, errors }: FormPageProps<QuestionForm, CallQuestion>) {
  const { t, locale } = ctx;
  const m = callCriteriaMessages[locale];
  const title = item ? m.editQuestionTitle(item.label[locale] || item.label.fi) : m.newQuestionTitle;
  const id = String(call.id);
  const action = item ? pagePath(locale, 'adminCalls', id, 'questions', String(item.id)) : pagePath(locale, 'adminCalls', id, 'questions', 'new');
  const e = (field: string) => errorOf(errors, field);
  return (
    <AdminPage ctx={ctx} title={titleWithErrors(ctx, title, errors)}>
      <CallPartsNav ctx={ctx} callId={call.id} current="questions" />
      <PageHeading title={title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <ModeNotice ctx={ctx} mode={mode} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <RadioGroup
          name="kind"
          legend={m.questionKind}
          value={form.kind}
          error={e('kind')}
          options={questionKinds.map((k) => ({ value: k, label: m.questionKindOption(k) }))}
        />
        <fieldset>
          <legend>{m.questionLegend}</legend>
          <p class="field__hint">{m.languagesHint}</p>
          <TextArea name="label_fi" label={m.labelFi} value={form.label_fi} error={e('label_fi')} rows={2} maxLength={criteriaLimits.label} required />
          <TextArea name="label_sv" label={m.labelSv} value={form.label_sv} error={e('label_sv')} rows={2} maxLength={criteriaLimits.label} />
          <TextArea name="label_en" label={m.labelEn} value={form.label_en} error={e('label_en')} rows={2} maxLength={criteriaLimits.label} />
          <TextArea name="help_fi" label={m.helpFi} value={form.help_fi} error={e('help_fi')} rows={3} maxLength={criteriaLimits.help} />
          <TextArea name="help_sv" label={m.helpSv} value={form.help_sv} error={e('help_sv')} rows={3} maxLength={criteriaLimits.help} />
          <TextArea name="help_en" label={m.helpEn} value={form.help_en} error={e('help_en')} rows={3} maxLength={criteriaLimits.help} />
          <Checkbox name="required" label={m.requiredAnswer} checked={form.required} />
          <TextInput name="max_length" inputMode="numeric" label={m.maxLength} hint={m.maxLengthHint} value={form.max_length} error={e('max_length')} maxLength={7} />
        </fieldset>
        <fieldset>
          <legend>{m.optionsLegend}</legend>
          <p class="field__hint">{m.optionsHint}</p>
          <TextArea name="options_fi" label={m.optionsFi} value={form.options_fi} error={e('options_fi')} rows={5} />
          <TextArea name="options_sv" label={m.optionsSv} value={form.options_sv} error={e('options_sv')} rows={5} />
          <TextArea name="options_en" label={m.optionsEn} value={form.options_en} error={e('options_en')} rows={5} />
        </fieldset>
        {mode === 'correction' ? <CorrectionFields ctx={ctx} form={form} errors={errors} /> : null}
        <button type="submit" class="button">
          {m.saveQuestion}
        </button>
      </form>
    </AdminPage>
  );
}

/**
 * Removing or moving an item of a published call: the correction announcement is asked for on
 * this page before the change is made.
 */
export function ConfirmChangePage(props: {
  ctx: PageContext;
  call: Call;
  part: CallPart;
  itemId: number;
  name: string;
  change: 'remove' | 'up' | 'down';
  form: NoteForm;
  errors: FieldError[];
}) {
  const { ctx, call, part, itemId, name, change, form, errors } = props;
  const { t, locale } = ctx;
  const m = callCriteriaMessages[locale];
  const title = change === 'remove' ? m.confirmRemoveTitle(name) : m.confirmMoveTitle(name);
  const base = pagePath(locale, 'adminCalls', String(call.id), part, String(itemId));
  return (
    <AdminPage ctx={ctx} title={titleWithErrors(ctx, title, errors)}>
      <CallPartsNav ctx={ctx} callId={call.id} current={part} />
      <PageHeading title={title} lead={change === 'remove' ? m.confirmRemoveLead : m.confirmMoveLead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={change === 'remove' ? `${base}/remove` : `${base}/move`} novalidate>
        <CsrfField token={ctx.csrf()} />
        <input type="hidden" name="confirm" value="1" />
        {change === 'remove' ? null : <input type="hidden" name="direction" value={change} />}
        <CorrectionFields ctx={ctx} form={form} errors={errors} />
        <div class="actions">
          <button type="submit" class={change === 'remove' ? 'button button--danger' : 'button'}>
            {change === 'remove' ? m.confirmRemove : m.confirmMove}
          </button>
          <a href={pagePath(locale, 'adminCalls', String(call.id), part)}>{m.cancel}</a>
        </div>
      </form>
    </AdminPage>
  );
}
