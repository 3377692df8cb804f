import type { Executor } from '../../db/database.js';
import type { ExpertGroupMemberRow } from '../../db/schema.js';
import { localisedColumns, type Localised } from '../../i18n/locales.js';

export interface ExpertGroupMember {
  id: number;
  regionCode: string;
  name: string;
  title: Localised;
  organisation: string;
  email: string;
  phone: string | null;
  /** A fictional person of the demo dataset. */
  isDemo: boolean;
  sortOrder: number;
  /** The member's account, when linked; never published. */
  userId: number | null;
}

function toMember(row: ExpertGroupMemberRow): ExpertGroupMember {
  return {
    id: row.id,
    regionCode: row.region_code,
    name: row.name,
    title: localisedColumns(row, 'title'),
    organisation: row.organisation,
    email: row.email,
    phone: row.phone,
    isDemo: row.is_demo === 1,
    sortOrder: row.sort_order,
    userId: row.user_id,
  };
}

export async function listExpertGroupMembers(db: Executor, filter: { regionCode?: string } = {}): Promise<ExpertGroupMember[]> {
  let query = db
    .selectFrom('expert_group_members')
    .innerJoin('regions', 'regions.code', 'expert_group_members.region_code')
    .selectAll('expert_group_members')
    .orderBy('regions.sort_order')
    .orderBy('expert_group_members.sort_order')
    .orderBy('expert_group_members.id');
  if (filter.regionCode !== undefined) query = query.where('expert_group_members.region_code', '=', filter.regionCode);
  const rows = await query.execute();
  return rows.map(toMember);
}

export async function findExpertGroupMember(db: Executor, id: number): Promise<ExpertGroupMember | undefined> {
  const row = await db.selectFrom('expert_group_members').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMember(row);
}
