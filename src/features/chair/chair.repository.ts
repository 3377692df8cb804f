import type { ChairRotation } from '../../domain/chair-rotation.js';
import type { Executor } from '../../db/database.js';

/** The rotation as stored: base year, order and single-year overrides. */
export async function loadChairRotation(db: Executor): Promise<ChairRotation> {
  const [settings, order, overrides] = await Promise.all([
    db.selectFrom('chair_settings').select('base_year').where('id', '=', 1).executeTakeFirst(),
    db.selectFrom('chair_rotation').select('region_code').orderBy('position').execute(),
    db.selectFrom('chair_overrides').select(['year', 'region_code']).execute(),
  ]);
  return {
    baseYear: settings?.base_year ?? new Date().getUTCFullYear(),
    order: order.map((r) => r.region_code),
    overrides: Object.fromEntries(overrides.map((o) => [o.year, o.region_code])),
  };
}
