import type { AssignedRole } from '../db/schema.js';
import type { ApiScope, Principal } from './principal.js';

/**
 * Who may do what, in one place. Each rule is one line; routes ask, they never decide. A principal
 * of null is someone who is not signed in. An API token carries the rights of its user, narrowed to
 * its scopes: "read" for reading, "write:<action>" for each named change.
 */
type P = Principal | null;

const hasRole = (p: P, role: AssignedRole, region?: string | null) =>
  p !== null && p.roles.some((r) => r.role === role && (region === undefined || region === null || r.regionCode === region));
const scoped = (p: P, scope: ApiScope) => p !== null && (p.scopes === null || p.scopes.includes(scope));
const bySession = (p: P) => p !== null && p.via === 'session';

export const isAdmin = (p: P) => hasRole(p, 'admin');
export const isOfficer = (p: P, region?: string | null) => hasRole(p, 'officer', region);
export const isExpert = (p: P, region?: string | null) => hasRole(p, 'expert', region);
export const isCoordinator = (p: P) => p !== null && p.coordinatorOf !== null;
export const isMemberOf = (p: P, organisationId: number) => p !== null && p.memberships.some((m) => m.organisationId === organisationId);
export const isAdminOf = (p: P, organisationId: number) =>
  p !== null && p.memberships.some((m) => m.organisationId === organisationId && m.isAdmin);

/** Officials must use a second factor; applicants may. */
export const needsSecondFactor = (roles: Principal['roles']) => roles.some((r) => r.role === 'admin' || r.role === 'officer' || r.role === 'expert');

export const policies = {
  signedIn: (p: P) => bySession(p),
  useAdminArea: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p) || isCoordinator(p)),
  manageUsers: (p: P) => bySession(p) && isAdmin(p),
  inviteOfficials: (p: P, region?: string | null) => bySession(p) && (isAdmin(p) || isOfficer(p, region)),
  manageStrategy: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  manageChair: (p: P) => (isAdmin(p) || isCoordinator(p)) && scoped(p, 'write:chair'),
  manageExpertGroup: (p: P, region?: string | null) =>
    (isAdmin(p) || isCoordinator(p) || isOfficer(p, region)) && scoped(p, 'write:expert-group'),
  viewAuditLog: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  readKeptEmail: (p: P) => bySession(p) && isAdmin(p),
  manageApiTokens: (p: P) => bySession(p) && isAdmin(p),
  manageOrganisations: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  createOrganisation: (p: P) => bySession(p),
  viewOrganisation: (p: P, organisationId: number) =>
    scoped(p, 'read') && (isAdmin(p) || isOfficer(p) || isMemberOf(p, organisationId)),
  manageOrganisationMembers: (p: P, organisationId: number) => bySession(p) && (isAdmin(p) || isAdminOf(p, organisationId)),
  readOwnAccount: (p: P) => p !== null && scoped(p, 'read'),
  // Calls: officers run them (each call by the officers of its councils; see mayManageCall), the public reads them.
  manageCalls: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  askAboutCall: (p: P) => bySession(p),
  // Applications: any signed-in user may start or edit one; the route then checks membership or invitation.
  applyForFunding: (p: P) => bySession(p),
  readApplications: (p: P) => scoped(p, 'read') && (isAdmin(p) || isOfficer(p)),
  // Review: experts review what officers assign to them (each assignment checked in the route); officers run the review
  // of the calls they manage (mayManageCall) and each council decides on its own shares (mayDecideFor).
  reviewApplications: (p: P) => bySession(p) && isExpert(p),
  // Projects: officers follow the projects their councils fund (mayManageProject); officers keep the indicator
  // catalogue; the lead partner's members report (mayReportOn).
  manageProjects: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  manageIndicators: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  // News: officers write them; webhooks: a council's officers subscribe their council's systems (mayManageWebhooksFor).
  manageNews: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  manageWebhooks: (p: P) => bySession(p) && (isAdmin(p) || isOfficer(p)),
  readMetrics: (p: P) => isAdmin(p) || (p !== null && p.scopes !== null && p.scopes.includes('metrics')),
} as const;

export type PolicyName = keyof typeof policies;

/** An officer manages the calls their council takes part in (and a draft they created); an admin any call. */
export const mayManageCall = (p: P, call: { regionCodes: readonly string[]; createdBy: number | null }) =>
  isAdmin(p) || (isOfficer(p) && (call.regionCodes.some((r) => isOfficer(p, r)) || (p !== null && call.createdBy === p.userId)));

/** Officers of the call's councils (and admins) see the applications to it, with everything in them. */
export const mayReadCallApplications = (p: P, call: { regionCodes: readonly string[] }) =>
  isAdmin(p) || call.regionCodes.some((r) => isOfficer(p, r));

/** Officers of a council (and administrators) record that council's decisions. */
export const mayDecideFor = (p: P, regionCode: string) => isAdmin(p) || isOfficer(p, regionCode);

/** Officers of a council that funds the project (and admins) set its periods and indicators and accept or return its reports. */
export const mayManageProject = (p: P, project: { fundingRegionCodes: readonly string[] }) =>
  isAdmin(p) || project.fundingRegionCodes.some((r) => isOfficer(p, r));

/** Members of the lead partner's organisation write and submit the project's reports. */
export const mayReportOn = (p: P, project: { leadOrganisationId: number }) =>
  p !== null && p.via === 'session' && isMemberOf(p, project.leadOrganisationId);

/** A council's officers (and admins) manage the webhooks that tell that council's systems of events. */
export const mayManageWebhooksFor = (p: P, regionCode: string) => isAdmin(p) || isOfficer(p, regionCode);
