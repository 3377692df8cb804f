import { EditorScript } from './collaboration.eligibility-data.js';
import { submissionMessages } from '../submission.messages.js';
import { phaseOf } from '../../calls/calls.repository.js';
import { secondsUntilClose } from '../../../domain/call-lifecycle.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatMoney } from '../../../i18n/format.js';
import { CsrfField } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { formatRate } from '../../../i18n/format.js';
import { applicationsMessages } from '../applications.messages.js';
import { EditorFrame, ProblemList, partPath, type EditorData, type EditorPlace } from './editor-frame.js';

/** "in 17 days", "in 5 hours", "in 12 minutes", or "closed". */
export function closesIn(closesAt: string, now: Date, ctx: PageContext): string {
  const m = applicationsMessages[ctx.locale];
  const seconds = secondsUntilClose({ status: 'published', opensAt: new Date(0), closesAt: new Date(closesAt) }, now);
  if (seconds <= 0) return m.closed;
  if (seconds >= 2 * 86_400) return m.closesIn(Math.floor(seconds / 86_400), 'days');
  if (seconds >= 3600) return m.closesIn(Math.floor(seconds / 3600), 'hours');
  return m.closesIn(Math.max(1, Math.floor(seconds / 60)), 'minutes');
}

export interface PartSave {
  place: EditorPlace;
  label: string;
  /** Null when the part has not been saved since it was created. */
  savedBy: { name: string | null; at: string } | null;
}

export function OverviewPage({ data, parts }: { data: EditorData; parts: PartSave[] }) {
  const { ctx, app, call, eligibility } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const f = eligibility.figures;
  const councils = data.regions.filter((r) => (f.requestedByRegion[r.code] ?? 0) > 0);
  const sm = submissionMessages[locale];
  const mayEdit = (place: EditorPlace) => data.access.whole || (typeof place === 'number' && data.access.partnerIds.includes(place));
  return (
    <EditorFrame data={data} place="overview" title={app.title || m.untitled}>
      <dl class="summary-list">
        <div>
          <dt>{m.deadline}</dt>
          <dd>
            {formatDateTime(call.closesAt, locale)} ({closesIn(call.closesAt, data.now, ctx)})
          </dd>
        </div>
        <div>
          <dt>{m.colStatus}</dt>
          <dd>{m.status[app.status]}</dd>
        </div>
      </dl>

      <div class="live-check" data-live-check="" data-application={String(app.id)}>
        <section aria-labelledby="checklist-title">
          <h2 id="checklist-title">{m.checklistHeading}</h2>
          {eligibility.problems.length > 0 ? (
            <>
              <p>{m.checklistLead}</p>
              <ProblemList data={data} problems={eligibility.problems} />
            </>
          ) : (
            <p class="panel panel--success">{m.checklistNone}</p>
          )}
        </section>

        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{m.figuresHeading}</h2>
          <dl class="summary-list figures">
            <div>
              <dt>{m.totalCosts}</dt>
              <dd>{formatMoney(f.totalCostsCents, locale)}</dd>
            </div>
            <div>
              <dt>{m.requestedGrant}</dt>
              <dd>{formatMoney(f.requestedCents, locale)}</dd>
            </div>
            <div>
              <dt>{m.ownFunding}</dt>
              <dd>{formatMoney(f.ownFundingCents, locale)}</dd>
            </div>
            <div>
              <dt>{m.otherPublic}</dt>
              <dd>{formatMoney(f.otherPublicCents, locale)}</dd>
            </div>
            <div>
              <dt>{m.financingTotal}</dt>
              <dd>{formatMoney(f.financingCents, locale)}</dd>
            </div>
            <div>
              <dt>{m.aidRate}</dt>
              <dd>{f.aidRateBp === null ? m.noRate : m.aidRateOf(formatRate(f.aidRateBp, locale), formatRate(call.maxAidRateBp, locale))}</dd>
            </div>
            <div>
              <dt>{m.regionsCounted}</dt>
              <dd>
                {m.regionsOf(f.regions.length, call.minRegions)}
                {f.regions.length > 0 ? `: ${f.regions.map((code) => data.regions.find((r) => r.code === code)?.name[locale] ?? code).join(', ')}` : ''}
              </dd>
            </div>
          </dl>
          {councils.length > 0 ? (
            <ScrollTable id="councils-caption" caption={m.byCouncilCaption}>
              <thead>
                <tr>
                  <th scope="col">{m.colCouncil}</th>
                  <th scope="col" class="numeric">
                    {m.colRequested}
                  </th>
                </tr>
              </thead>
              <tbody>
                {councils.map((r) => (
                  <tr>
                    <th scope="row">{r.council.name[locale]}</th>
                    <td class="numeric">{formatMoney(f.requestedByRegion[r.code]!, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : (
            <p class="muted">{m.noGrantYet}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="parts-title">
        <h2 id="parts-title">{m.partsHeading}</h2>
        <ScrollTable id="parts-caption" caption={m.partsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colPart}</th>
              <th scope="col">{m.colSaved}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr>
                <th scope="row">{mayEdit(p.place) ? <a href={partPath(data, p.place)}>{p.label}</a> : p.label}</th>
                <td>{p.savedBy ? m.savedByAt(p.savedBy.name ?? m.unknownUser, formatDateTime(p.savedBy.at, locale)) : m.notSaved}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </section>

      {data.refusal ? null : (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title">{m.submitHeading}</h2>
          {!data.access.whole ? (
            <p>{m.submitLeadOnly}</p>
          ) : (
            <form method="post" action={pagePath(locale, 'applications', String(app.id), 'submit')} class="submit-form">
              <CsrfField token={ctx.csrf()} />
              <p id="submit-state">{eligibility.eligible ? m.submitReady : m.submitBlocked(eligibility.problems.length)}</p>
              <button type="submit" class="button" disabled={!eligibility.eligible} aria-describedby="submit-state">
                {m.submitButton}
              </button>
            </form>
          )}
        </section>
      )}
      {app.status === 'submitted' ? (
        <section aria-labelledby="receipt-title">
          <h2 id="receipt-title">{sm.receiptTitle}</h2>
          <ul class="link-list">
            <li>
              <a href={pagePath(locale, 'applications', String(app.id), 'receipt')}>{sm.receiptTitle}</a>
            </li>
            <li>
              <a href={pagePath(locale, 'applications', String(app.id), 'submitted')}>{sm.viewSubmitted}</a>
            </li>
            {data.access.whole && phaseOf(call, data.now) === 'open' ? (
              <li>
                <a href={pagePath(locale, 'applications', String(app.id), 'withdraw')}>{sm.withdrawLink}</a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <EditorScript data={data} part="overview" />
    </EditorFrame>
  );
}
