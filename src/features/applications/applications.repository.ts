import type { Executor } from '../../db/database.js';
import type { ApplicationStatus, OrganisationType } from '../../db/schema.js';
import {
  applicationSections,
  costCategories,
  type ApplicationDraft,
  type ApplicationSection,
  type CostCategory,
} from '../../domain/eligibility.js';

export interface Application {
  id: number;
  callId: number;
  leadOrganisationId: number;
  status: ApplicationStatus;
  title: string;
  summary: string;
  priorityId: number | null;
  startDate: string | null;
  endDate: string | null;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: number | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  isDemo: boolean;
}

export interface ApplicationPartner {
  id: number;
  organisationId: number;
  businessId: string;
  name: string;
  orgType: OrganisationType;
  isLead: boolean;
  regionCode: string;
  unit: string;
  roleDescription: string;
  contactName: string;
  contactEmail: string;
  costs: Partial<Record<CostCategory, number>>;
  requestedCents: number;
  ownFundingCents: number;
  otherPublicCents: number;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

export interface ApplicationSectionText {
  body: string;
  isSecret: boolean;
}

export interface ApplicationIndicator {
  id: number;
  name: string;
  unit: string;
  targetValue: number;
}

/** An attachment's description; its bytes are read only when it is downloaded. */
export interface AttachmentInfo {
  id: number;
  questionId: number | null;
  filename: string;
  description: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

export interface ApplicationDetails extends Application {
  partners: ApplicationPartner[];
  sections: Partial<Record<ApplicationSection, ApplicationSectionText>>;
  growthSectorIds: number[];
  indicators: ApplicationIndicator[];
  answers: Record<number, string>;
  attachments: AttachmentInfo[];
}

type ApplicationRowish = {
  id: number;
  call_id: number;
  lead_organisation_id: number;
  status: ApplicationStatus;
  title: string;
  summary: string;
  priority_id: number | null;
  start_date: string | null;
  end_date: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
  submitted_at: string | null;
  withdrawn_at: string | null;
  is_demo: number;
};

export function toApplication(row: ApplicationRowish): Application {
  return {
    id: row.id,
    callId: row.call_id,
    leadOrganisationId: row.lead_organisation_id,
    status: row.status,
    title: row.title,
    summary: row.summary,
    priorityId: row.priority_id,
    startDate: row.start_date,
    endDate: row.end_date,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    submittedAt: row.submitted_at,
    withdrawnAt: row.withdrawn_at,
    isDemo: row.is_demo === 1,
  };
}

export async function findApplication(db: Executor, id: number): Promise<Application | undefined> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toApplication(row);
}

export async function listPartners(db: Executor, applicationId: number): Promise<ApplicationPartner[]> {
  const rows = await db
    .selectFrom('application_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select(['o.business_id', 'o.name', 'o.org_type'])
    .where('p.application_id', '=', applicationId)
    .orderBy('p.is_lead', 'desc')
    .orderBy('p.sort_order')
    .orderBy('p.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const costs = ids.length
    ? await db.selectFrom('application_partner_costs').selectAll().where('partner_id', 'in', ids).execute()
    : [];
  return rows.map((r) => {
    const own: Partial<Record<CostCategory, number>> = {};
    for (const c of costs) {
      if (c.partner_id === r.id && (costCategories as readonly string[]).includes(c.category)) own[c.category as CostCategory] = Number(c.amount_cents);
    }
    return {
      id: r.id,
      organisationId: r.organisation_id,
      businessId: r.business_id,
      name: r.name,
      orgType: r.org_type,
      isLead: r.is_lead === 1,
      regionCode: r.region_code,
      unit: r.unit,
      roleDescription: r.role_description,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      costs: own,
      requestedCents: Number(r.requested_cents),
      ownFundingCents: Number(r.own_funding_cents),
      otherPublicCents: Number(r.other_public_cents),
      version: r.version,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
    };
  });
}

export async function listAttachments(db: Executor, applicationId: number): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'question_id', 'filename', 'description', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    questionId: r.question_id,
    filename: r.filename,
    description: r.description,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  }));
}

/** An application with everything that belongs to it, or undefined. */
export async function findApplicationDetails(db: Executor, id: number): Promise<ApplicationDetails | undefined> {
  const application = await findApplication(db, id);
  if (!application) return undefined;
  const [partners, sectionRows, sectorRows, indicatorRows, answerRows, attachments] = await Promise.all([
    listPartners(db, id),
    db.selectFrom('application_sections').selectAll().where('application_id', '=', id).execute(),
    db.selectFrom('application_growth_sectors').select('growth_sector_id').where('application_id', '=', id).execute(),
    db.selectFrom('application_indicators').selectAll().where('application_id', '=', id).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('application_answers').selectAll().where('application_id', '=', id).execute(),
    listAttachments(db, id),
  ]);
  const sections: Partial<Record<ApplicationSection, ApplicationSectionText>> = {};
  for (const s of sectionRows) {
    if ((applicationSections as readonly string[]).includes(s.section)) {
      sections[s.section as ApplicationSection] = { body: s.body, isSecret: s.is_secret === 1 };
    }
  }
  return {
    ...application,
    partners,
    sections,
    growthSectorIds: sectorRows.map((r) => r.growth_sector_id).sort((a, b) => a - b),
    indicators: indicatorRows.map((r) => ({ id: r.id, name: r.name, unit: r.unit, targetValue: Number(r.target_value) })),
    answers: Object.fromEntries(answerRows.map((r) => [r.question_id, r.value])),
    attachments,
  };
}

/** The application as the eligibility check reads it. */
export function toDraft(a: ApplicationDetails): ApplicationDraft {
  return {
    title: a.title,
    summary: a.summary,
    priorityId: a.priorityId,
    startDate: a.startDate,
    endDate: a.endDate,
    sections: Object.fromEntries(Object.entries(a.sections).map(([k, v]) => [k, v.body])),
    indicators: a.indicators.map((i) => ({ name: i.name, unit: i.unit, targetValue: i.targetValue })),
    partners: a.partners.map((p) => ({
      key: String(p.id),
      isLead: p.isLead,
      name: p.name,
      orgType: p.orgType,
      regionCode: p.regionCode,
      unit: p.unit,
      roleDescription: p.roleDescription,
      contactName: p.contactName,
      contactEmail: p.contactEmail,
      costs: p.costs,
      requestedCents: p.requestedCents,
      ownFundingCents: p.ownFundingCents,
      otherPublicCents: p.otherPublicCents,
    })),
    answers: a.answers,
  };
}

/**
 * Who may edit: members of the lead organisation edit everything; members of a partner organisation
 * and the people invited to a partner's part edit that part.
 */
export async function editorAccess(
  db: Executor,
  application: Pick<Application, 'id' | 'leadOrganisationId'>,
  userId: number,
): Promise<{ whole: boolean; partnerIds: number[] }> {
  const [member, editor, partnerMember] = await Promise.all([
    db.selectFrom('organisation_members').select('user_id')
      .where('organisation_id', '=', application.leadOrganisationId).where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('application_editors').select('partner_id').where('application_id', '=', application.id).where('user_id', '=', userId).execute(),
    db.selectFrom('application_partners as p')
      .innerJoin('organisation_members as m', 'm.organisation_id', 'p.organisation_id')
      .select('p.id as partner_id')
      .where('p.application_id', '=', application.id)
      .where('m.user_id', '=', userId)
      .execute(),
  ]);
  const partnerIds = [...new Set([...editor, ...partnerMember].map((e) => e.partner_id))].sort((a, b) => a - b);
  return { whole: member !== undefined, partnerIds };
}
