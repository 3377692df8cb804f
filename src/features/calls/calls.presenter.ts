import { criterionScaleMax } from '../../domain/call-validation.js';
import { helsinkiWallClock } from '../../domain/helsinki-time.js';
import { pagePath } from '../../http/page-paths.js';
import type { PublishedInquiry } from './call-inquiries.repository.js';
import type { CallDetails } from './calls.repository.js';
import type { CallCorrection, PublicApplication, PublicCallSummary, PublicPhase } from './calls.public.repository.js';
import type { CallApplicationsDto, CallDto, CallSummaryDto, PublicApplicationDto } from './calls.schema.js';

/** The JSON shapes of the public calls API. Only fields listed here leave the server. */

/** An instant as Helsinki wall-clock time with its UTC offset (RFC 3339), e.g. 2026-12-15T16:15:00+02:00. */
export function helsinkiIso(instant: string): string {
  const date = new Date(instant);
  const w = helsinkiWallClock(date);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const utc = (instant: string) => new Date(instant).toISOString();

type SummarySource = Pick<
  PublicCallSummary,
  'id' | 'reference' | 'title' | 'summary' | 'instrument' | 'opensAt' | 'closesAt' | 'budgets' | 'priorityIds'
> & { phase: PublicPhase };

export function presentCallSummary(call: SummarySource, prioritySlugs: ReadonlyMap<number, string>, baseUrl: string): CallSummaryDto {
  const id = String(call.id);
  return {
    id: call.id,
    reference: call.reference,
    title: call.title,
    summary: call.summary,
    phase: call.phase,
    instrument: call.instrument,
    opensAt: utc(call.opensAt),
    closesAt: utc(call.closesAt),
    opensAtLocal: helsinkiIso(call.opensAt),
    closesAtLocal: helsinkiIso(call.closesAt),
    priorities: call.priorityIds.map((p) => prioritySlugs.get(p)).filter((s): s is string => s !== undefined),
    budgets: call.budgets.map((b) => ({ regionCode: b.regionCode, budgetCents: b.budgetCents })),
    totalBudgetCents: call.budgets.reduce((sum, b) => sum + b.budgetCents, 0),
    links: {
      self: `${baseUrl}/api/v1/calls/${id}`,
      page: { fi: `${baseUrl}${pagePath('fi', 'calls', id)}`, sv: `${baseUrl}${pagePath('sv', 'calls', id)}`, en: `${baseUrl}${pagePath('en', 'calls', id)}` },
      applications: `${baseUrl}/api/v1/calls/${id}/applications`,
    },
  };
}

export function presentCall(
  call: CallDetails,
  extra: {
    phase: PublicPhase;
    corrections: readonly CallCorrection[];
    inquiries: readonly PublishedInquiry[];
    submittedApplications: number;
  },
  prioritySlugs: ReadonlyMap<number, string>,
  baseUrl: string,
): CallDto {
  return {
    ...presentCallSummary({ ...call, phase: extra.phase }, prioritySlugs, baseUrl),
    body: call.body,
    rules: {
      minRegions: call.minRegions,
      eligibleOrgTypes: [...call.eligibleOrgTypes],
      minGrantCents: call.minGrantCents,
      maxGrantCents: call.maxGrantCents,
      maxAidRateBp: call.maxAidRateBp,
      maxDurationMonths: call.maxDurationMonths,
      leadRegionMustParticipate: call.leadRegionMustParticipate,
      costModel: call.costModel,
      flatRateBp: call.costModel === 'flat_rate' ? call.flatRateBp : null,
    },
    criteria: call.criteria.map((c) => ({ kind: c.kind, name: c.name, description: c.description, weight: c.weight, scaleMax: criterionScaleMax(c.kind) })),
    minTotalScore: call.minTotalScore,
    questions: call.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      help: q.help,
      options: q.options,
      required: q.required,
      maxLength: q.maxLength,
    })),
    corrections: extra.corrections.map((c) => ({ note: c.note, changedFields: c.changedFields, correctedAt: utc(c.correctedAt) })),
    inquiries: extra.inquiries.map((i) => ({ question: i.question, answer: i.answer, answeredAt: i.answeredAt ? utc(i.answeredAt) : '' })),
    contactEmail: call.contactEmail,
    submittedApplications: extra.submittedApplications,
  };
}

export function presentPublicApplication(application: PublicApplication, prioritySlugs: ReadonlyMap<number, string>): PublicApplicationDto {
  const everyone = [...(application.lead ? [application.lead] : []), ...application.partners];
  return {
    id: application.id,
    title: application.title,
    summary: application.summary,
    priority: application.priorityId === null ? null : (prioritySlugs.get(application.priorityId) ?? null),
    leadOrganisation: application.lead?.organisationName ?? null,
    partners: everyone.map((p) => ({
      organisation: p.organisationName,
      regionCode: p.regionCode,
      role: p.isLead ? ('lead' as const) : ('partner' as const),
      requestedCents: p.requestedCents,
    })),
    requestedCents: application.requestedCents,
    requestedByRegion: application.requestedByRegion.map((r) => ({ regionCode: r.regionCode, requestedCents: r.requestedCents })),
  };
}

export function presentCallApplications(
  callId: number,
  phase: PublicPhase,
  count: number,
  applications: readonly PublicApplication[] | null,
  prioritySlugs: ReadonlyMap<number, string>,
): CallApplicationsDto {
  return {
    callId,
    phase,
    published: applications !== null,
    count,
    items: (applications ?? []).map((a) => presentPublicApplication(a, prioritySlugs)),
  };
}
