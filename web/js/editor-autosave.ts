/** Autosave: the editor form posted in the background to its JSON endpoint. */
import type { LiveCheckMessages } from '../../src/features/applications/live-check.messages.js';
import { encoded } from './editor-form.js';

const AUTOSAVE_DELAY_MS = 2000;

type AutosaveAnswer =
  | { saved: true; version: number; savedAt: string; message: string }
  | { conflict: true; savedBy: string; savedAt: string; message: string }
  | { refused: true; code: string; message: string }
  | { errors: Array<{ field: string; message: string }> };

export class Autosave {
  private timer: number | undefined;
  /** Changes since the last save started. */
  private changes = 0;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private submitting = false;
  private readonly status: HTMLElement;

  constructor(
    private readonly form: HTMLFormElement,
    private readonly url: string,
    private readonly m: LiveCheckMessages,
  ) {
    this.status = form.querySelector<HTMLElement>('[data-autosave-status]') ?? document.querySelector<HTMLElement>('[data-autosave-status]') ?? this.makeStatus();
    form.addEventListener('input', () => this.changed());
    form.addEventListener('change', () => this.changed());
    form.addEventListener('focusout', () => {
      if (this.changes > 0) this.saveSoon(0);
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && this.changes > 0) void this.save(true);
    });
    form.addEventListener('submit', (event) => this.beforeSubmit(event));
  }

  private makeStatus(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'autosave-status';
    element.setAttribute('role', 'status');
    element.setAttribute('data-autosave-status', '');
    const button = this.form.querySelector('button[type="submit"], button:not([type])');
    const anchor = button?.closest('.button-group, .actions') ?? button;
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(element, anchor.nextSibling);
    else this.form.appendChild(element);
    return element;
  }

  /** The status line is a polite live region: it speaks only the outcome of a save, never "saving". */
  private say(text: string, kind: 'saved' | 'problem' = 'saved'): void {
    this.status.textContent = text;
    this.status.classList.toggle('autosave-status--problem', kind === 'problem');
  }

  private changed(): void {
    if (this.stopped || this.submitting) return;
    this.changes += 1;
    this.saveSoon(AUTOSAVE_DELAY_MS);
  }

  private saveSoon(delay: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.save(false), delay);
  }

  /** A save already running finishes first, so that the page's own post carries the newest version. */
  private beforeSubmit(event: SubmitEvent): void {
    window.clearTimeout(this.timer);
    if (this.submitting || !this.inFlight) {
      this.submitting = true;
      return;
    }
    event.preventDefault();
    this.submitting = true;
    const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
    void this.inFlight.then(() => {
      if (submitter && submitter.name) {
        const hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = submitter.name;
        hidden.value = submitter.value;
        this.form.appendChild(hidden);
      }
      this.form.submit();
    });
  }

  private async save(leaving: boolean): Promise<void> {
    if (this.stopped || this.submitting) return;
    if (this.inFlight) {
      await this.inFlight;
      if (this.changes === 0 || this.stopped || this.submitting) return;
    }
    const sent = this.changes;
    this.changes = 0;
    this.inFlight = this.post(leaving, sent).finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    if (this.changes > 0 && !this.stopped) this.saveSoon(AUTOSAVE_DELAY_MS);
  }

  private async post(leaving: boolean, sent: number): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: encoded(this.form),
        keepalive: leaving,
      });
    } catch {
      this.changes += sent;
      this.say(this.m.failed, 'problem');
      return;
    }
    let answer: AutosaveAnswer | null = null;
    try {
      answer = (await response.json()) as AutosaveAnswer;
    } catch {
      answer = null;
    }
    if (response.ok && answer && 'saved' in answer) {
      const version = this.form.querySelector<HTMLInputElement>('input[name="version"]');
      if (version) version.value = String(answer.version);
      this.say(answer.message);
      return;
    }
    if (answer && ('conflict' in answer || 'refused' in answer)) {
      this.stopped = true;
      this.say(answer.message, 'problem');
      return;
    }
    if (response.status === 400 && answer && 'errors' in answer) {
      // The values stay in the form; the next change tries again.
      this.changes += sent;
      this.say(`${this.m.invalid} ${answer.errors.map((e) => e.message).join(' ')}`, 'problem');
      return;
    }
    // Signed out, no longer allowed, or the server failed: the Save button still posts the form.
    this.changes += sent;
    if (response.status === 401 || response.status === 403) this.stopped = true;
    this.say(this.m.failed, 'problem');
  }
}

