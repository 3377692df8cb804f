import type { Db, Executor } from '../../db/database.js';
import { checkVersionEdit, planNewVersion, type PeriodProblem } from '../../domain/strategy-succession.js';
import { AppError } from '../../http/errors.js';
import type { Localised } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { listPriorities, listStrategies, type Priority, type Strategy } from './strategy.repository.js';

export interface VersionInput {
  slug: string;
  name: Localised;
  summary: Localised;
  validFrom: string;
  validTo: string | null;
}

export interface PriorityInput {
  /** Null for a new priority. */
  id: number | null;
  slug: string;
  name: Localised;
  description: Localised;
  /** Position as the officer numbered it; ties keep the order of the form. */
  order: number;
  remove: boolean;
  /** The form row it came from, so a problem can be shown at its fields. */
  field: string;
}

export type StrategyProblem =
  | PeriodProblem
  | { kind: 'priority-linked'; field: string; priority: Localised; sectors: Localised[] }
  | { kind: 'priority-unknown'; field: string };

export type StrategyResult = { ok: true; id: number } | { ok: false; problems: StrategyProblem[] };

function versionSnapshot(s: Strategy | (VersionInput & { id: number }), priorities: ReadonlyArray<Omit<Priority, 'strategyId'>>) {
  return {
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    validFrom: s.validFrom,
    validTo: s.validTo,
    priorities: priorities.map((p) => ({ id: p.id, slug: p.slug, name: p.name, description: p.description })),
  };
}

const strategyColumns = (v: VersionInput) => ({
  slug: v.slug,
  name_fi: v.name.fi,
  name_sv: v.name.sv,
  name_en: v.name.en,
  summary_fi: v.summary.fi,
  summary_sv: v.summary.sv,
  summary_en: v.summary.en,
  valid_from: v.validFrom,
  valid_to: v.validTo,
});

const priorityColumns = (p: PriorityInput, sortOrder: number) => ({
  slug: p.slug,
  name_fi: p.name.fi,
  name_sv: p.name.sv,
  name_en: p.name.en,
  description_fi: p.description.fi,
  description_sv: p.description.sv,
  description_en: p.description.en,
  sort_order: sortOrder,
});

/** Kept priorities in the order the officer numbered them. */
function ordered(priorities: readonly PriorityInput[]): PriorityInput[] {
  return priorities
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !p.remove)
    .sort((a, b) => a.p.order - b.p.order || a.index - b.index)
    .map(({ p }) => p);
}

/**
 * Adds a strategy version with its priorities. The version before it is closed the day before it
 * begins (see domain/strategy-succession.ts), recorded as its own audit entry.
 */
export async function createStrategyVersion(
  db: Db,
  actor: Actor,
  input: VersionInput & { priorities: PriorityInput[] },
  now: Date,
): Promise<StrategyResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await listStrategies(trx);
    const plan = planNewVersion(existing, input);
    if (!plan.ok) return { ok: false, problems: [...plan.problems] };
    for (const close of plan.closes) {
      const before = existing.find((s) => s.id === close.id)!;
      await trx.updateTable('strategies').set({ valid_to: close.validTo }).where('id', '=', close.id).execute();
      await appendAudit(
        trx,
        actor,
        {
          action: 'strategy.version-closed',
          entityType: 'strategy',
          entityId: close.id,
          before: { slug: before.slug, validTo: before.validTo },
          after: { slug: before.slug, validTo: close.validTo, closedBy: input.slug },
        },
        now,
      );
    }
    const { id } = await trx.insertInto('strategies').values(strategyColumns(input)).returning('id').executeTakeFirstOrThrow();
    const kept = ordered(input.priorities.filter((p) => p.id === null));
    for (const [index, p] of kept.entries()) {
      await trx.insertInto('priorities').values({ strategy_id: id, ...priorityColumns(p, index) }).execute();
    }
    const priorities = await listPriorities(trx, { strategyIds: [id] });
    await appendAudit(
      trx,
      actor,
      { action: 'strategy.version-created', entityType: 'strategy', entityId: id, after: versionSnapshot({ ...input, id }, priorities) },
      now,
    );
    return { ok: true, id };
  });
}

async function linkedSectors(trx: Executor, priorityId: number): Promise<Localised[]> {
  const rows = await trx
    .selectFrom('growth_sector_priorities as l')
    .innerJoin('growth_sectors as s', 's.id', 'l.growth_sector_id')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .select(['s.name_fi', 's.name_sv', 's.name_en', 'r.name_fi as region_fi', 'r.name_sv as region_sv', 'r.name_en as region_en'])
    .where('l.priority_id', '=', priorityId)
    .orderBy('r.sort_order')
    .orderBy('s.sort_order')
    .execute();
  return rows.map((r) => ({ fi: `${r.name_fi} (${r.region_fi})`, sv: `${r.name_sv} (${r.region_sv})`, en: `${r.name_en} (${r.region_en})` }));
}

/**
 * Saves a version's texts and dates and its priorities as edited: changed, added, removed and
 * renumbered in one go. A priority that growth sectors are linked to is not removed: the links
 * belong to the regions' officers, so they unlink first rather than lose them as a side effect.
 */
export async function updateStrategyVersion(
  db: Db,
  actor: Actor,
  id: number,
  input: VersionInput & { priorities: PriorityInput[] },
  now: Date,
): Promise<StrategyResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await listStrategies(trx);
    const before = existing.find((s) => s.id === id);
    if (!before) throw new AppError('STRATEGY_NOT_FOUND');
    const beforePriorities = await listPriorities(trx, { strategyIds: [id] });
    const problems: StrategyProblem[] = checkVersionEdit(existing, id, input);
    for (const p of input.priorities) {
      if (p.id === null) continue;
      const current = beforePriorities.find((b) => b.id === p.id);
      if (!current) {
        problems.push({ kind: 'priority-unknown', field: p.field });
        continue;
      }
      if (p.remove) {
        const sectors = await linkedSectors(trx, p.id);
        if (sectors.length > 0) problems.push({ kind: 'priority-linked', field: p.field, priority: current.name, sectors });
      }
    }
    if (problems.length > 0) return { ok: false, problems };

    await trx.updateTable('strategies').set(strategyColumns(input)).where('id', '=', id).execute();
    for (const p of input.priorities) {
      if (p.id !== null && p.remove) await trx.deleteFrom('priorities').where('id', '=', p.id).where('strategy_id', '=', id).execute();
    }
    const kept = ordered(input.priorities);
    // Identifiers may be swapped between priorities; park them first so the unique index never sees two alike.
    for (const p of kept) {
      if (p.id !== null) await trx.updateTable('priorities').set({ slug: `~${p.id}` }).where('id', '=', p.id).execute();
    }
    for (const [index, p] of kept.entries()) {
      if (p.id === null) await trx.insertInto('priorities').values({ strategy_id: id, ...priorityColumns(p, index) }).execute();
      else await trx.updateTable('priorities').set(priorityColumns(p, index)).where('id', '=', p.id).execute();
    }
    const afterPriorities = await listPriorities(trx, { strategyIds: [id] });
    await appendAudit(
      trx,
      actor,
      {
        action: 'strategy.version-updated',
        entityType: 'strategy',
        entityId: id,
        before: versionSnapshot(before, beforePriorities),
        after: versionSnapshot({ ...input, id }, afterPriorities),
      },
      now,
    );
    return { ok: true, id };
  });
}
