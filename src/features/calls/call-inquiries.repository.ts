import type { Executor } from '../../db/database.js';

/** A question about a call and its answer, as published for everyone. */
export interface PublishedInquiry {
  id: number;
  question: string;
  answer: string;
  answeredAt: string;
}

/** The answered questions of a call that officers have published, oldest first. */
export async function listPublishedInquiries(db: Executor, callId: number): Promise<PublishedInquiry[]> {
  const rows = await db
    .selectFrom('call_inquiries')
    .select(['id', 'question', 'public_question', 'answer', 'answered_at'])
    .where('call_id', '=', callId)
    .where('status', '=', 'published')
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, question: r.public_question ?? r.question, answer: r.answer ?? '', answeredAt: r.answered_at ?? '' }));
}
