import type { OrganisationType } from '../../db/schema.js';
import { applicationSections, costCategories, type ApplicationDraft, type ApplicationSection, type CostCategory } from '../../domain/eligibility.js';
import { sha256Hex } from '../../security/tokens.js';
import type { CallDetails } from '../calls/calls.repository.js';
import type { ApplicationDetails } from './applications.repository.js';

/**
 * What was submitted, frozen: everything the applicant sent, as canonical JSON (object keys sorted,
 * no white space, arrays in their order) and its SHA-256. The receipt shows the hash; anyone holding
 * the stored snapshot can recompute it, and officers read the application from the snapshot, so it
 * is the same content the receipt vouches for. Attachments are named by their size and SHA-256; their
 * bytes stay in the attachments table.
 */
export const SNAPSHOT_VERSION = 1;

export interface SnapshotPartner {
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
  /** Costs by category in cents (only the categories entered). */
  costs: Partial<Record<CostCategory, number>>;
  requestedCents: number;
  ownFundingCents: number;
  otherPublicCents: number;
}

export interface SnapshotAttachment {
  id: number;
  questionId: number | null;
  filename: string;
  description: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface SubmissionSnapshot {
  version: number;
  call: { id: number; reference: string };
  application: {
    id: number;
    leadOrganisationId: number;
    title: string;
    summary: string;
    priorityId: number | null;
    startDate: string | null;
    endDate: string | null;
  };
  /** Each part of the description, and whether the applicant marked it a business secret. */
  sections: Partial<Record<ApplicationSection, { body: string; secret: boolean }>>;
  partners: SnapshotPartner[];
  indicators: Array<{ name: string; unit: string; targetValue: number }>;
  /** Answers to the call's extra questions by question id. */
  answers: Record<string, string>;
  attachments: SnapshotAttachment[];
  growthSectorIds: number[];
}

/** JSON with object keys in code-point order at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: not a finite number');
    if (value === undefined) throw new TypeError('canonicalJson: undefined has no JSON form');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The snapshot of an application as it stands, for the call it is submitted to. */
export function buildSnapshot(call: Pick<CallDetails, 'id' | 'reference'>, a: ApplicationDetails): SubmissionSnapshot {
  const sections: SubmissionSnapshot['sections'] = {};
  for (const name of applicationSections) {
    const s = a.sections[name];
    if (s) sections[name] = { body: s.body, secret: s.isSecret };
  }
  return {
    version: SNAPSHOT_VERSION,
    call: { id: call.id, reference: call.reference },
    application: {
      id: a.id,
      leadOrganisationId: a.leadOrganisationId,
      title: a.title,
      summary: a.summary,
      priorityId: a.priorityId,
      startDate: a.startDate,
      endDate: a.endDate,
    },
    sections,
    partners: a.partners.map((p) => ({
      id: p.id,
      organisationId: p.organisationId,
      businessId: p.businessId,
      name: p.name,
      orgType: p.orgType,
      isLead: p.isLead,
      regionCode: p.regionCode,
      unit: p.unit,
      roleDescription: p.roleDescription,
      contactName: p.contactName,
      contactEmail: p.contactEmail,
      costs: Object.fromEntries(costCategories.filter((c) => p.costs[c] !== undefined).map((c) => [c, p.costs[c]!])),
      requestedCents: p.requestedCents,
      ownFundingCents: p.ownFundingCents,
      otherPublicCents: p.otherPublicCents,
    })),
    indicators: a.indicators.map((i) => ({ name: i.name, unit: i.unit, targetValue: i.targetValue })),
    answers: Object.fromEntries(Object.entries(a.answers).map(([k, v]) => [String(k), v])),
    attachments: a.attachments.map((f) => ({
      id: f.id,
      questionId: f.questionId,
      filename: f.filename,
      description: f.description,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
    })),
    growthSectorIds: [...a.growthSectorIds].sort((x, y) => x - y),
  };
}

/** The stored text of a snapshot and the SHA-256 (hex) of that text, which the receipt shows. */
export function sealSnapshot(snapshot: SubmissionSnapshot): { json: string; sha256: string } {
  const json = canonicalJson(snapshot);
  return { json, sha256: sha256Hex(json) };
}

export function parseSnapshot(json: string): SubmissionSnapshot {
  return JSON.parse(json) as SubmissionSnapshot;
}

/** The submitted application as the eligibility check reads it (the same shape as toDraft gives for a draft). */
export function draftFromSnapshot(s: SubmissionSnapshot): ApplicationDraft {
  return {
    title: s.application.title,
    summary: s.application.summary,
    priorityId: s.application.priorityId,
    startDate: s.application.startDate,
    endDate: s.application.endDate,
    sections: Object.fromEntries(Object.entries(s.sections).map(([k, v]) => [k, v.body])),
    indicators: s.indicators,
    partners: s.partners.map((p) => ({
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
    answers: Object.fromEntries(Object.entries(s.answers).map(([k, v]) => [Number(k), v])),
  };
}

/** The lead partner of a snapshot (the first partner if none is marked, which a valid submission never lacks). */
export function leadOf(s: SubmissionSnapshot): SnapshotPartner | undefined {
  return s.partners.find((p) => p.isLead) ?? s.partners[0];
}
