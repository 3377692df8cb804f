import type { Db } from '../../src/db/database.js';
import type { AssignedRole, OrganisationRow, OrganisationType, UserRow } from '../../src/db/schema.js';
import { businessIdCheckDigit } from '../../src/domain/business-id.js';
import { startSession } from '../../src/features/auth/session.service.js';
import type { Config } from '../../src/config.js';
import { hashPassword } from '../../src/security/passwords.js';
import { seal } from '../../src/security/secret-box.js';

let counter = 0;
const next = () => ++counter;

/** A valid business ID that no other test organisation has (check digit computed, never remainder 1). */
export function uniqueBusinessId(): string {
  for (;;) {
    const digits = String(2_000_000 + next() * 7 + Math.floor(Math.random() * 1000) * 10_000).padStart(7, '0').slice(-7);
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

export const TEST_PASSWORD = 'kolme karhua metsässä';

export interface UserSpec {
  email?: string;
  name?: string;
  locale?: 'fi' | 'sv' | 'en';
  status?: UserRow['status'];
  password?: string | null;
  roles?: Array<{ role: AssignedRole; region?: string | null }>;
  /** Organisations the user belongs to, and whether as its administrator. */
  memberOf?: Array<{ organisation: OrganisationRow; admin?: boolean }>;
  /** A TOTP secret (base32) to enable the second factor with. */
  totpSecret?: string;
}

/** Makes a user as the test needs it, stating only what matters to the test. */
export async function buildUser(db: Db, spec: UserSpec = {}, config?: Config): Promise<UserRow> {
  const n = next();
  const at = new Date('2026-11-01T08:00:00Z').toISOString();
  const user = await db
    .insertInto('users')
    .values({
      email: (spec.email ?? `user${n}-${Math.random().toString(36).slice(2, 8)}@example.test`).toLowerCase(),
      name: spec.name ?? `Test User ${n}`,
      locale: spec.locale ?? 'fi',
      status: spec.status ?? 'active',
      password_hash: spec.password === null ? null : await hashPassword(spec.password ?? TEST_PASSWORD),
      totp_secret: spec.totpSecret && config ? seal(config.secretKey, spec.totpSecret) : null,
      totp_enabled_at: spec.totpSecret ? at : null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const r of spec.roles ?? []) {
    await db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: r.role, region_code: r.region ?? null, created_at: at })
      .execute();
  }
  for (const m of spec.memberOf ?? []) {
    await db
      .insertInto('organisation_members')
      .values({ organisation_id: m.organisation.id, user_id: user.id, is_admin: m.admin ? 1 : 0, created_at: at })
      .execute();
  }
  return user;
}

export async function buildOrganisation(
  db: Db,
  spec: { name?: string; type?: OrganisationType; region?: string; businessId?: string } = {},
): Promise<OrganisationRow> {
  const n = next();
  const at = new Date('2026-11-01T08:00:00Z').toISOString();
  return db
    .insertInto('organisations')
    .values({
      business_id: spec.businessId ?? uniqueBusinessId(),
      name: spec.name ?? `Test Organisation ${n}`,
      org_type: spec.type ?? 'university',
      region_code: spec.region ?? '17',
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A signed-in session for a user (past both factors), as the cookie value the browser would hold. */
export async function sessionCookieFor(db: Db, user: UserRow, config: Config, now: Date): Promise<string> {
  return startSession(db, { userId: user.id, method: 'password', mfaPending: false, ip: '127.0.0.1', userAgent: 'test' }, now, config);
}
