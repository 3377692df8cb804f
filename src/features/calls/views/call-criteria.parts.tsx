import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import type { Locale } from '../../../i18n/locales.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { TextArea, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import type { PageContext } from '../../../views/page-context.js';
import { criteriaLimits, type NoteForm } from '../call-criteria.form.js';
import { callCriteriaMessages } from '../call-criteria.messages.js';
import type { EditMode } from '../call-criteria.service.js';
import type { Call } from '../calls.repository.js';

/** A call's title in the page's language, the Finnish one when that is missing. */
export function callTitle(call: Pick<Call, 'title'>, locale: Locale): string {
  return call.title[locale] || call.title.fi;
}

export type CallPageKey = 'criteria' | 'questions' | 'inquiries' | 'applications' | 'review' | 'funding' | 'decisions';

/**
 * Links between the officer's pages about one call: its details, criteria, extra questions,
 * applicants' questions, the applications, their review, the ranking and funding, and the decisions.
 */
export function CallPartsNav({ ctx, callId, current }: { ctx: PageContext; callId: number; current: CallPageKey | null }) {
  const { locale } = ctx;
  const m = callCriteriaMessages[locale];
  const id = String(callId);
  const links = [
    { key: 'criteria', label: m.criteriaLink },
    { key: 'questions', label: m.questionsLink },
    { key: 'inquiries', label: m.inquiriesLink },
    { key: 'applications', label: m.applicationsLink },
    { key: 'review', label: m.reviewLink },
    { key: 'funding', label: m.fundingLink },
    { key: 'decisions', label: m.decisionsLink },
  ] as const;
  return (
    <nav aria-label={m.partsNavigation}>
      <ul class="link-list">
        <li>
          <a href={pagePath(locale, 'adminCalls', id)}>{m.backToCall}</a>
        </li>
        {links.map((l) => (
          <li>
            <a href={pagePath(locale, 'adminCalls', id, l.key)} aria-current={l.key === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What may be done to the criteria and questions now, said at the top of each page. */
export function ModeNotice({ ctx, mode }: { ctx: PageContext; mode: EditMode }) {
  const m = callCriteriaMessages[ctx.locale];
  if (mode === 'free') return <p class="muted">{m.modeFree}</p>;
  return (
    <div class="notice notice--warning">
      <p>{mode === 'correction' ? m.modeCorrection : m.modeLocked}</p>
    </div>
  );
}

/** The correction announcement's fields, shown on every change of a published call. */
export function CorrectionFields({ ctx, form, errors }: { ctx: PageContext; form: NoteForm; errors: readonly FieldError[] }) {
  const m = callCriteriaMessages[ctx.locale];
  return (
    <fieldset class="form-section">
      <legend>{m.correctionLegend}</legend>
      <p class="field__hint">{m.correctionHint}</p>
      <TextArea name="note_fi" label={m.noteFi} value={form.note_fi} error={errorOf(errors, 'note_fi')} rows={3} maxLength={criteriaLimits.note} required />
      <TextArea name="note_sv" label={m.noteSv} value={form.note_sv} error={errorOf(errors, 'note_sv')} rows={3} maxLength={criteriaLimits.note} />
      <TextArea name="note_en" label={m.noteEn} value={form.note_en} error={errorOf(errors, 'note_en')} rows={3} maxLength={criteriaLimits.note} />
    </fieldset>
  );
}

/** The page shown (409) when a change is tried after the call has closed. */
export function LockedPage({ ctx, call, part }: { ctx: PageContext; call: Call; part: 'criteria' | 'questions' }) {
  const m = callCriteriaMessages[ctx.locale];
  return (
    <AdminPage ctx={ctx} title={m.lockedTitle}>
      <CallPartsNav ctx={ctx} callId={call.id} current={null} />
      <PageHeading title={m.lockedTitle} />
      <div class="notice notice--warning" role="alert">
        <p>{m.modeLocked}</p>
      </div>
      <p>
        <a href={pagePath(ctx.locale, 'adminCalls', String(call.id), part)}>{part === 'criteria' ? m.criteriaLink : m.questionsLink}</a>
      </p>
    </AdminPage>
  );
}

export function AdminPage({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <AdminLayout ctx={ctx} title={title} section="adminCalls">
      {children}
    </AdminLayout>
  );
}
