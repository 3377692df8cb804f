import type { ComponentChildren } from 'preact';
import type { EligibilityResult, Problem } from '../../../domain/eligibility.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { fieldId } from '../../../views/components/form.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { CallDetails } from '../../calls/calls.repository.js';
import type { Region } from '../../regions/regions.repository.js';
import { problemLocation, type ProblemLocation } from '../problem-location.js';
import { applicationsMessages, problemMessage, type ProblemNames } from '../applications.messages.js';
import type { ApplicationDetails } from '../applications.repository.js';
import type { EditRefusal, SavedBy } from '../applications.service.js';

/** Everything the editor's pages know about the application being edited. */
export interface EditorData {
  ctx: PageContext;
  app: ApplicationDetails;
  call: CallDetails;
  /** The viewer edits the whole application, or only these partners' parts. */
  access: { whole: boolean; partnerIds: number[] };
  regions: Region[];
  eligibility: EligibilityResult;
  /** Why nothing can be changed now; null while the draft is editable. */
  refusal: EditRefusal | null;
  now: Date;
}

/** A page of the editor: its own parts, the collaboration pages (attachments, people) beside them, or a partner's part. */
export type EditorPlace = 'overview' | 'general' | 'partners' | 'attachments' | 'people' | number;

export const leadPartnerId = (app: ApplicationDetails) => app.partners.find((p) => p.isLead)?.id ?? null;

/** The call's file questions: answered by an attachment, on the attachments page. */
export const fileQuestionIds = (call: CallDetails) => call.questions.filter((q) => q.kind === 'file').map((q) => q.id);

export function problemNames(data: Pick<EditorData, 'app' | 'call' | 'regions' | 'ctx'>): ProblemNames {
  const { locale } = data.ctx;
  return {
    partners: Object.fromEntries(data.app.partners.map((p) => [String(p.id), p.name])),
    regions: Object.fromEntries(data.regions.map((r) => [r.code, r.name[locale]])),
    questions: Object.fromEntries(data.call.questions.map((q) => [String(q.id), q.label[locale]])),
  };
}

export function partPath(data: Pick<EditorData, 'ctx' | 'app'>, place: EditorPlace): string {
  const id = String(data.app.id);
  if (place === 'overview') return pagePath(data.ctx.locale, 'applications', id);
  if (typeof place === 'string') return pagePath(data.ctx.locale, 'applications', id, place);
  return pagePath(data.ctx.locale, 'applications', id, 'partners', String(place));
}

function locationPlace(at: ProblemLocation): EditorPlace {
  return at.part === 'partner' ? at.partnerId : at.part;
}

const mayOpen = (data: Pick<EditorData, 'access'>, place: EditorPlace) =>
  data.access.whole || (typeof place === 'number' && data.access.partnerIds.includes(place));

/** The problems of the eligibility check, each a link to the field that puts it right (when the viewer may edit it). */
export function ProblemList({ data, problems }: { data: EditorData; problems: readonly Problem[] }) {
  const names = problemNames(data);
  const lead = leadPartnerId(data.app);
  return (
    <ul class="problem-list">
      {problems.map((problem) => {
        const text = problemMessage(problem, data.ctx.locale, names);
        const at = problemLocation(problem, lead, fileQuestionIds(data.call));
        const place = locationPlace(at);
        return (
          <li data-field={problem.field} data-code={problem.code}>
            {mayOpen(data, place) ? <a href={`${partPath(data, place)}#${fieldId(at.field)}`}>{text}</a> : text}
          </li>
        );
      })}
    </ul>
  );
}

/** The checks of one part, shown on its page (after every save too, so they appear without JavaScript). */
export function PartChecks({ data, problems, children }: { data: EditorData; problems: readonly Problem[]; children?: ComponentChildren }) {
  const m = applicationsMessages[data.ctx.locale];
  return (
    <section class="part-checks" aria-labelledby="part-checks-title" data-live-check="" data-application={String(data.app.id)}>
      <h2 id="part-checks-title">{m.partProblemsHeading}</h2>
      {problems.length > 0 ? <ProblemList data={data} problems={problems} /> : <p>{m.partProblemsNone}</p>}
      {children}
    </section>
  );
}

/** The site layout with the way back to "My applications" and the parts of this application. */
/** The editor's frame; with `hasErrors` the document title (not the heading) starts with the error summary's words. */
export function EditorFrame({
  data,
  place,
  title,
  hasErrors = false,
  children,
}: {
  data: EditorData;
  place: EditorPlace;
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
}) {
  const { ctx, app, call } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const parts: Array<{ place: EditorPlace; label: string }> = [{ place: 'overview', label: m.navOverview }];
  if (data.access.whole) {
    parts.push(
      { place: 'general', label: m.navGeneral },
      { place: 'partners', label: m.navPartners },
      { place: 'attachments', label: m.navAttachments },
      { place: 'people', label: m.navPeople },
    );
  }
  else for (const p of app.partners.filter((p) => data.access.partnerIds.includes(p.id))) parts.push({ place: p.id, label: m.navPartner(p.name) });
  const current = (p: EditorPlace) => (p === place ? 'page' : typeof place === 'number' && p === 'partners' && data.access.whole ? 'true' : undefined);
  return (
    <Layout ctx={{ ...ctx, current: 'applications' }} title={hasErrors ? `${ctx.t.errors.summaryTitle}: ${title}` : title}>
      <nav aria-label={ctx.t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'applications')}>{m.breadcrumbMine}</a>
          </li>
          <li>
            <a href={partPath(data, 'overview')} aria-current={place === 'overview' ? 'page' : undefined}>
              {app.title || m.untitled}
            </a>
          </li>
        </ol>
      </nav>
      <div class="page-heading">
        <h1>{title}</h1>
        <p class="lead">
          <a href={pagePath(locale, 'calls', String(call.id))}>{m.callLine(call.title[locale])}</a>{' '}
          <span class={`tag tag--${app.status === 'draft' ? 'info' : app.status === 'submitted' ? 'success' : 'neutral'}`}>{m.status[app.status]}</span>
        </p>
      </div>
      <nav class="editor-nav" aria-label={m.partsNav}>
        <ul>
          {parts.map((p) => (
            <li>
              <a href={partPath(data, p.place)} aria-current={current(p.place)}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {data.refusal ? <ReadOnlyNotice data={data} /> : null}
      {children}
    </Layout>
  );
}

export function refusalText(refusal: EditRefusal, ctx: PageContext): string {
  const m = applicationsMessages[ctx.locale];
  if (refusal.code === 'APPLICATION_STATE') return refusal.status === 'withdrawn' ? m.readOnlyWithdrawn : m.readOnlySubmitted;
  if (refusal.code === 'DEADLINE_PASSED' && refusal.closesAt) return m.readOnlyClosed(formatDateTime(refusal.closesAt, ctx.locale));
  return m.readOnlyNotOpen;
}

function ReadOnlyNotice({ data }: { data: EditorData }) {
  return (
    <div class="notice notice--warning" role="status">
      <p>{refusalText(data.refusal!, data.ctx)}</p>
    </div>
  );
}

/** "Saved at 10.02", after a save redirected back to the part. */
export function SavedNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div class="panel panel--success" role="status">
      <p>{text}</p>
    </div>
  );
}

/** Who saved a part while the viewer was editing it, and what to do now. */
export function ConflictNotice({ ctx, savedBy }: { ctx: PageContext; savedBy: SavedBy }) {
  const m = applicationsMessages[ctx.locale];
  const name = savedBy.name ?? m.unknownUser;
  return (
    <div class="notice notice--warning conflict-notice" role="alert" tabIndex={-1} id="conflict">
      <h2>{m.conflictTitle}</h2>
      <p>{m.conflictText(name, formatDateTime(savedBy.at, ctx.locale))}</p>
      <p>{m.conflictHow}</p>
    </div>
  );
}

/** Under a field: what the other person saved there. */
export function OtherValue({ ctx, savedBy, value }: { ctx: PageContext; savedBy: SavedBy | null; value: string | undefined }) {
  if (!savedBy || value === undefined) return null;
  const m = applicationsMessages[ctx.locale];
  return (
    <div class="conflict-value">
      <p class="conflict-value__label">{m.savedByOther(savedBy.name ?? m.unknownUser)}</p>
      <p class="conflict-value__text">{value === '' ? m.empty : value}</p>
    </div>
  );
}

/** A plain list of labelled values: a read-only part, or what was typed but could not be saved. */
export function ValueList({ items, empty }: { items: ReadonlyArray<{ label: string; value: string }>; empty: string }) {
  return (
    <dl class="summary-list">
      {items.map((item) => (
        <div>
          <dt>{item.label}</dt>
          <dd class="preserve-lines">{item.value === '' ? empty : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
