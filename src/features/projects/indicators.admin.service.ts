import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { IndicatorKind, IndicatorUnit } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';
import type { Localised, Locale } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { postedFields } from '../strategy/strategy.admin.form.js';
import { indicatorsAdminMessages } from './indicators.admin.messages.js';
import { findIndicator, indicatorCodeTaken, insertIndicator, listStrategyTargets, saveStrategyTarget, updateIndicatorTexts, type NewIndicator } from './indicators.repository.js';
import { numberMessage, parseHundredths } from './projects.admin.form.js';

/**
 * The officers' indicator catalogue: adding an indicator, editing its names and descriptions (its
 * code, kind, unit and decimals stay, as reports already count in them), and the strategies'
 * targets for it. Each change in one transaction with its audit entry.
 */

export const indicatorKinds = ['output', 'result'] as const satisfies readonly IndicatorKind[];
export const indicatorUnits = ['count', 'fte', 'eur', 'percent', 'tonnes', 'mwh'] as const satisfies readonly IndicatorUnit[];
export const indicatorLimits = { name: 300, description: 4000 } as const;
const codePattern = /^[A-Z0-9-]{2,32}$/;

export interface IndicatorTextsForm {
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
}

export interface IndicatorForm extends IndicatorTextsForm {
  code: string;
  kind: string;
  unit: string;
  decimals: string;
}

const textFields = ['name_fi', 'name_sv', 'name_en', 'description_fi', 'description_sv', 'description_en'] as const;

export function readTextsForm(body: unknown): IndicatorTextsForm {
  const f = postedFields(body);
  return Object.fromEntries(textFields.map((name) => [name, f.one(name).replace(/\r\n/g, '\n').trim()])) as unknown as IndicatorTextsForm;
}

export function readIndicatorForm(body: unknown): IndicatorForm {
  const f = postedFields(body);
  return { ...readTextsForm(body), code: f.one('code').trim().toUpperCase(), kind: f.one('kind').trim(), unit: f.one('unit').trim(), decimals: f.one('decimals').trim() };
}

function validateTexts(form: IndicatorTextsForm, locale: Locale, errors: FieldError[]): { name: Localised; description: Localised } {
  const m = indicatorsAdminMessages[locale];
  const labels = { name_fi: m.nameFi, name_sv: m.nameSv, name_en: m.nameEn, description_fi: m.descriptionFi, description_sv: m.descriptionSv, description_en: m.descriptionEn };
  for (const field of textFields) {
    const max = field.startsWith('name') ? indicatorLimits.name : indicatorLimits.description;
    if (form[field] === '') errors.push({ field, message: m.required(labels[field]) });
    else if ([...form[field]].length > max) errors.push({ field, message: m.tooLong(labels[field], max) });
  }
  return {
    name: { fi: form.name_fi, sv: form.name_sv, en: form.name_en },
    description: { fi: form.description_fi, sv: form.description_sv, en: form.description_en },
  };
}

export function validateTextsForm(form: IndicatorTextsForm, locale: Locale): { ok: true; value: { name: Localised; description: Localised } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = validateTexts(form, locale, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Every field of a new indicator, each with a message naming it; whether the code is free is checked in `createIndicator`. */
export function validateIndicatorForm(form: IndicatorForm, locale: Locale): { ok: true; value: NewIndicator } | { ok: false; errors: FieldError[] } {
  const m = indicatorsAdminMessages[locale];
  const errors: FieldError[] = [];
  if (form.code === '') errors.push({ field: 'code', message: m.required(m.code) });
  else if (!codePattern.test(form.code)) errors.push({ field: 'code', message: m.codeFormat });
  const kind = indicatorKinds.find((k) => k === form.kind);
  if (!kind) errors.push({ field: 'kind', message: m.kindRequired });
  const unit = indicatorUnits.find((u) => u === form.unit);
  if (!unit) errors.push({ field: 'unit', message: m.unitRequired });
  const decimals = /^[0-2]$/.test(form.decimals) ? Number(form.decimals) : null;
  if (decimals === null) errors.push({ field: 'decimals', message: m.decimalsRequired });
  const texts = validateTexts(form, locale, errors);
  if (errors.length > 0 || !kind || !unit || decimals === null) return { ok: false, errors };
  return { ok: true, value: { code: form.code, kind, unit, decimals, ...texts } };
}

export async function createIndicator(db: Db, actor: Actor, indicator: NewIndicator, now: Date): Promise<{ ok: true; id: number } | { ok: false; reason: 'code-taken' }> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (await indicatorCodeTaken(trx, indicator.code)) return { ok: false as const, reason: 'code-taken' as const };
      const id = await insertIndicator(trx, indicator, actor.userId, now.toISOString());
      await appendAudit(trx, actor, { action: 'indicator.created', entityType: 'indicator', entityId: id, after: { ...indicator, source: 'custom' } }, now);
      return { ok: true as const, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'code-taken' };
    throw error;
  }
}

export async function updateIndicator(db: Db, actor: Actor, id: number, texts: { name: Localised; description: Localised }, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findIndicator(trx, id);
    if (!before) return false;
    await updateIndicatorTexts(trx, id, texts);
    await appendAudit(trx, actor, { action: 'indicator.updated', entityType: 'indicator', entityId: id, before: { name: before.name, description: before.description }, after: texts }, now);
    return true;
  });
}

/** The strategy targets form: a field per strategy version, `target_<strategyId>`; empty means no target. */
export function readTargetsForm(body: unknown, strategyIds: readonly number[]): Map<number, string> {
  const f = postedFields(body);
  return new Map(strategyIds.map((id) => [id, f.one(`target_${id}`).trim()]));
}

export function hasAnyTargetField(body: unknown, strategyIds: readonly number[]): boolean {
  const f = postedFields(body);
  return strategyIds.some((id) => f.all(`target_${id}`).length > 0);
}

export function validateTargetsForm(
  typed: ReadonlyMap<number, string>,
  decimals: number,
  labels: ReadonlyMap<number, string>,
  locale: Locale,
): { ok: true; value: Map<number, number | null> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value = new Map<number, number | null>();
  for (const [strategyId, text] of typed) {
    if (text === '') {
      value.set(strategyId, null);
      continue;
    }
    const parsed = parseHundredths(text, decimals);
    if (parsed.ok) value.set(strategyId, parsed.value);
    else errors.push({ field: `target_${strategyId}`, message: numberMessage(locale, labels.get(strategyId) ?? '', parsed.problem, decimals) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Saves the strategies' targets for an indicator; the audit entry lists those that changed. */
export async function saveStrategyTargets(db: Db, actor: Actor, indicatorId: number, targets: ReadonlyMap<number, number | null>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = new Map((await listStrategyTargets(trx, indicatorId)).map((s) => [s.strategyId, s.targetHundredths]));
    const changed = [...targets].filter(([strategyId, target]) => before.has(strategyId) && before.get(strategyId) !== target);
    for (const [strategyId, target] of changed) await saveStrategyTarget(trx, strategyId, indicatorId, target);
    if (changed.length > 0) {
      await appendAudit(
        trx,
        actor,
        {
          action: 'indicator.targets-set',
          entityType: 'indicator',
          entityId: indicatorId,
          before: changed.map(([strategyId]) => ({ strategyId, targetHundredths: before.get(strategyId) ?? null })),
          after: changed.map(([strategyId, targetHundredths]) => ({ strategyId, targetHundredths })),
        },
        now,
      );
    }
    return changed.length;
  });
}
