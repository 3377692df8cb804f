/** The editor form's values as the server reads them, and the application they make (shared by the live check and autosave). */
import type { ApplicationDraft, PartnerDraft } from '../../src/domain/eligibility.js';
import { applicationSections, costCategories } from '../../src/domain/eligibility.js';
import { parseDateInput, parseEuros, parseWholeNumber, readGeneralForm, readPartnerForm } from '../../src/features/applications/applications.form.js';

type Body = Record<string, string | string[]>;

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The form's current values as the server would read them (files left out). */
function formBody(form: HTMLFormElement): Body {
  const body: Body = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value !== 'string') return;
    const before = body[key];
    if (before === undefined) body[key] = value;
    else if (Array.isArray(before)) before.push(value);
    else body[key] = [before, value];
  });
  return body;
}

export function encoded(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') params.append(key, value);
  });
  return params.toString();
}

/** An amount as typed: cents, 0 for blank, NaN for something that is not an amount (the check then names the field). */
function cents(text: string): number {
  const parsed = parseEuros(text);
  return parsed.ok ? (parsed.cents ?? 0) : Number.NaN;
}

function centsOrUndefined(text: string): number | undefined {
  const parsed = parseEuros(text);
  return parsed.ok ? (parsed.cents ?? undefined) : Number.NaN;
}

function dateOf(text: string): string | null {
  const parsed = parseDateInput(text);
  // An unreadable date goes to the check as typed, which reports it as invalid.
  return parsed.ok ? parsed.date : text.trim();
}

/** The stored application with the edited part replaced by what the form holds now. */
export function draftFromForm(base: ApplicationDraft, partKey: string, form: HTMLFormElement): ApplicationDraft {
  const body = formBody(form);
  if (partKey === 'general') {
    const g = readGeneralForm(body);
    const answers: Record<number, string> = { ...base.answers };
    for (const [id, value] of Object.entries(g.answers)) answers[Number(id)] = value.trim();
    const indicators = g.indicators.flatMap((row) => {
      const target = parseWholeNumber(row.target);
      return row.name.trim() !== '' && target.ok && target.value !== null ? [{ name: row.name.trim(), unit: row.unit.trim(), targetValue: target.value }] : [];
    });
    return {
      ...base,
      title: g.title.trim(),
      summary: g.summary.trim(),
      priorityId: g.priority === '' ? null : Number(g.priority),
      startDate: dateOf(g.startDate),
      endDate: dateOf(g.endDate),
      sections: Object.fromEntries(applicationSections.map((s) => [s, g.sections[s].body])),
      indicators,
      answers,
    };
  }
  const p = readPartnerForm(body);
  const partners = base.partners.map((partner): PartnerDraft => {
    if (partner.key !== partKey) return partner;
    const costs: PartnerDraft['costs'] = {};
    for (const category of costCategories) {
      const name = `cost.${category}`;
      if (!(name in body)) continue;
      const value = centsOrUndefined(p.costs[category]);
      if (value !== undefined) costs[category] = value;
    }
    return {
      ...partner,
      unit: p.unit.trim(),
      roleDescription: p.roleDescription.trim(),
      contactName: p.contactName.trim(),
      contactEmail: p.contactEmail.trim(),
      costs: Object.keys(costs).length > 0 || costCategories.some((c) => `cost.${c}` in body) ? costs : partner.costs,
      requestedCents: 'requested' in body ? cents(p.requested) : partner.requestedCents,
      ownFundingCents: 'own_funding' in body ? cents(p.ownFunding) : partner.ownFundingCents,
      otherPublicCents: 'other_public' in body ? cents(p.otherPublic) : partner.otherPublicCents,
    };
  });
  return { ...base, partners };
}

