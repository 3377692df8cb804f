import { EditorScript } from './collaboration.eligibility-data.js';
import { applicationSections } from '../../../domain/eligibility.js';
import type { FieldError } from '../../../http/errors.js';
import { Checkbox, CsrfField, ErrorSummary, RadioGroup, TextArea, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import type { GrowthSector, Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { editorLimits, type GeneralForm, type IndicatorRowForm } from '../applications.form.js';
import { concernsPart } from '../problem-location.js';
import { applicationsMessages } from '../applications.messages.js';
import type { SavedBy } from '../applications.service.js';
import { ConflictNotice, EditorFrame, OtherValue, PartChecks, SavedNotice, ValueList, fileQuestionIds, leadPartnerId, partPath, type EditorData } from './editor-frame.js';

export interface GeneralPageProps {
  data: EditorData;
  form: GeneralForm;
  errors: FieldError[];
  /** The call's priorities. */
  priorities: Priority[];
  /** The growth sectors of the regions the partners work in. */
  sectors: GrowthSector[];
  /** How many indicator rows to offer. */
  rows: number;
  saved: string | null;
  conflict: { other: GeneralForm; savedBy: SavedBy } | null;
}

const blankRow: IndicatorRowForm = { name: '', unit: '', target: '' };
const same = (a: string, b: string) => a.trim() === b.trim();

/** The general part as labelled values, in the order of the form. */
export function generalValueItems(props: Pick<GeneralPageProps, 'data' | 'form' | 'priorities' | 'sectors'>) {
  const { data, form, priorities, sectors } = props;
  const { locale } = data.ctx;
  const m = applicationsMessages[locale];
  const priority = priorities.find((p) => String(p.id) === form.priority);
  return [
    { label: m.fields.title, value: form.title },
    { label: m.fields.summary, value: form.summary },
    { label: m.fields.priority, value: priority ? priority.name[locale] : '' },
    { label: m.fields.growthSectors, value: sectors.filter((s) => form.growthSectors.includes(String(s.id))).map((s) => s.name[locale]).join(', ') },
    { label: m.fields.start_date, value: form.startDate },
    { label: m.fields.end_date, value: form.endDate },
    ...applicationSections.map((s) => ({ label: form.sections[s].secret ? `${m.sections[s]} (${m.secret})` : m.sections[s], value: form.sections[s].body })),
    ...form.indicators
      .filter((row) => row.name.trim() !== '' || row.target.trim() !== '')
      .map((row, i) => ({ label: m.indicatorRow(i + 1), value: `${row.name}: ${row.target} ${row.unit}`.trim() })),
    ...data.call.questions
      .filter((q) => q.kind !== 'file')
      .map((q) => {
        const value = form.answers[String(q.id)] ?? '';
        return { label: q.label[locale], value: q.kind === 'choice' && value !== '' ? (q.options[Number(value)]?.[locale] ?? value) : value };
      }),
  ];
}

export function GeneralPage(props: GeneralPageProps) {
  const { data, errors, saved } = props;
  const { ctx } = data;
  const m = applicationsMessages[ctx.locale];
  const lead = leadPartnerId(data.app);
  const problems = data.eligibility.problems.filter((p) => concernsPart(p, { part: 'general' }, lead, fileQuestionIds(data.call)));
  return (
    <EditorFrame data={data} place="general" title={m.generalTitle} hasErrors={errors.length > 0}>
      <SavedNotice text={saved} />
      {props.conflict ? <ConflictNotice ctx={ctx} savedBy={props.conflict.savedBy} /> : null}
      <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
      <PartChecks data={data} problems={problems} />
      {data.refusal ? <ValueList items={generalValueItems(props)} empty={m.empty} /> : <GeneralFormView {...props} />}
      <EditorScript data={data} part="general" />
    </EditorFrame>
  );
}

function GeneralFormView(props: GeneralPageProps) {
  const { data, form, errors, priorities, sectors, conflict } = props;
  const { ctx } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const other = conflict?.other;
  const by = conflict?.savedBy ?? null;
  /** What the other person saved in a field, when it differs from what the viewer typed. */
  const theirs = (mine: string, their: string | undefined, shown?: string) => (their !== undefined && !same(mine, their) ? (shown ?? their) : undefined);
  const err = (field: string) => errorOf(errors, field);
  const priorityName = (id: string) => priorities.find((p) => String(p.id) === id)?.name[locale] ?? '';
  const sectorNames = (ids: string[]) => sectors.filter((s) => ids.includes(String(s.id))).map((s) => s.name[locale]).join(', ');
  const rows = [...form.indicators];
  while (rows.length < props.rows) rows.push(blankRow);
  const regionsInvolved = [...new Set(sectors.map((s) => s.regionCode))];
  const regionName = (code: string) => data.regions.find((r: Region) => r.code === code)?.name[locale] ?? code;
  const sectorError = err('growth_sector');
  return (
    <form method="post" action={partPath(data, 'general')} novalidate data-autosave="general" class="editor-form">
      <CsrfField token={ctx.csrf()} />
      <input type="hidden" name="version" id={fieldId('version')} value={form.version} />
      <p class="muted">{m.saveHint}</p>
      <fieldset>
        <legend>{m.projectLegend}</legend>
        <TextInput name="title" label={m.fields.title} value={form.title} error={err('title')} maxLength={editorLimits.title} />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.title, other?.title)} />
        <TextArea name="summary" label={m.fields.summary} hint={m.summaryHint} value={form.summary} error={err('summary')} rows={5} />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.summary, other?.summary)} />
        <RadioGroup
          name="priority"
          legend={m.fields.priority}
          hint={m.priorityHint}
          value={form.priority}
          error={err('priority')}
          options={priorities.map((p) => ({ value: String(p.id), label: p.name[locale] }))}
        />
        <OtherValue ctx={ctx} savedBy={by} value={other && other.priority !== form.priority ? priorityName(other.priority) : undefined} />
        <fieldset class={sectorError ? 'field field--error' : 'field'} id={fieldId('growth_sector')} aria-describedby={`${fieldId('growth_sector')}-hint`}>
          <legend class="field__label">{m.fields.growthSectors}</legend>
          <p class="field__hint" id={`${fieldId('growth_sector')}-hint`}>
            {regionsInvolved.length > 0 ? m.growthSectorsHint : m.growthSectorsNone}
          </p>
          {sectorError ? <p class="field__error">{sectorError}</p> : null}
          {regionsInvolved.map((code) => (
            <fieldset class="sector-group">
              <legend>{regionName(code)}</legend>
              {sectors
                .filter((s) => s.regionCode === code)
                .map((s) => (
                  <div class="checkbox">
                    <input type="checkbox" id={`growth-sector-${s.id}`} name="growth_sector" value={String(s.id)} checked={form.growthSectors.includes(String(s.id))} />{' '}
                    <label for={`growth-sector-${s.id}`}>{s.name[locale]}</label>
                  </div>
                ))}
            </fieldset>
          ))}
        </fieldset>
        <OtherValue
          ctx={ctx}
          savedBy={by}
          value={other && [...other.growthSectors].sort().join() !== [...form.growthSectors].sort().join() ? sectorNames(other.growthSectors) : undefined}
        />
        <TextInput name="start_date" label={m.fields.start_date} hint={m.dateHint} value={form.startDate} error={err('start_date')} autocomplete="off" />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.startDate, other?.startDate)} />
        <TextInput name="end_date" label={m.fields.end_date} hint={m.dateHint} value={form.endDate} error={err('end_date')} autocomplete="off" />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.endDate, other?.endDate)} />
      </fieldset>

      <fieldset>
        <legend>{m.descriptionLegend}</legend>
        {applicationSections.map((s) => (
          <div class="form-part">
            <TextArea name={`section.${s}`} label={m.sections[s]} value={form.sections[s].body} error={err(`section.${s}`)} rows={8} />
            <Checkbox name={`section.${s}.secret`} label={m.secret} hint={m.secretHint} checked={form.sections[s].secret} />
            <OtherValue
              ctx={ctx}
              savedBy={by}
              value={
                other && (!same(other.sections[s].body, form.sections[s].body) || other.sections[s].secret !== form.sections[s].secret)
                  ? `${other.sections[s].body}${other.sections[s].secret ? ` (${m.secret})` : ''}`
                  : undefined
              }
            />
          </div>
        ))}
      </fieldset>

      {/* The first submit button is the one Enter presses: plain saving, before "save and add a row". */}
      <div class="button-group">
        <button type="submit" class="button">
          {m.save}
        </button>
      </div>

      <fieldset id="indicators">
        <legend>{m.indicatorsLegend}</legend>
        <p class="field__hint">{m.indicatorsHint}</p>
        {rows.map((row, i) => {
          const theirRow = other?.indicators[i];
          const changed = other !== undefined && (theirRow ? !(same(theirRow.name, row.name) && same(theirRow.unit, row.unit) && same(theirRow.target, row.target)) : row.name !== '');
          return (
            <fieldset class="indicator-row">
              <legend>{m.indicatorRow(i + 1)}</legend>
              <TextInput name={`indicator.${i}.name`} label={m.indicatorName} value={row.name} error={err(`indicator.${i}.name`)} maxLength={editorLimits.indicatorName} />
              <TextInput name={`indicator.${i}.unit`} label={m.indicatorUnit} value={row.unit} error={err(`indicator.${i}.unit`)} maxLength={editorLimits.indicatorUnit} />
              <TextInput name={`indicator.${i}.target`} label={m.indicatorTarget} value={row.target} error={err(`indicator.${i}.target`)} inputMode="numeric" />
              <OtherValue ctx={ctx} savedBy={by} value={changed ? (theirRow ? `${theirRow.name}: ${theirRow.target} ${theirRow.unit}`.trim() : '') : undefined} />
            </fieldset>
          );
        })}
        {rows.length < editorLimits.indicatorRows ? (
          <button type="submit" name="add_indicator" value="1" class="button button--secondary">
            {m.addIndicator}
          </button>
        ) : null}
      </fieldset>

      <QuestionFields {...props} theirs={theirs} />

      <div class="button-group">
        <button type="submit" class="button">
          {m.save}
        </button>
      </div>
    </form>
  );
}

function QuestionFields(props: GeneralPageProps & { theirs: (mine: string, their: string | undefined, shown?: string) => string | undefined }) {
  const { data, form, errors, conflict, theirs } = props;
  const { ctx } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const questions = data.call.questions.filter((q) => q.kind !== 'file');
  if (questions.length === 0) return null;
  const by = conflict?.savedBy ?? null;
  return (
    <fieldset>
      <legend>{m.questionsLegend}</legend>
      {questions.map((q) => {
        const name = `question.${q.id}`;
        const value = form.answers[String(q.id)] ?? '';
        const their = conflict?.other.answers[String(q.id)];
        const help = [q.help[locale], q.kind === 'text' && q.maxLength ? m.answerMax(q.maxLength) : ''].filter(Boolean).join(' ');
        const shownTheirs = q.kind === 'choice' && their !== undefined && their !== '' ? (q.options[Number(their)]?.[locale] ?? their) : their;
        return (
          <div class="form-part">
            {q.kind === 'choice' ? (
              <RadioGroup
                name={name}
                legend={q.label[locale]}
                {...(help ? { hint: help } : {})}
                value={value}
                error={errorOf(errors, name)}
                options={q.options.map((o, i) => ({ value: String(i), label: o[locale] }))}
              />
            ) : q.kind === 'number' ? (
              <TextInput name={name} label={q.label[locale]} hint={help || undefined} value={value} error={errorOf(errors, name)} />
            ) : (
              <TextArea name={name} label={q.label[locale]} hint={help || undefined} value={value} error={errorOf(errors, name)} rows={6} />
            )}
            <OtherValue ctx={ctx} savedBy={by} value={theirs(value, their, shownTheirs)} />
          </div>
        );
      })}
    </fieldset>
  );
}
