import type { CallPhase } from '../../domain/call-lifecycle.js';
import type { PageContext } from '../../views/page-context.js';
import type { PublishedInquiry } from './call-inquiries.repository.js';

/**
 * The questions-and-answers section of a public call page: the published answers, and for a
 * signed-in user while the call is published or open, the form to ask (posted to calls '/:id/questions').
 */
export function CallInquiriesSection(_props: { ctx: PageContext; callId: number; inquiries: readonly PublishedInquiry[]; phase: CallPhase }) {
  return null;
}
