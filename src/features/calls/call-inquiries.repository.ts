import type { Executor } from '../../db/database.js';
import type { CallInquiryRow, InquiryStatus } from '../../db/schema.js';
import { isLocale, type Locale } from '../../i18n/locales.js';

/** A question about a call and its answer, as published for everyone. */
export interface PublishedInquiry {
  id: number;
  question: string;
  answer: string;
  answeredAt: string;
  /** The language the question was asked (and answered) in, for the lang attribute. */
  locale?: Locale;
}

/** The answered questions of a call that officers have published, oldest first. */
export async function listPublishedInquiries(db: Executor, callId: number): Promise<PublishedInquiry[]> {
  const rows = await db
    .selectFrom('call_inquiries')
    .select(['id', 'question', 'public_question', 'answer', 'answered_at', 'locale'])
    .where('call_id', '=', callId)
    .where('status', '=', 'published')
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    question: r.public_question ?? r.question,
    answer: r.answer ?? '',
    answeredAt: r.answered_at ?? '',
    ...(isLocale(r.locale) ? { locale: r.locale } : {}),
  }));
}

/** A question as officers see it: the original wording (which may hold personal data) and the public one. */
export interface Inquiry {
  id: number;
  callId: number;
  askedBy: number | null;
  question: string;
  locale: Locale;
  askedAt: string;
  publicQuestion: string | null;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  status: InquiryStatus;
}

function toInquiry(r: CallInquiryRow): Inquiry {
  return {
    id: r.id,
    callId: r.call_id,
    askedBy: r.asked_by,
    question: r.question,
    locale: isLocale(r.locale) ? r.locale : 'fi',
    askedAt: r.asked_at,
    publicQuestion: r.public_question,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    status: r.status,
  };
}

export async function insertInquiry(
  db: Executor,
  values: { callId: number; askedBy: number; question: string; locale: Locale; askedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('call_inquiries')
    .values({
      call_id: values.callId,
      asked_by: values.askedBy,
      question: values.question,
      locale: values.locale,
      asked_at: values.askedAt,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const statusOrder: Record<InquiryStatus, number> = { open: 0, published: 1, dismissed: 2 };

/** Every question about a call for the officers' inbox: open ones first, then published, then dismissed; oldest first within each. */
export async function listInquiries(db: Executor, callId: number): Promise<Inquiry[]> {
  const rows = await db.selectFrom('call_inquiries').selectAll().where('call_id', '=', callId).orderBy('asked_at').orderBy('id').execute();
  return rows.map(toInquiry).sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
}

export async function findInquiry(db: Executor, callId: number, id: number): Promise<Inquiry | undefined> {
  const row = await db.selectFrom('call_inquiries').selectAll().where('call_id', '=', callId).where('id', '=', id).executeTakeFirst();
  return row && toInquiry(row);
}

export async function updateInquiry(
  db: Executor,
  id: number,
  values: Partial<Pick<CallInquiryRow, 'public_question' | 'answer' | 'answered_by' | 'answered_at' | 'status'>>,
): Promise<void> {
  await db.updateTable('call_inquiries').set(values).where('id', '=', id).execute();
}
