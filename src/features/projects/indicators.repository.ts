import type { Executor } from '../../db/database.js';
import type { ComputedIndicator, IndicatorKind, IndicatorSource, IndicatorUnit } from '../../db/schema.js';
import type { Localised } from '../../i18n/locales.js';

/** The indicator catalogue: EU common indicators, the strategy's own and those officers add, and the strategies' targets. */

export interface Indicator {
  id: number;
  code: string;
  kind: IndicatorKind;
  source: IndicatorSource;
  unit: IndicatorUnit;
  decimals: number;
  computed: ComputedIndicator | null;
  name: Localised;
  description: Localised;
}

const columns = [
  'id',
  'code',
  'kind',
  'source',
  'unit',
  'decimals',
  'computed',
  'name_fi',
  'name_sv',
  'name_en',
  'description_fi',
  'description_sv',
  'description_en',
] as const;

type Row = {
  id: number;
  code: string;
  kind: IndicatorKind;
  source: IndicatorSource;
  unit: IndicatorUnit;
  decimals: number;
  computed: ComputedIndicator | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
};

const toIndicator = (r: Row): Indicator => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  source: r.source,
  unit: r.unit,
  decimals: r.decimals,
  computed: r.computed,
  name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
  description: { fi: r.description_fi, sv: r.description_sv, en: r.description_en },
});

/** The whole catalogue in its order. */
export async function listIndicators(db: Executor): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicators').select(columns).orderBy('sort_order').orderBy('id').execute();
  return rows.map(toIndicator);
}

export async function findIndicator(db: Executor, id: number): Promise<Indicator | null> {
  const row = await db.selectFrom('indicators').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toIndicator(row) : null;
}

export async function indicatorCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export interface NewIndicator {
  code: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  decimals: number;
  name: Localised;
  description: Localised;
}

/** Adds an officer's indicator at the end of the catalogue. */
export async function insertIndicator(db: Executor, indicator: NewIndicator, createdBy: number | null, at: string): Promise<number> {
  const last = await db.selectFrom('indicators').select((eb) => eb.fn.max('sort_order').as('max')).executeTakeFirst();
  const row = await db
    .insertInto('indicators')
    .values({
      code: indicator.code,
      kind: indicator.kind,
      source: 'custom',
      unit: indicator.unit,
      decimals: indicator.decimals,
      computed: null,
      name_fi: indicator.name.fi,
      name_sv: indicator.name.sv,
      name_en: indicator.name.en,
      description_fi: indicator.description.fi,
      description_sv: indicator.description.sv,
      description_en: indicator.description.en,
      sort_order: Number(last?.max ?? 0) + 1,
      created_by: createdBy,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIndicatorTexts(db: Executor, id: number, texts: { name: Localised; description: Localised }): Promise<void> {
  await db
    .updateTable('indicators')
    .set({
      name_fi: texts.name.fi,
      name_sv: texts.name.sv,
      name_en: texts.name.en,
      description_fi: texts.description.fi,
      description_sv: texts.description.sv,
      description_en: texts.description.en,
    })
    .where('id', '=', id)
    .execute();
}

export interface StrategyTarget {
  strategyId: number;
  slug: string;
  name: Localised;
  validFrom: string;
  validTo: string | null;
  /** The strategy-level target in hundredths, or null when none is set. */
  targetHundredths: number | null;
}

/** Every strategy version, newest first, with its target for the indicator. */
export async function listStrategyTargets(db: Executor, indicatorId: number): Promise<StrategyTarget[]> {
  const [strategies, targets] = await Promise.all([
    db.selectFrom('strategies').select(['id', 'slug', 'name_fi', 'name_sv', 'name_en', 'valid_from', 'valid_to']).orderBy('valid_from', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('strategy_indicator_targets').select(['strategy_id', 'target_hundredths']).where('indicator_id', '=', indicatorId).execute(),
  ]);
  const targetOf = new Map(targets.map((t) => [t.strategy_id, Number(t.target_hundredths)]));
  return strategies.map((s) => ({
    strategyId: s.id,
    slug: s.slug,
    name: { fi: s.name_fi, sv: s.name_sv, en: s.name_en },
    validFrom: s.valid_from,
    validTo: s.valid_to,
    targetHundredths: targetOf.get(s.id) ?? null,
  }));
}

/** Sets (or, with null, removes) a strategy's target for an indicator. */
export async function saveStrategyTarget(db: Executor, strategyId: number, indicatorId: number, target: number | null): Promise<void> {
  await db.deleteFrom('strategy_indicator_targets').where('strategy_id', '=', strategyId).where('indicator_id', '=', indicatorId).execute();
  if (target !== null) await db.insertInto('strategy_indicator_targets').values({ strategy_id: strategyId, indicator_id: indicatorId, target_hundredths: target }).execute();
}
