import { sql, type Transaction } from 'kysely';
import { isPostgres, type Db } from '../../db/database.js';
import type { AssignedRole, Database, UserRow } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';
import { policies } from '../../policies/policies.js';
import type { Principal } from '../../policies/principal.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { issueInvitation, resendInvitation as resendInvitationLink } from '../auth/invitations.service.js';
import { deleteSessionsOfUser } from '../auth/sessions.repository.js';
import { findUserById, grantRole, rolesOfUser } from '../auth/users.repository.js';
import { countActiveAdmins, deleteRoleAssignment, findRoleAssignment, setUserStatus } from './users.admin.repository.js';

export interface RoleChoice {
  role: AssignedRole;
  regionCode: string | null;
}

export type AdminChangeResult =
  | { ok: true }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'last-admin' | 'self' | 'already-held' | 'not-invited' | 'region-required' | 'region-unknown' }
  | { ok: false; reason: 'email-invalid' | 'already-member' | 'account-disabled' };

export interface InvitationContext {
  baseUrl: string;
  deliver: boolean;
}

/** The regions in which this person is an officer. */
export function officerRegionsOf(p: Principal): string[] {
  return p.roles.filter((r) => r.role === 'officer' && r.regionCode !== null).map((r) => r.regionCode!);
}

/** Administrators grant any role; an officer grants only officer and expert roles of their own region. */
export function mayGrant(p: Principal, choice: RoleChoice): boolean {
  if (policies.manageUsers(p)) return true;
  return choice.role !== 'admin' && choice.regionCode !== null && policies.inviteOfficials(p, choice.regionCode);
}

/** An officer looks after the people who hold a role in the officer's region; administrators after everyone. */
export function mayLookAfter(p: Principal, targetRoles: ReadonlyArray<{ regionCode: string | null }>): boolean {
  if (policies.manageUsers(p)) return true;
  const regions = officerRegionsOf(p);
  return policies.inviteOfficials(p) && targetRoles.some((r) => r.regionCode !== null && regions.includes(r.regionCode));
}

const ADMIN_CHANGE_LOCK_KEY = 5_301_302;

/**
 * Changes that could leave no active administrator take turns on PostgreSQL, so that two
 * administrators removing each other at the same moment cannot both succeed. SQLite's write
 * transaction already serialises them.
 */
async function lockAdminChanges(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK_KEY})`.execute(trx);
  }
}

async function isLastActiveAdmin(trx: Transaction<Database>, user: UserRow): Promise<boolean> {
  if (user.status !== 'active') return false;
  const roles = await rolesOfUser(trx, user.id);
  return roles.some((r) => r.role === 'admin') && (await countActiveAdmins(trx)) <= 1;
}

async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** Checks the role and region pair itself: administrators have no region, officials need one that exists. */
async function checkChoice(db: Db, choice: RoleChoice): Promise<AdminChangeResult | null> {
  if (choice.role === 'admin') return choice.regionCode === null ? null : { ok: false, reason: 'region-unknown' };
  if (choice.regionCode === null) return { ok: false, reason: 'region-required' };
  return (await regionExists(db, choice.regionCode)) ? null : { ok: false, reason: 'region-unknown' };
}

export async function grantRoleTo(db: Db, actor: Actor, p: Principal, userId: number, choice: RoleChoice, now: Date): Promise<AdminChangeResult> {
  const user = await findUserById(db, userId);
  if (!user || user.status === 'erased') return { ok: false, reason: 'not-found' };
  if (!mayGrant(p, choice)) return { ok: false, reason: 'forbidden' };
  const invalid = await checkChoice(db, choice);
  if (invalid) return invalid;
  return db.transaction().execute(async (trx): Promise<AdminChangeResult> => {
    const id = await grantRole(trx, userId, choice.role, choice.regionCode, now);
    if (id === null) return { ok: false, reason: 'already-held' };
    await appendAudit(trx, actor, { action: 'role.granted', entityType: 'user', entityId: userId, after: choice }, now);
    return { ok: true };
  });
}

export async function revokeRoleOf(db: Db, actor: Actor, p: Principal, userId: number, assignmentId: number, now: Date): Promise<AdminChangeResult> {
  const assignment = await findRoleAssignment(db, assignmentId);
  if (!assignment || assignment.user_id !== userId) return { ok: false, reason: 'not-found' };
  const choice: RoleChoice = { role: assignment.role, regionCode: assignment.region_code };
  if (!mayGrant(p, choice)) return { ok: false, reason: 'forbidden' };
  return db.transaction().execute(async (trx): Promise<AdminChangeResult> => {
    if (choice.role === 'admin') {
      await lockAdminChanges(trx);
      const user = await findUserById(trx, userId);
      if (user && (await isLastActiveAdmin(trx, user))) return { ok: false, reason: 'last-admin' };
    }
    await deleteRoleAssignment(trx, assignmentId);
    await appendAudit(trx, actor, { action: 'role.revoked', entityType: 'user', entityId: userId, before: choice }, now);
    return { ok: true };
  });
}

/** Disabling ends every session of the account at once; its API tokens stop working with it. */
export async function setAccountDisabled(
  db: Db,
  actor: Actor,
  p: Principal,
  userId: number,
  disabled: boolean,
  now: Date,
): Promise<AdminChangeResult> {
  if (!policies.manageUsers(p)) return { ok: false, reason: 'forbidden' };
  if (disabled && userId === p.userId) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx): Promise<AdminChangeResult> => {
    await lockAdminChanges(trx);
    const user = await findUserById(trx, userId);
    if (!user || user.status === 'erased') return { ok: false, reason: 'not-found' };
    if (disabled) {
      if (user.status === 'disabled') return { ok: true };
      if (await isLastActiveAdmin(trx, user)) return { ok: false, reason: 'last-admin' };
      await setUserStatus(trx, user, 'disabled', now);
      const sessionsEnded = await deleteSessionsOfUser(trx, user.id);
      await appendAudit(
        trx,
        actor,
        { action: 'user.disabled', entityType: 'user', entityId: user.id, before: { status: user.status }, after: { status: 'disabled', sessionsEnded } },
        now,
      );
    } else {
      if (user.status !== 'disabled') return { ok: true };
      // Someone who never finished the invitation goes back to waiting for it.
      const status = user.password_hash !== null || user.last_login_at !== null ? 'active' : 'invited';
      await setUserStatus(trx, user, status, now);
      await appendAudit(trx, actor, { action: 'user.enabled', entityType: 'user', entityId: user.id, before: { status: 'disabled' }, after: { status } }, now);
    }
    return { ok: true };
  });
}

export async function resendInvitation(
  db: Db,
  actor: Actor,
  p: Principal,
  userId: number,
  now: Date,
  ctx: InvitationContext,
): Promise<AdminChangeResult> {
  const user = await findUserById(db, userId);
  if (!user || user.status === 'erased') return { ok: false, reason: 'not-found' };
  if (!mayLookAfter(p, await rolesOfUser(db, userId))) return { ok: false, reason: 'forbidden' };
  if (user.status !== 'invited') return { ok: false, reason: 'not-invited' };
  return db.transaction().execute(async (trx): Promise<AdminChangeResult> => resendInvitationLink(trx, actor, userId, now, ctx));
}

export type InviteResult = { ok: true; userId: number; existing: boolean } | Exclude<AdminChangeResult, { ok: true }>;

export async function inviteOfficial(
  db: Db,
  actor: Actor,
  p: Principal,
  input: { email: string; name: string; locale: Locale; role: RoleChoice },
  now: Date,
  ctx: InvitationContext,
): Promise<InviteResult> {
  if (!mayGrant(p, input.role)) return { ok: false, reason: 'forbidden' };
  const invalid = await checkChoice(db, input.role);
  if (invalid && !invalid.ok) return invalid;
  return db.transaction().execute((trx) => issueInvitation(trx, actor, input, now, ctx));
}
