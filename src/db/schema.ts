import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row types of every table. Names in three languages are stored as columns (name_fi, name_sv,
 * name_en) so that both databases can sort and search them the same way. Times are ISO-8601 UTC
 * strings on both dialects; calendar dates are 'YYYY-MM-DD' strings.
 */
export interface RegionTable {
  code: string;
  nuts3: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  council_name_fi: string;
  council_name_sv: string;
  council_name_en: string;
  council_website: string;
  sort_order: number;
}

export interface StrategyTable {
  id: Generated<number>;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  summary_fi: string;
  summary_sv: string;
  summary_en: string;
  valid_from: string;
  valid_to: string | null;
}

export interface PriorityTable {
  id: Generated<number>;
  strategy_id: number;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  sort_order: number;
}

export interface GrowthSectorTable {
  id: Generated<number>;
  region_code: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: number;
}

export interface GrowthSectorPriorityTable {
  growth_sector_id: number;
  priority_id: number;
}

export interface ChairRotationTable {
  position: number;
  region_code: string;
}

export interface ChairSettingsTable {
  id: number;
  /** The year in which the region at position 0 of the rotation chairs. */
  base_year: number;
}

export interface ChairOverrideTable {
  year: number;
  region_code: string;
  reason: string;
}

export interface ExpertGroupMemberTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  title_fi: string;
  title_sv: string;
  title_en: string;
  organisation: string;
  email: string;
  phone: string | null;
  is_demo: number;
  sort_order: number;
}

export interface AccessibilityFeedbackTable {
  id: Generated<number>;
  reference: string;
  received_at: string;
  locale: string;
  page_url: string | null;
  name: string | null;
  email: string | null;
  message: string;
}

export interface Database {
  regions: RegionTable;
  strategies: StrategyTable;
  priorities: PriorityTable;
  growth_sectors: GrowthSectorTable;
  growth_sector_priorities: GrowthSectorPriorityTable;
  chair_rotation: ChairRotationTable;
  chair_settings: ChairSettingsTable;
  chair_overrides: ChairOverrideTable;
  expert_group_members: ExpertGroupMemberTable;
  accessibility_feedback: AccessibilityFeedbackTable;
}

export type RegionRow = Selectable<RegionTable>;
export type StrategyRow = Selectable<StrategyTable>;
export type PriorityRow = Selectable<PriorityTable>;
export type GrowthSectorRow = Selectable<GrowthSectorTable>;
export type ExpertGroupMemberRow = Selectable<ExpertGroupMemberTable>;
export type NewExpertGroupMember = Insertable<ExpertGroupMemberTable>;
export type StrategyUpdate = Updateable<StrategyTable>;
export type AccessibilityFeedbackRow = Selectable<AccessibilityFeedbackTable>;
