import type { Db } from '../../db/database.js';
import { pagePath } from '../../http/page-paths.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { queueEmail } from '../mail/email.repository.js';
import { callInquiryMessages } from './call-inquiries.messages.js';
import { findInquiry, insertInquiry, updateInquiry } from './call-inquiries.repository.js';
import { phaseOf, toCall } from './calls.repository.js';
import type { CallPhase } from '../../domain/call-lifecycle.js';

export const inquiryLimits = { questionMin: 10, questionMax: 2000, answerMax: 10_000 } as const;

/** Questions may be asked from publication until the call closes. */
export const acceptsInquiries = (phase: CallPhase) => phase === 'published' || phase === 'open';

/** The length of a text as a reader counts characters (not UTF-16 units). */
export const charCount = (text: string) => [...text].length;

export type AskResult = { ok: true; id: number } | { ok: false; reason: 'not-found' | 'not-open' };

/** Stores a question asked by a signed-in user, if the call takes questions at this moment. */
export async function askAboutCall(
  db: Db,
  actor: Actor,
  input: { callId: number; userId: number; question: string; locale: Locale },
  now: Date,
): Promise<AskResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('calls').selectAll().where('id', '=', input.callId).executeTakeFirst();
    if (!row || row.status === 'draft') return { ok: false, reason: 'not-found' };
    if (!acceptsInquiries(phaseOf(toCall(row), now))) return { ok: false, reason: 'not-open' };
    const id = await insertInquiry(trx, { callId: input.callId, askedBy: input.userId, question: input.question, locale: input.locale, askedAt: now.toISOString() });
    await appendAudit(trx, actor, { action: 'call.inquiry-asked', entityType: 'call', entityId: input.callId, after: { inquiryId: id } }, now);
    return { ok: true, id };
  });
}

export type AnswerResult = { ok: true; firstPublication: boolean; mailed: boolean } | { ok: false; reason: 'not-found' };

/**
 * Publishes the answer (and the public wording of the question) for everyone, or saves a change to
 * an answer already published. At the first publication the asker gets an e-mail, written in the
 * same transaction; the caller flushes the mailer after commit.
 */
export async function publishAnswer(
  db: Db,
  actor: Actor,
  input: { callId: number; inquiryId: number; publicQuestion: string; answer: string },
  mail: { deliver: boolean; baseUrl: string },
  now: Date,
): Promise<AnswerResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findInquiry(trx, input.callId, input.inquiryId);
    if (!before) return { ok: false, reason: 'not-found' };
    const firstPublication = before.status !== 'published';
    await updateInquiry(trx, before.id, {
      public_question: input.publicQuestion,
      answer: input.answer,
      answered_by: actor.userId,
      // The date shown with the answer is that of its first publication.
      answered_at: firstPublication ? now.toISOString() : (before.answeredAt ?? now.toISOString()),
      status: 'published',
    });
    await appendAudit(
      trx,
      actor,
      {
        action: firstPublication ? 'call.inquiry-published' : 'call.inquiry-answer-edited',
        entityType: 'call',
        entityId: input.callId,
        before: { inquiryId: before.id, status: before.status },
        after: { inquiryId: before.id, status: 'published' },
      },
      now,
    );
    let mailed = false;
    if (firstPublication && before.askedBy !== null) {
      const [asker, call] = await Promise.all([
        trx.selectFrom('users').select(['id', 'email', 'locale', 'status']).where('id', '=', before.askedBy).executeTakeFirst(),
        trx.selectFrom('calls').select(['title_fi', 'title_sv', 'title_en']).where('id', '=', input.callId).executeTakeFirstOrThrow(),
      ]);
      if (asker && asker.status !== 'erased') {
        const locale: Locale = isLocale(asker.locale) ? asker.locale : before.locale;
        const m = callInquiryMessages[locale];
        const title = call[`title_${locale}`] || call.title_fi;
        const url = `${mail.baseUrl}${pagePath(locale, 'calls', String(input.callId))}#questions`;
        await queueEmail(
          trx,
          { userId: asker.id, to: asker.email, locale, purpose: 'call-inquiry-answered', subject: m.mailSubject(title), text: m.mailText(title, url) },
          mail.deliver,
          now,
        );
        mailed = true;
      }
    }
    return { ok: true, firstPublication, mailed };
  });
}

export type DismissResult = { ok: true } | { ok: false; reason: 'not-found' | 'published' };

/** Leaves a question unanswered; it is never shown. A published answer cannot be taken back this way. */
export async function dismissInquiry(db: Db, actor: Actor, input: { callId: number; inquiryId: number }, now: Date): Promise<DismissResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findInquiry(trx, input.callId, input.inquiryId);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.status === 'published') return { ok: false, reason: 'published' };
    if (before.status === 'dismissed') return { ok: true };
    await updateInquiry(trx, before.id, { status: 'dismissed' });
    await appendAudit(
      trx,
      actor,
      { action: 'call.inquiry-dismissed', entityType: 'call', entityId: input.callId, before: { inquiryId: before.id, status: before.status }, after: { inquiryId: before.id, status: 'dismissed' } },
      now,
    );
    return { ok: true };
  });
}
