/**
 * The application editor's enhancement (progressive: every page works without it).
 *
 * - Live checks: on every change the application is rebuilt from the form's current values and run
 *   through checkEligibility, the same pure function the server applies at save and submission; the
 *   figures and the problems inside [data-live-check] are updated, and a short summary is announced
 *   politely. Focus is never moved.
 * - Autosave: 2 s after the last change, when a field is left and when the page is hidden, the form
 *   is posted in the background to its JSON endpoint; the hidden version field follows each save. A
 *   conflict (someone else saved the part) or a refusal (the call closed) stops the automatic saves
 *   and shows the server's message; the Save button keeps working as without the script.
 *
 * Bundled by src/http/plugins/assets.ts with esbuild and served at /assets/application-editor.js.
 */
import type { EditorPayload, LiveCheckMessages } from '../../src/features/applications/live-check.messages.js';
import { isLocale, type Locale } from '../../src/i18n/locales.js';
import { Autosave } from './editor-autosave.js';
import { draftFromForm } from './editor-form.js';
import { LiveCheck } from './editor-live-check.js';

function messagesFor(payload: EditorPayload, locale: Locale): LiveCheckMessages {
  const m = payload.messages as Partial<Record<Locale, LiveCheckMessages>> & Partial<LiveCheckMessages>;
  return typeof m.autosaved === 'string' ? (m as LiveCheckMessages) : (m[locale] ?? m.fi!);
}

/**
 * Where the form saves itself: data-autosave="/path", else the page's autosaveUrl, else the endpoint
 * beside the form's own address (…/12/general → …/12/autosave/general, …/12/partners/34 → …/12/autosave/partners/34).
 */
function autosaveUrlOf(form: HTMLFormElement, payload: EditorPayload): string | undefined {
  const declared = form.getAttribute('data-autosave') ?? '';
  if (declared.startsWith('/')) return declared;
  if (payload.autosaveUrl) return payload.autosaveUrl;
  const action = new URL(form.action, window.location.href).pathname;
  const general = /^(.*\/\d+)\/general$/.exec(action);
  if (general) return `${general[1]}/autosave/general`;
  const partner = /^(.*\/\d+)\/partners\/(\d+)$/.exec(action);
  return partner ? `${partner[1]}/autosave/partners/${partner[2]}` : undefined;
}

function start(): void {
  if (typeof window.fetch !== 'function' || typeof window.FormData !== 'function' || typeof window.URLSearchParams !== 'function') return;
  const data = document.getElementById('eligibility-data');
  if (!data) return;
  let payload: EditorPayload;
  try {
    payload = JSON.parse(data.textContent ?? '') as EditorPayload;
  } catch {
    return;
  }
  const lang = document.documentElement.lang;
  const locale: Locale = payload.locale ?? (isLocale(lang) ? lang : 'fi');
  const m = messagesFor(payload, locale);
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  const container = document.querySelector<HTMLElement>('[data-live-check]');

  if (container && payload.rules && payload.draft) {
    const live = new LiveCheck(container, payload, locale, m);
    const current = () => (form && payload.partKey !== 'overview' ? draftFromForm(payload.draft, payload.partKey, form) : payload.draft);
    live.prime(current());
    if (form) {
      const refresh = () => {
        try {
          live.update(current());
        } catch {
          // One failed check never stops the page: the server checks again on save.
        }
      };
      form.addEventListener('input', refresh);
      form.addEventListener('change', refresh);
      // A page shown again after a refused save holds what was typed: check that, quietly.
      refresh();
    }
  }

  // After a conflict the person chooses between the versions by saving on purpose: nothing is saved for them.
  const conflict = document.querySelector('.conflict-notice, [data-autosave-off]');
  if (form && !conflict) {
    const url = autosaveUrlOf(form, payload);
    if (url) new Autosave(form, url, m);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
