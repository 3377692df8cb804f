import type { ApplicationDraft, CallRules } from '../../../domain/eligibility.js';
import { pagePath } from '../../../http/page-paths.js';
import { APPLICATION_EDITOR_SCRIPT } from '../../../http/plugins/assets.js';
import type { Locale } from '../../../i18n/locales.js';
import { callRules } from '../../calls/calls.repository.js';
import type { ProblemNames } from '../applications.messages.js';
import { toDraft } from '../applications.repository.js';
import { liveCheckMessages, type EditorPayload } from '../live-check.messages.js';
import { leadPartnerId, problemNames, type EditorData } from './editor-frame.js';

/** JSON that can stand inside a <script> element: no "<" can open </script> or <!-- in it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The data the editor's script needs, and the script itself (deferred, from /assets: the strict CSP
 * allows no inline script; a JSON data block is not run). Put it once on an editor page. Without
 * JavaScript nothing here does anything, and the page works as before.
 *
 * The script (web/js/application-editor.ts) enhances what the page already has:
 * - a `<form data-autosave="URL">` (URL optional: `autosaveUrl` here is used otherwise) is saved
 *   2 s after the last change, on leaving a field and when the page is hidden; its hidden `version`
 *   field is updated after each save, and a status line (`[data-autosave-status]`, made if missing)
 *   tells what happened. A conflict or a refusal stops the automatic saves.
 * - a `[data-live-check]` container is updated on every change, from checkEligibility on the form's
 *   current values: elements `[data-figure="NAME"]` get the figure's text (total-costs, requested,
 *   own-funding, other-public, financing, aid-rate, regions, duration, and for a partner's page
 *   part-staff, part-other-costs, part-total-costs, part-financing, part-difference), a list
 *   `[data-problems]` gets the problems of this part (`data-problems="all"`: every problem) as links
 *   to their fields, and `[data-problems-none]` is shown when there are none.
 */
export function EligibilityData(props: {
  rules: CallRules;
  draft: ApplicationDraft;
  /** 'general', a partner's key (its id as a string), or 'overview'. */
  partKey: string;
  /** The page's language; without it the texts of every language are sent and the script picks by <html lang>. */
  locale?: Locale;
  /** Region and question names for the problem messages; partners' names are taken from the draft. */
  names?: ProblemNames;
  leadPartnerId?: number | null;
  autosaveUrl?: string;
}) {
  const partners = Object.fromEntries(props.draft.partners.map((p) => [p.key, p.name]));
  const payload: EditorPayload = {
    ...(props.locale ? { locale: props.locale } : {}),
    rules: props.rules,
    draft: props.draft,
    partKey: props.partKey,
    leadPartnerId: props.leadPartnerId ?? (Number(props.draft.partners.find((p) => p.isLead)?.key) || null),
    names: { ...props.names, partners: { ...partners, ...props.names?.partners } },
    ...(props.autosaveUrl ? { autosaveUrl: props.autosaveUrl } : {}),
    messages: props.locale ? liveCheckMessages[props.locale] : liveCheckMessages,
  };
  return (
    <>
      <script type="application/json" id="eligibility-data" dangerouslySetInnerHTML={{ __html: scriptSafeJson(payload) }} />
      <script src={APPLICATION_EDITOR_SCRIPT} defer />
    </>
  );
}

/** The autosave endpoint of a part, for `<form data-autosave={autosavePath(...)}>`. */
export function autosavePath(locale: Locale, applicationId: number, part: 'general' | { partnerId: number }): string {
  return part === 'general'
    ? pagePath(locale, 'applications', String(applicationId), 'autosave', 'general')
    : pagePath(locale, 'applications', String(applicationId), 'autosave', 'partners', String(part.partnerId));
}

/**
 * EligibilityData for a page of the application editor, from what the page already has: put
 * `<EditorScript data={data} part="general" />` (or the partner's id, or 'overview') anywhere in the
 * page. Nothing is sent when the application can no longer be changed.
 */
export function EditorScript({ data, part }: { data: EditorData; part: 'overview' | 'general' | number }) {
  if (data.refusal) return null;
  const { locale } = data.ctx;
  const autosaveUrl = part === 'overview' ? undefined : autosavePath(locale, data.app.id, part === 'general' ? 'general' : { partnerId: part });
  return (
    <EligibilityData
      rules={callRules(data.call)}
      draft={toDraft(data.app)}
      partKey={typeof part === 'number' ? String(part) : part}
      locale={locale}
      names={problemNames(data)}
      leadPartnerId={leadPartnerId(data.app)}
      {...(autosaveUrl ? { autosaveUrl } : {})}
    />
  );
}
