/**
 * The phases of a call. Officers move it from draft to published, from closed to in review and
 * from in review to decided; the clock moves a published call to open at its opening time and to
 * closed at its closing time. The closing time is the first instant at which nothing more is
 * accepted: a call closing at 16.15.00 takes a submission at 16.14.59.999 and refuses one at
 * 16.15.00.000.
 */

export type StoredCallStatus = 'draft' | 'published' | 'in_review' | 'decided';
export type CallPhase = 'draft' | 'published' | 'open' | 'closed' | 'in_review' | 'decided';

export const callPhases: readonly CallPhase[] = ['draft', 'published', 'open', 'closed', 'in_review', 'decided'];

export interface CallClock {
  status: StoredCallStatus;
  opensAt: Date;
  closesAt: Date;
}

export function callPhase(call: CallClock, now: Date): CallPhase {
  if (call.status !== 'published') return call.status;
  if (now.getTime() < call.opensAt.getTime()) return 'published';
  if (now.getTime() < call.closesAt.getTime()) return 'open';
  return 'closed';
}

/** Submissions are taken only while the call is open by the server's clock. */
export const acceptsSubmissions = (call: CallClock, now: Date) => callPhase(call, now) === 'open';

/** The public sees a call from its publication on. */
export const isPublic = (call: CallClock) => call.status !== 'draft';

export type CallAction = 'publish' | 'correct' | 'edit-draft' | 'start-review' | 'mark-decided' | 'delete';

/** What officers may do to a call in each phase. */
export function allowedActions(call: CallClock, now: Date): CallAction[] {
  switch (callPhase(call, now)) {
    case 'draft':
      return ['edit-draft', 'publish', 'delete'];
    case 'published':
    case 'open':
      return ['correct'];
    case 'closed':
      return ['correct', 'start-review'];
    case 'in_review':
      return ['mark-decided'];
    case 'decided':
      return [];
  }
}

/** Seconds until the call closes (negative once closed): for "closes in" notices. */
export function secondsUntilClose(call: CallClock, now: Date): number {
  return Math.floor((call.closesAt.getTime() - now.getTime()) / 1000);
}
