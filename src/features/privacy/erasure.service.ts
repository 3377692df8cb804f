import type { Db, Executor } from '../../db/database.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { countOtherActiveAdmins, organisationsLeftWithoutAdmin } from '../account/account.repository.js';
import { accountMessages } from '../account/account.messages.js';
import { findUserById, rolesOfUser } from '../auth/users.repository.js';

/** The name an erased account carries: the same in every language, since it no longer has one. */
export const ERASED_NAME = [accountMessages.fi.erasedName, accountMessages.sv.erasedName, accountMessages.en.erasedName].join(' / ');

export function erasedEmail(userId: number): string {
  return `erased-${userId}@invalid`;
}

export type ErasureBlock = { reason: 'last-admin' } | { reason: 'only-organisation-admin'; organisations: string[] };

/** Why the account cannot be erased now, or null when it can. */
export async function erasureBlock(db: Executor, userId: number): Promise<ErasureBlock | null> {
  const roles = await rolesOfUser(db, userId);
  if (roles.some((r) => r.role === 'admin') && (await countOtherActiveAdmins(db, userId)) === 0) return { reason: 'last-admin' };
  const organisations = await organisationsLeftWithoutAdmin(db, userId);
  return organisations.length > 0 ? { reason: 'only-organisation-admin', organisations } : null;
}

export type ErasureResult = { ok: true } | ({ ok: false } & ErasureBlock) | { ok: false; reason: 'not-found' };

/**
 * Erases a person's account in one transaction (GDPR art. 17). The users row stays, anonymised, so
 * that the user id in records kept by law (the hash-chained audit log, decisions) still points at
 * a row; nothing left there leads back to the person. Everything else personal is deleted, and the
 * public expert group contact row, which the council publishes, is only unlinked from the account.
 */
export async function eraseAccount(db: Db, actor: Actor, userId: number, now: Date): Promise<ErasureResult> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.status === 'erased') return { ok: false, reason: 'not-found' } as const;
    const block = await erasureBlock(trx, userId);
    if (block) return { ok: false, ...block } as const;
    const at = now.toISOString();
    await trx
      .updateTable('users')
      .set({
        name: ERASED_NAME,
        email: erasedEmail(userId),
        status: 'erased',
        erased_at: at,
        updated_at: at,
        password_hash: null,
        password_changed_at: null,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
      })
      .where('id', '=', userId)
      .execute();
    const removed: Record<string, number> = {};
    const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
    removed.sessions = count(await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst());
    removed.recoveryCodes = count(await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).executeTakeFirst());
    removed.oneTimeTokens = count(await trx.deleteFrom('one_time_tokens').where('user_id', '=', userId).executeTakeFirst());
    removed.apiTokens = count(await trx.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst());
    removed.memberships = count(await trx.deleteFrom('organisation_members').where('user_id', '=', userId).executeTakeFirst());
    removed.roles = count(await trx.deleteFrom('role_assignments').where('user_id', '=', userId).executeTakeFirst());
    removed.emails = count(
      await trx
        .deleteFrom('email_messages')
        .where((eb) => eb.or([eb('user_id', '=', userId), eb('to_address', '=', user.email)]))
        .executeTakeFirst(),
    );
    removed.applicationEditorships = count(await trx.deleteFrom('application_editors').where('user_id', '=', userId).executeTakeFirst());
    // Notification choices, notices waiting for the digest, and a public e-mail subscription of the same address.
    removed.digestItems = count(await trx.deleteFrom('digest_items').where('user_id', '=', userId).executeTakeFirst());
    removed.notificationPreferences = count(await trx.deleteFrom('notification_preferences').where('user_id', '=', userId).executeTakeFirst());
    removed.emailSubscriptions = count(await trx.deleteFrom('email_subscriptions').where('email', '=', user.email).executeTakeFirst());
    // Unanswered or dismissed questions go; a published one keeps only its published (anonymised) wording.
    removed.callQuestions = count(
      await trx.deleteFrom('call_inquiries').where('asked_by', '=', userId).where('status', '!=', 'published').executeTakeFirst(),
    );
    await trx
      .updateTable('call_inquiries')
      .set((eb) => ({ question: eb.fn.coalesce('public_question', eb.val('')), asked_by: null }))
      .where('asked_by', '=', userId)
      .execute();
    // The person as a contact in drafts is removed; submitted applications are records the councils must keep.
    const contactsCleared = await trx
      .updateTable('application_partners')
      .set({ contact_name: '', contact_email: '' })
      .where('contact_email', '=', user.email)
      .where('application_id', 'in', (eb) => eb.selectFrom('applications').select('id').where('status', '=', 'draft'))
      .executeTakeFirst();
    removed.draftContacts = Number(contactsCleared.numUpdatedRows);
    const unlinked = await trx.updateTable('expert_group_members').set({ user_id: null }).where('user_id', '=', userId).executeTakeFirst();
    await appendAudit(
      trx,
      actor,
      { action: 'user.erased', entityType: 'user', entityId: userId, before: { status: user.status }, after: { status: 'erased', removed, expertGroupContactsUnlinked: Number(unlinked.numUpdatedRows) } },
      now,
    );
    return { ok: true } as const;
  });
}
