/** The live check: checkEligibility on the form's current values, shown inside [data-live-check]. */
import { checkEligibility, type ApplicationDraft, type EligibilityResult, type Problem } from '../../src/domain/eligibility.js';
import { concernsPart, problemLocation } from '../../src/features/applications/problem-location.js';
import { applicationsMessages, problemMessage } from '../../src/features/applications/applications.messages.js';
import { formatRate } from '../../src/i18n/format.js';
import type { EditorPayload, LiveCheckMessages } from '../../src/features/applications/live-check.messages.js';
import { formatMoney, formatNumber } from '../../src/i18n/format.js';
import type { Locale } from '../../src/i18n/locales.js';
import { fieldId, fill } from './editor-form.js';

const ANNOUNCE_DELAY_MS = 1000;

export class LiveCheck {
  private announceTimer: number | undefined;
  private lastAnnounced = '';
  private readonly summary: HTMLElement;
  /** The call's file questions: answered on the attachments page, not in this form. */
  private readonly fileQuestionIds: number[];

  constructor(
    private readonly container: HTMLElement,
    private readonly payload: EditorPayload,
    private readonly locale: Locale,
    private readonly m: LiveCheckMessages,
  ) {
    this.summary = container.querySelector<HTMLElement>('[data-live-summary]') ?? this.makeSummary();
    this.fileQuestionIds = payload.rules.questions.filter((q) => q.kind === 'file').map((q) => q.id);
  }

  private makeSummary(): HTMLElement {
    const element = document.createElement('p');
    element.className = 'visually-hidden';
    element.setAttribute('role', 'status');
    element.setAttribute('data-live-summary', '');
    this.container.appendChild(element);
    return element;
  }

  update(draft: ApplicationDraft): void {
    const result = checkEligibility(this.payload.rules, draft);
    this.figures(result);
    const problems = this.problemsOfPart(result.problems);
    this.problemList(problems);
    this.announce(result, problems.length);
  }

  /** Figures may stand outside the container too (e.g. the flat-rate amount inside the form). */
  private set(name: string, text: string): void {
    document.querySelectorAll<HTMLElement>(`[data-figure="${name}"]`).forEach((element) => {
      if (element.textContent !== text) element.textContent = text;
    });
  }

  private money(value: number): string {
    return formatMoney(Number.isSafeInteger(value) ? value : 0, this.locale);
  }

  private figures(result: EligibilityResult): void {
    const f = result.figures;
    this.set('total-costs', this.money(f.totalCostsCents));
    this.set('requested', this.money(f.requestedCents));
    this.set('own-funding', this.money(f.ownFundingCents));
    this.set('other-public', this.money(f.otherPublicCents));
    this.set('financing', this.money(f.financingCents));
    this.set('aid-rate', f.aidRateBp === null ? '–' : formatRate(f.aidRateBp, this.locale));
    this.set('regions', formatNumber(f.regions.length, this.locale));
    this.set('duration', f.durationMonths === null ? '–' : formatNumber(f.durationMonths, this.locale));
    const part = f.partners.find((p) => p.key === this.payload.partKey);
    if (part) {
      this.set('part-staff', this.money(part.staffCents));
      this.set('part-other-costs', this.money(part.otherCostsCents));
      this.set('part-total-costs', this.money(part.totalCostsCents));
      this.set('part-financing', this.money(part.financingCents));
      this.set('part-requested', this.money(part.requestedCents));
      this.set('part-difference', this.money(Math.abs(part.financingCents - part.totalCostsCents)));
      const a = applicationsMessages[this.locale];
      this.set(
        'part-balance',
        part.financingCents === part.totalCostsCents ? a.financingEquals : a.financingDiffers(this.money(Math.abs(part.financingCents - part.totalCostsCents))),
      );
    }
  }

  /** The list of problems: [data-problems], or the editor's own problem list. */
  private listElement(): HTMLElement | null {
    return this.container.querySelector<HTMLElement>('[data-problems]') ?? this.container.querySelector<HTMLElement>('ul.problem-list');
  }

  private problemsOfPart(problems: readonly Problem[]): Problem[] {
    const key = this.payload.partKey;
    if (key === 'overview' || this.listElement()?.getAttribute('data-problems') === 'all') return [...problems];
    const part = key === 'general' ? ({ part: 'general' } as const) : ({ part: 'partner', partnerId: Number(key) } as const);
    return problems.filter((p) => concernsPart(p, part, this.payload.leadPartnerId, this.fileQuestionIds));
  }

  /**
   * The "nothing to correct" line: [data-problems-none], or else the paragraph the page shows in its
   * place right after the section's heading; made when the page had none.
   */
  private noneElement(list: HTMLElement | null): HTMLElement {
    const marked = this.container.querySelector<HTMLElement>('[data-problems-none]');
    if (marked) return marked;
    const heading = this.container.querySelector('h2, h3');
    const next = heading?.nextElementSibling;
    if (!list && next instanceof HTMLParagraphElement) {
      next.setAttribute('data-problems-none', '');
      return next;
    }
    const a = applicationsMessages[this.locale];
    const none = document.createElement('p');
    none.setAttribute('data-problems-none', '');
    none.textContent = this.payload.partKey === 'overview' ? a.checklistNone : a.partProblemsNone;
    none.hidden = true;
    (list ?? heading)?.insertAdjacentElement('afterend', none);
    return none;
  }

  private problemList(problems: readonly Problem[]): void {
    let list = this.listElement();
    const none = this.noneElement(list);
    if (!list) {
      list = document.createElement('ul');
      list.className = 'problem-list';
      list.setAttribute('data-problems', '');
      none.insertAdjacentElement('beforebegin', list);
    }
    none.hidden = problems.length > 0;
    list.hidden = problems.length === 0;
    const items = problems.map((problem) => {
      const item = document.createElement('li');
      item.setAttribute('data-field', problem.field);
      item.setAttribute('data-code', problem.code);
      const text = problemMessage(problem, this.locale, this.payload.names);
      const target = fieldId(problemLocation(problem, this.payload.leadPartnerId, this.fileQuestionIds).field);
      if (document.getElementById(target)) {
        const link = document.createElement('a');
        link.href = `#${target}`;
        link.textContent = text;
        item.appendChild(link);
      } else item.textContent = text;
      return item;
    });
    const same = items.length === list.children.length && items.every((item, i) => list!.children[i]!.textContent === item.textContent);
    if (!same) list.replaceChildren(...items);
  }

  /** A short, polite summary once the typing pauses, only when it changed. */
  private announce(result: EligibilityResult, count: number): void {
    const problems = count === 0 ? this.m.problemsNone : count === 1 ? this.m.problemsOne : fill(this.m.problemsMany, { count });
    const text = `${problems}${this.rateText(result)}`;
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(() => {
      if (text === this.lastAnnounced) return;
      this.lastAnnounced = text;
      this.summary.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  /** The first summary is set without announcing it: nothing has changed yet. */
  prime(draft: ApplicationDraft): void {
    const result = checkEligibility(this.payload.rules, draft);
    const count = this.problemsOfPart(result.problems).length;
    const problems = count === 0 ? this.m.problemsNone : count === 1 ? this.m.problemsOne : fill(this.m.problemsMany, { count });
    this.lastAnnounced = `${problems}${this.rateText(result)}`;
  }

  /** " Tukiosuus 75 %." after the count, when there are costs. */
  private rateText(result: EligibilityResult): string {
    const rate = result.figures.aidRateBp;
    return rate === null ? '' : ` ${applicationsMessages[this.locale].aidRate} ${formatRate(rate, this.locale)}.`;
  }
}

