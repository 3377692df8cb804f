import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NotificationTables } from './schema-notifications.js';

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
  /** The account of the member, when they have one; the public contact details stay here. */
  user_id: number | null;
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

export type UserStatus = 'invited' | 'active' | 'disabled' | 'erased';

export interface UserTable {
  id: Generated<number>;
  /** Stored lower-cased; unique. */
  email: string;
  name: string;
  locale: string;
  status: UserStatus;
  /** argon2id PHC string; null until an invited user sets a password, or for single sign-on only. */
  password_hash: string | null;
  password_changed_at: string | null;
  /** The TOTP secret, encrypted with the application's secret key (see security/secret-box.ts). */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last TOTP time step accepted, so that a code cannot be used twice. */
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

export const organisationTypes = [
  'university',
  'university-of-applied-sciences',
  'research-institute',
  'municipality',
  'company',
  'association',
  'regional-council',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export interface OrganisationTable {
  id: Generated<number>;
  /** Finnish business ID (Y-tunnus), 1234567-8. */
  business_id: string;
  name: string;
  org_type: OrganisationType;
  region_code: string;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface OrganisationMemberTable {
  organisation_id: number;
  user_id: number;
  is_admin: number;
  created_at: string;
}

export const assignedRoles = ['admin', 'officer', 'expert'] as const;
export type AssignedRole = (typeof assignedRoles)[number];

export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  role: AssignedRole;
  /** The council (region) of an officer or expert; null for administrators. */
  region_code: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a copy of the table does not give anyone a session. */
  id_hash: string;
  user_id: number;
  method: 'password' | 'oidc';
  /** 1 while the second factor is still to be given. */
  mfa_pending: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  ip: string;
  at: string;
}

export type OneTimeTokenPurpose = 'invite' | 'reset' | 'oidc';

export interface OneTimeTokenTable {
  id: Generated<number>;
  token_hash: string;
  purpose: OneTimeTokenPurpose;
  user_id: number | null;
  /** JSON with what the token carries (e.g. the organisation of an invitation). */
  data: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** The first characters of the token, to recognise it in lists. */
  prefix: string;
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'failed';

export interface EmailMessageTable {
  id: Generated<number>;
  user_id: number | null;
  to_address: string;
  locale: string;
  purpose: string;
  subject: string;
  body_text: string;
  status: EmailStatus;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** The one-click unsubscribe address of a subscription message (List-Unsubscribe, RFC 8058). */
  list_unsubscribe: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  /** 'user', 'cli', 'token:<id>', 'anonymous' or 'system'. */
  actor_label: string;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export type CallStoredStatus = 'draft' | 'published' | 'in_review' | 'decided';
export type FundingInstrument = 'erdf' | 'akke' | 'other';
export type CostModelKind = 'flat_rate' | 'itemised';
export type CriterionKind = 'general' | 'content' | 'specifying' | 'horizontal';
export type QuestionKind = 'text' | 'choice' | 'number' | 'file';
export type InquiryStatus = 'open' | 'published' | 'dismissed';
export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn';

export interface CallTable {
  id: Generated<number>;
  reference: string;
  strategy_id: number;
  status: CallStoredStatus;
  instrument: FundingInstrument;
  title_fi: string;
  title_sv: string;
  title_en: string;
  summary_fi: string;
  summary_sv: string;
  summary_en: string;
  body_fi: string;
  body_sv: string;
  body_en: string;
  opens_at: string;
  closes_at: string;
  min_regions: number;
  /** JSON array of OrganisationType. */
  eligible_org_types: string;
  min_grant_cents: number;
  max_grant_cents: number;
  max_aid_rate_bp: number;
  max_duration_months: number;
  lead_region_must_participate: number;
  cost_model: CostModelKind;
  flat_rate_bp: number;
  min_total_score: number;
  contact_email: string;
  version: Generated<number>;
  published_at: string | null;
  review_started_at: string | null;
  decided_at: string | null;
  created_by: number | null;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CallRegionTable {
  call_id: number;
  region_code: string;
  budget_cents: number;
}

export interface CallPriorityTable {
  call_id: number;
  priority_id: number;
}

export interface CallCriterionTable {
  id: Generated<number>;
  call_id: number;
  kind: CriterionKind;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  weight: number;
  sort_order: number;
}

export interface CallQuestionTable {
  id: Generated<number>;
  call_id: number;
  kind: QuestionKind;
  label_fi: string;
  label_sv: string;
  label_en: string;
  help_fi: string;
  help_sv: string;
  help_en: string;
  /** JSON array of {fi, sv, en} for choice questions, [] otherwise. */
  options: string;
  required: number;
  max_length: number | null;
  sort_order: number;
}

export interface CallCorrectionTable {
  id: Generated<number>;
  call_id: number;
  note_fi: string;
  note_sv: string;
  note_en: string;
  /** JSON array of field names. */
  changed_fields: string;
  corrected_by: number | null;
  corrected_at: string;
}

export interface CallInquiryTable {
  id: Generated<number>;
  call_id: number;
  asked_by: number | null;
  question: string;
  locale: string;
  asked_at: string;
  public_question: string | null;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  status: InquiryStatus;
}

export interface ApplicationTable {
  id: Generated<number>;
  call_id: number;
  lead_organisation_id: number;
  status: ApplicationStatus;
  title: string;
  summary: string;
  priority_id: number | null;
  start_date: string | null;
  end_date: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
  submitted_at: string | null;
  withdrawn_at: string | null;
  is_demo: Generated<number>;
}

export interface ApplicationGrowthSectorTable {
  application_id: number;
  growth_sector_id: number;
}

export interface ApplicationSectionTable {
  application_id: number;
  section: string;
  body: string;
  is_secret: Generated<number>;
}

export interface ApplicationPartnerTable {
  id: Generated<number>;
  application_id: number;
  organisation_id: number;
  is_lead: number;
  region_code: string;
  unit: string;
  role_description: string;
  contact_name: string;
  contact_email: string;
  requested_cents: Generated<number>;
  own_funding_cents: Generated<number>;
  other_public_cents: Generated<number>;
  version: Generated<number>;
  sort_order: number;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ApplicationPartnerCostTable {
  partner_id: number;
  category: string;
  amount_cents: number;
}

export interface ApplicationEditorTable {
  application_id: number;
  user_id: number;
  partner_id: number;
  invited_by: number | null;
  created_at: string;
}

export interface ApplicationIndicatorTable {
  id: Generated<number>;
  application_id: number;
  name: string;
  unit: string;
  target_value: number;
  sort_order: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  application_id: number;
  question_id: number | null;
  filename: string;
  description: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface ApplicationAnswerTable {
  application_id: number;
  question_id: number;
  value: string;
}

export interface ApplicationSubmissionTable {
  id: Generated<number>;
  application_id: number;
  receipt_number: string;
  submitted_at: string;
  submitted_by: number | null;
  content_sha256: string;
  snapshot: string;
  withdrawn_at: string | null;
}

export type AssignmentMethod = 'manual' | 'automatic';
/**
 * A reviewer's standing on one application: waiting for their disqualification declaration, cleared
 * to review, disqualified by their own declaration, or barred automatically (a member of a partner).
 */
export type AssignmentStatus = 'awaiting-declaration' | 'cleared' | 'disqualified' | 'barred';
export type FundingOutcome = 'funded' | 'reserve' | 'not-fundable' | 'ineligible';

export interface ReviewAssignmentTable {
  id: Generated<number>;
  application_id: number;
  reviewer_id: number;
  method: AssignmentMethod;
  status: AssignmentStatus;
  /** Why the system barred the reviewer ('partner-member'); null otherwise. */
  barred_reason: string | null;
  assigned_by: number | null;
  assigned_at: string;
  declared_at: string | null;
  /** JSON array of the grounds of hallintolaki 28 § the reviewer declared; null or [] when none apply. */
  disqualification_grounds: string | null;
  declaration_note: string | null;
  /** When the reviewer submitted their scores; they are final from then on. */
  submitted_at: string | null;
}

export interface ReviewScoreTable {
  assignment_id: number;
  criterion_id: number;
  /** 0–5 or 0–3 by the criterion's kind; 1 = passed, 0 = failed for a general criterion; null while unscored. */
  score: number | null;
  comment: string;
  updated_at: string;
}

export interface ConsensusScoreTable {
  application_id: number;
  criterion_id: number;
  score: number;
  justification: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface ApplicationAssessmentTable {
  application_id: number;
  /** Set when officers find the application formally ineligible, with the reason shown to the applicant. */
  ineligible_reason: string | null;
  ineligible_by: number | null;
  ineligible_at: string | null;
  /** A grant fixed by officers below the requested one; null to grant what was requested. */
  fixed_grant_cents: number | null;
  fixed_reason: string | null;
  fixed_by: number | null;
  fixed_at: string | null;
}

export interface FundingProposalTable {
  id: Generated<number>;
  call_id: number;
  /** Canonical JSON of the allocation the councils decide on (see decisions/funding-proposal.ts). */
  snapshot: string;
  sha256: string;
  confirmed_by: number | null;
  confirmed_at: string;
}

export interface CouncilDecisionTable {
  id: Generated<number>;
  call_id: number;
  proposal_id: number;
  region_code: string;
  decision_number: string;
  /** YYYY-MM-DD, the date of the decision in Helsinki. */
  decision_date: string;
  decision_maker: string;
  grounds: string;
  recorded_by: number | null;
  recorded_at: string;
}

export interface CouncilDecisionShareTable {
  decision_id: number;
  application_id: number;
  outcome: FundingOutcome;
  requested_cents: number;
  granted_cents: number;
}

export interface DecisionLetterTable {
  application_id: number;
  locale: string;
  outcome: FundingOutcome;
  filename: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  /** When the last council involved decided, which made the outcome final. */
  final_at: string;
  created_at: string;
}

export interface EmailAttachmentTable {
  id: Generated<number>;
  email_id: number;
  filename: string;
  content_type: string;
  content: Buffer;
}

/** 'ongoing' until officers accept the final report; then 'completed'. */
export type ProjectStatus = 'ongoing' | 'completed';
export const projectStatuses = ['ongoing', 'completed'] as const satisfies readonly ProjectStatus[];
export type ReportingPeriodKind = 'progress' | 'final';
/** A report is a draft of the lead partner, then submitted; officers accept it or return it for changes (then it can be submitted again). */
export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';
export type IndicatorKind = 'output' | 'result';
/** EU common indicators (RCO/RCR codes), the strategy's own, and those officers add. */
export type IndicatorSource = 'eu' | 'strategy' | 'custom';
export type IndicatorUnit = 'count' | 'fte' | 'eur' | 'percent' | 'tonnes' | 'mwh';
/** Strategy indicators the platform computes from the projects instead of asking them from reports. */
export type ComputedIndicator = 'cross-regional-projects' | 'regions-per-project' | 'funding-per-priority';

export interface ProjectTable {
  id: Generated<number>;
  application_id: number;
  call_id: number;
  strategy_id: number;
  priority_id: number | null;
  lead_organisation_id: number;
  instrument: FundingInstrument;
  /** Copied from the submitted application when the outcome became final: public facts. */
  title: string;
  summary: string;
  start_date: string | null;
  end_date: string | null;
  /** The year (Helsinki) in which the outcome became final. */
  decision_year: number;
  /** Sum of the councils' grants (project_funding). */
  granted_cents: number;
  /** Number of distinct regions of the partners. */
  region_count: number;
  /** The same regions as a set of bits (domain/region-mask.ts), for the dashboard's pairs of regions. */
  region_mask: number;
  status: ProjectStatus;
  funded_at: string;
  completed_at: string | null;
  is_demo: Generated<number>;
  updated_at: string;
}

export interface ProjectPartnerTable {
  id: Generated<number>;
  project_id: number;
  application_partner_id: number;
  organisation_id: number;
  region_code: string;
  is_lead: number;
  requested_cents: number;
  sort_order: number;
}

export interface ProjectFundingTable {
  project_id: number;
  region_code: string;
  granted_cents: number;
  decision_id: number;
}

export interface ReportingPeriodTable {
  id: Generated<number>;
  project_id: number;
  kind: ReportingPeriodKind;
  /** YYYY-MM-DD. */
  period_start: string;
  period_end: string;
  /** The last day (Helsinki) on which the report is on time. */
  due_date: string;
  created_by: number | null;
  created_at: string;
}

export interface ProjectReportTable {
  id: Generated<number>;
  period_id: number;
  project_id: number;
  status: ReportStatus;
  narrative: string;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: string;
  submitted_by: number | null;
  submitted_at: string | null;
  /** The first submission: whether the report was on time is judged by it (see domain/project-reporting.ts). */
  first_submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  /** The officers' comment when returning (or accepting) the report. */
  review_comment: string | null;
}

/** Spending to date (cumulative) of one partner, as of the report's period end. */
export interface ReportSpendingTable {
  report_id: number;
  project_partner_id: number;
  spent_cents: number;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  kind: IndicatorKind;
  source: IndicatorSource;
  unit: IndicatorUnit;
  /** Decimals shown and accepted (values are stored in hundredths). */
  decimals: Generated<number>;
  computed: ComputedIndicator | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: string;
  description_sv: string;
  description_en: string;
  sort_order: number;
  created_by: number | null;
  created_at: string;
}

export interface ProjectIndicatorTable {
  project_id: number;
  indicator_id: number;
  /** The project's target in hundredths of the unit. */
  target_hundredths: number;
}

/** A value reported to date (cumulative) in hundredths of the indicator's unit. */
export interface ReportIndicatorValueTable {
  report_id: number;
  indicator_id: number;
  value_hundredths: number;
}

export interface StrategyIndicatorTargetTable {
  strategy_id: number;
  indicator_id: number;
  target_hundredths: number;
}

/** The project database's inverted index: one stemmed key per project with the weight of the best field it occurs in. */
export interface ProjectSearchTermTable {
  term: string;
  project_id: number;
  weight: number;
}

export interface Database extends NotificationTables {
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
  users: UserTable;
  organisations: OrganisationTable;
  organisation_members: OrganisationMemberTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  one_time_tokens: OneTimeTokenTable;
  recovery_codes: RecoveryCodeTable;
  api_tokens: ApiTokenTable;
  email_messages: EmailMessageTable;
  audit_log: AuditLogTable;
  calls: CallTable;
  call_regions: CallRegionTable;
  call_priorities: CallPriorityTable;
  call_criteria: CallCriterionTable;
  call_questions: CallQuestionTable;
  call_corrections: CallCorrectionTable;
  call_inquiries: CallInquiryTable;
  applications: ApplicationTable;
  application_growth_sectors: ApplicationGrowthSectorTable;
  application_sections: ApplicationSectionTable;
  application_partners: ApplicationPartnerTable;
  application_partner_costs: ApplicationPartnerCostTable;
  application_editors: ApplicationEditorTable;
  application_indicators: ApplicationIndicatorTable;
  attachments: AttachmentTable;
  application_answers: ApplicationAnswerTable;
  application_submissions: ApplicationSubmissionTable;
  review_assignments: ReviewAssignmentTable;
  review_scores: ReviewScoreTable;
  consensus_scores: ConsensusScoreTable;
  application_assessments: ApplicationAssessmentTable;
  funding_proposals: FundingProposalTable;
  council_decisions: CouncilDecisionTable;
  council_decision_shares: CouncilDecisionShareTable;
  decision_letters: DecisionLetterTable;
  email_attachments: EmailAttachmentTable;
  projects: ProjectTable;
  project_partners: ProjectPartnerTable;
  project_funding: ProjectFundingTable;
  reporting_periods: ReportingPeriodTable;
  project_reports: ProjectReportTable;
  report_spending: ReportSpendingTable;
  indicators: IndicatorTable;
  project_indicators: ProjectIndicatorTable;
  report_indicator_values: ReportIndicatorValueTable;
  strategy_indicator_targets: StrategyIndicatorTargetTable;
  project_search_terms: ProjectSearchTermTable;
}

export type RegionRow = Selectable<RegionTable>;
export type StrategyRow = Selectable<StrategyTable>;
export type PriorityRow = Selectable<PriorityTable>;
export type GrowthSectorRow = Selectable<GrowthSectorTable>;
export type ExpertGroupMemberRow = Selectable<ExpertGroupMemberTable>;
export type NewExpertGroupMember = Insertable<ExpertGroupMemberTable>;
export type StrategyUpdate = Updateable<StrategyTable>;
export type AccessibilityFeedbackRow = Selectable<AccessibilityFeedbackTable>;
export type UserRow = Selectable<UserTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type SessionRow = Selectable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type EmailMessageRow = Selectable<EmailMessageTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type CallRow = Selectable<CallTable>;
export type CallCriterionRow = Selectable<CallCriterionTable>;
export type CallQuestionRow = Selectable<CallQuestionTable>;
export type CallCorrectionRow = Selectable<CallCorrectionTable>;
export type CallInquiryRow = Selectable<CallInquiryTable>;
export type ApplicationRow = Selectable<ApplicationTable>;
export type ApplicationPartnerRow = Selectable<ApplicationPartnerTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type ApplicationSubmissionRow = Selectable<ApplicationSubmissionTable>;
export type ReviewAssignmentRow = Selectable<ReviewAssignmentTable>;
export type ReviewScoreRow = Selectable<ReviewScoreTable>;
export type ConsensusScoreRow = Selectable<ConsensusScoreTable>;
export type ApplicationAssessmentRow = Selectable<ApplicationAssessmentTable>;
export type CouncilDecisionRow = Selectable<CouncilDecisionTable>;
export type ProjectRow = Selectable<ProjectTable>;
export type ReportingPeriodRow = Selectable<ReportingPeriodTable>;
export type ProjectReportRow = Selectable<ProjectReportTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
