import type { CriterionKind, QuestionKind } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';
import type { Locale, Localised } from '../../i18n/locales.js';
import { FieldChecks, postedFields } from '../strategy/strategy.admin.form.js';
import { strategyAdminMessages } from '../strategy/strategy.admin.messages.js';
import { callCriteriaMessages } from './call-criteria.messages.js';
import { criterionKinds, questionKinds, type CorrectionNote, type CriterionInput, type QuestionInput } from './call-criteria.service.js';
import type { CallQuestion, Criterion } from './calls.repository.js';

export const criteriaLimits = { name: 300, description: 4000, label: 1000, help: 4000, note: 4000, option: 300, options: 30, maxLength: 100_000 } as const;

/** The correction announcement as typed. */
export interface NoteForm {
  note_fi: string;
  note_sv: string;
  note_en: string;
}

export interface CriterionForm extends NoteForm {
  kind: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  weight: string;
}

export interface QuestionForm extends NoteForm {
  kind: string;
  label_fi: string;
  label_sv: string;
  label_en: string;
  help_fi: string;
  help_sv: string;
  help_en: string;
  options_fi: string;
  options_sv: string;
  options_en: string;
  required: boolean;
  max_length: string;
}

export const emptyNote: NoteForm = { note_fi: '', note_sv: '', note_en: '' };

const criterionKeys = ['kind', 'name_fi', 'name_sv', 'name_en', 'description_fi', 'description_sv', 'description_en', 'weight', 'note_fi', 'note_sv', 'note_en'] as const;
const questionKeys = [
  'kind', 'label_fi', 'label_sv', 'label_en', 'help_fi', 'help_sv', 'help_en', 'options_fi', 'options_sv', 'options_en', 'max_length', 'note_fi', 'note_sv', 'note_en',
] as const;

export function readNoteForm(body: unknown): NoteForm {
  const f = postedFields(body);
  return { note_fi: f.one('note_fi'), note_sv: f.one('note_sv'), note_en: f.one('note_en') };
}

export function readCriterionForm(body: unknown): CriterionForm {
  const f = postedFields(body);
  return Object.fromEntries(criterionKeys.map((k) => [k, f.one(k)])) as unknown as CriterionForm;
}

export function readQuestionForm(body: unknown): QuestionForm {
  const f = postedFields(body);
  return { ...(Object.fromEntries(questionKeys.map((k) => [k, f.one(k)])) as Omit<QuestionForm, 'required'>), required: f.one('required') !== '' };
}

export function criterionFormOf(c: Criterion | null): CriterionForm {
  return {
    kind: c?.kind ?? '',
    name_fi: c?.name.fi ?? '',
    name_sv: c?.name.sv ?? '',
    name_en: c?.name.en ?? '',
    description_fi: c?.description.fi ?? '',
    description_sv: c?.description.sv ?? '',
    description_en: c?.description.en ?? '',
    weight: c ? String(c.weight) : '1',
    ...emptyNote,
  };
}

export function questionFormOf(q: CallQuestion | null): QuestionForm {
  const lines = (l: Locale) => (q?.options ?? []).map((o) => o[l]).join('\n');
  const translated = (l: Locale) => (q?.options ?? []).some((o) => o[l] !== '');
  return {
    kind: q?.kind ?? '',
    label_fi: q?.label.fi ?? '',
    label_sv: q?.label.sv ?? '',
    label_en: q?.label.en ?? '',
    help_fi: q?.help.fi ?? '',
    help_sv: q?.help.sv ?? '',
    help_en: q?.help.en ?? '',
    options_fi: lines('fi'),
    options_sv: translated('sv') ? lines('sv') : '',
    options_en: translated('en') ? lines('en') : '',
    required: q ? q.required : true,
    max_length: q?.maxLength != null ? String(q.maxLength) : '',
    ...emptyNote,
  };
}

type Checked<T> = { ok: true; value: T; note: CorrectionNote | null } | { ok: false; errors: FieldError[] };

/** The announcement, required (in Finnish) only when the call is already published. */
function checkNote(c: FieldChecks, form: NoteForm, locale: Locale, needed: boolean): CorrectionNote | null {
  const m = callCriteriaMessages[locale];
  if (!needed) return null;
  if (form.note_fi.trim() === '') c.add('note_fi', m.noteRequired);
  return {
    fi: c.text('note_fi', m.noteFi, form.note_fi, criteriaLimits.note),
    sv: c.text('note_sv', m.noteSv, form.note_sv, criteriaLimits.note, false),
    en: c.text('note_en', m.noteEn, form.note_en, criteriaLimits.note, false),
  };
}

function localised(c: FieldChecks, form: Record<string, string>, prefix: string, labels: Localised, max: number, fiRequired: boolean): Localised {
  return {
    fi: c.text(`${prefix}_fi`, labels.fi, form[`${prefix}_fi`] ?? '', max, fiRequired),
    sv: c.text(`${prefix}_sv`, labels.sv, form[`${prefix}_sv`] ?? '', max, false),
    en: c.text(`${prefix}_en`, labels.en, form[`${prefix}_en`] ?? '', max, false),
  };
}

export function validateNote(form: NoteForm, locale: Locale): Checked<null> {
  const c = new FieldChecks(strategyAdminMessages[locale]);
  const note = checkNote(c, form, locale, true);
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, value: null, note };
}

export function validateCriterionForm(form: CriterionForm, locale: Locale, noteNeeded: boolean): Checked<CriterionInput> {
  const m = callCriteriaMessages[locale];
  const c = new FieldChecks(strategyAdminMessages[locale]);
  const kind = criterionKinds.find((k) => k === form.kind);
  if (!kind) c.add('kind', m.chooseKind);
  const f = form as unknown as Record<string, string>;
  const name = localised(c, f, 'name', { fi: m.nameFi, sv: m.nameSv, en: m.nameEn }, criteriaLimits.name, true);
  const description = localised(c, f, 'description', { fi: m.descriptionFi, sv: m.descriptionSv, en: m.descriptionEn }, criteriaLimits.description, false);
  const weight = c.wholeNumber('weight', m.weight, form.weight, 1, 10);
  const note = checkNote(c, form, locale, noteNeeded);
  if (c.errors.length > 0 || !kind) return { ok: false, errors: c.errors };
  return { ok: true, value: { kind, name, description, weight }, note };
}

const optionLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function validateQuestionForm(form: QuestionForm, locale: Locale, noteNeeded: boolean): Checked<QuestionInput> {
  const m = callCriteriaMessages[locale];
  const c = new FieldChecks(strategyAdminMessages[locale]);
  const kind: QuestionKind | undefined = questionKinds.find((k) => k === form.kind);
  if (!kind) c.add('kind', m.chooseQuestionKind);
  const f = form as unknown as Record<string, string>;
  const label = localised(c, f, 'label', { fi: m.labelFi, sv: m.labelSv, en: m.labelEn }, criteriaLimits.label, true);
  const help = localised(c, f, 'help', { fi: m.helpFi, sv: m.helpSv, en: m.helpEn }, criteriaLimits.help, false);

  let options: Localised[] = [];
  if (kind === 'choice') {
    const lists = { fi: optionLines(form.options_fi), sv: optionLines(form.options_sv), en: optionLines(form.options_en) };
    const labels = { fi: m.optionsFi, sv: m.optionsSv, en: m.optionsEn };
    if (lists.fi.length < 2) c.add('options_fi', m.optionsRequired);
    else if (lists.fi.length > criteriaLimits.options) c.add('options_fi', m.tooManyOptions(criteriaLimits.options));
    for (const l of ['fi', 'sv', 'en'] as const) {
      if (lists[l].some((line) => line.length > criteriaLimits.option)) c.add(`options_${l}`, m.optionTooLong(labels[l], criteriaLimits.option));
      if (l !== 'fi' && lists[l].length > 0 && lists[l].length !== lists.fi.length) {
        c.add(`options_${l}`, m.optionsMismatch(labels[l], lists[l].length, lists.fi.length));
      }
    }
    options = lists.fi.map((fi, i) => ({ fi, sv: lists.sv[i] ?? '', en: lists.en[i] ?? '' }));
  }

  let maxLength: number | null = null;
  if (kind === 'text' && form.max_length.trim() !== '') {
    maxLength = c.wholeNumber('max_length', m.maxLength, form.max_length.replace(/[\s\u00a0]/g, ''), 1, criteriaLimits.maxLength);
  }
  const note = checkNote(c, form, locale, noteNeeded);
  if (c.errors.length > 0 || !kind) return { ok: false, errors: c.errors };
  return { ok: true, value: { kind, label, help, options, required: form.required, maxLength }, note };
}

export const isCriterionKind = (v: string): v is CriterionKind => (criterionKinds as readonly string[]).includes(v);
