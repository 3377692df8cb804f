import { pagePath } from '../../../http/page-paths.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { submissionMessages } from '../submission.messages.js';
import type { CallApplicationRow } from '../submission.service.js';
import { ReceiptFacts } from './submission.receipt.js';
import { SnapshotView } from './submission.snapshot.js';
import { ProblemList, problemNames, type Names } from './submission.parts.js';

/** One submitted application for the call's officers: everything in it, business secrets marked, attachments to download. */
export function OfficerApplicationPage({ ctx, names, row }: { ctx: PageContext; names: Names; row: CallApplicationRow }) {
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const s = row.submission.snapshot;
  const callId = String(names.call.id);
  const applicationId = String(row.submission.applicationId);
  const title = m.detailTitle(row.submission.receiptNumber, s.application.title || m.untitled);
  const partners = s.partners.map((p) => ({ key: String(p.id), name: p.name }));
  return (
    <AdminLayout ctx={ctx} title={title} section="adminCalls">
      <p>
        <a href={pagePath(locale, 'adminCalls', callId, 'applications')}>{m.backToList}</a>
      </p>
      <PageHeading title={title}>
        <p>
          <span class={row.status === 'submitted' ? 'tag tag--success' : 'tag tag--neutral'}>{m.statuses[row.status]}</span>
        </p>
      </PageHeading>

      <section aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{m.receiptHeading}</h2>
        <ReceiptFacts ctx={ctx} submission={row.submission} />
      </section>

      <section aria-labelledby="eligibility-heading">
        <h2 id="eligibility-heading">{m.eligibilityHeading}</h2>
        {row.check.eligible ? (
          <p>
            <span class="tag tag--success">{m.eligible}</span> {m.eligibleText}
          </p>
        ) : (
          <>
            <p>
              <span class="tag tag--error">{m.notEligible}</span> {m.problemsSummary(row.check.problems.length)}
            </p>
            <ProblemList problems={row.check.problems} locale={locale} names={problemNames(locale, partners, names)} />
          </>
        )}
      </section>

      <SnapshotView
        ctx={ctx}
        snapshot={s}
        figures={row.check.figures}
        names={names}
        attachmentHref={(id) => pagePath(locale, 'adminCalls', callId, 'applications', applicationId, 'attachments', String(id))}
      />
    </AdminLayout>
  );
}
