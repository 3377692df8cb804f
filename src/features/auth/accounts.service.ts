import type { Db } from '../../db/database.js';
import type { AssignedRole, UserRow } from '../../db/schema.js';
import { checkPassword, type PasswordProblem } from '../../domain/password-policy.js';
import type { Locale } from '../../i18n/locales.js';
import { hashPassword } from '../../security/passwords.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { findUserByEmail, grantRole, insertUser, normaliseEmail } from './users.repository.js';

export interface NewAccount {
  email: string;
  name: string;
  locale: Locale;
  password: string;
  roles: Array<{ role: AssignedRole; regionCode: string | null }>;
}

export type CreateAccountResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'email-taken' | 'email-invalid' }
  | { ok: false; reason: 'password'; problems: PasswordProblem[] };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Makes an active account with a password and roles (the bootstrap path; everyone else is invited). */
export async function createAccount(db: Db, actor: Actor, input: NewAccount, now: Date): Promise<CreateAccountResult> {
  const email = normaliseEmail(input.email);
  if (!emailPattern.test(email) || email.length > 254) return { ok: false, reason: 'email-invalid' };
  const problems = checkPassword(input.password, { email, name: input.name });
  if (problems.length > 0) return { ok: false, reason: 'password', problems };
  if (await findUserByEmail(db, email)) return { ok: false, reason: 'email-taken' };
  const passwordHash = await hashPassword(input.password);
  const user = await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const user = await insertUser(trx, {
      email,
      name: input.name,
      locale: input.locale,
      status: 'active',
      password_hash: passwordHash,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, after: { status: 'active', locale: input.locale } }, now);
    for (const role of input.roles) {
      const id = await grantRole(trx, user.id, role.role, role.regionCode, now);
      if (id !== null) {
        await appendAudit(trx, actor, { action: 'role.granted', entityType: 'user', entityId: user.id, after: role }, now);
      }
    }
    return user;
  });
  return { ok: true, user };
}
