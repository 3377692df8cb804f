import type { AssignmentStatus } from '../../../db/schema.js';
import { isDisqualificationGround } from '../../../domain/disqualification.js';
import type { PageContext } from '../../../views/page-context.js';
import { assignmentMessages } from '../assignments.messages.js';
import type { ReviewApplication } from '../assignments.repository.js';

/** A reviewer's standing on an application as the pages name it: the stored status, with submitted scores told apart. */
export type Standing = 'awaiting' | 'cleared' | 'submitted' | 'disqualified' | 'barred';

export function standingOf(a: { status: AssignmentStatus; submittedAt: string | null }): Standing {
  if (a.status === 'awaiting-declaration') return 'awaiting';
  if (a.status === 'cleared') return a.submittedAt !== null ? 'submitted' : 'cleared';
  return a.status;
}

const tagClass: Record<Standing, string> = {
  awaiting: 'tag tag--pending',
  cleared: 'tag tag--info',
  submitted: 'tag tag--success',
  disqualified: 'tag tag--locked',
  barred: 'tag tag--locked',
};

/** The standing as a tag: the words say it, the colour only repeats it. */
export function StandingTag({ ctx, standing }: { ctx: PageContext; standing: Standing }) {
  const m = assignmentMessages[ctx.locale];
  const text = { awaiting: m.statusAwaiting, cleared: m.statusCleared, submitted: m.statusSubmitted, disqualified: m.statusDisqualified, barred: m.statusBarred }[standing];
  return <span class={tagClass[standing]}>{text}</span>;
}

/** The grounds a reviewer declared, in the page's language (codes no longer known are shown as stored). */
export function groundTexts(ctx: PageContext, grounds: readonly string[], style: 'short' | 'full'): string[] {
  const m = assignmentMessages[ctx.locale];
  return grounds.map((g) => (isDisqualificationGround(g) ? (style === 'short' ? m.groundShort(g) : m.ground(g)) : g));
}

/**
 * What anyone may know of an application (publicity: applicant, title, summary, partners): what a
 * reviewer sees before their declaration, and after it if disqualified. No sections, no contact people.
 */
export function PublicFacts({ ctx, application, callTitle, regionNames }: { ctx: PageContext; application: ReviewApplication; callTitle: string; regionNames: ReadonlyMap<string, string> }) {
  const m = assignmentMessages[ctx.locale];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{m.factsHeading}</h2>
      <dl class="summary-list">
        <div>
          <dt>{m.factCall}</dt>
          <dd>{callTitle}</dd>
        </div>
        <div>
          <dt>{m.factTitle}</dt>
          <dd>{application.title}</dd>
        </div>
        <div>
          <dt>{m.factApplicant}</dt>
          <dd>{application.leadOrganisationName}</dd>
        </div>
        <div>
          <dt>{m.factSummary}</dt>
          <dd class="review-facts__summary">{application.summary}</dd>
        </div>
        <div>
          <dt>{m.factPartners}</dt>
          <dd>
            <ul class="review-facts__partners">
              {application.partners.map((p) => (
                <li>
                  {p.name} – {regionNames.get(p.regionCode) ?? p.regionCode}
                  {p.isLead ? ` (${m.leadMark})` : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </section>
  );
}
