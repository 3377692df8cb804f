import type { Locale, Localised } from '../../i18n/locales.js';
import { SelectField } from './form.js';

/**
 * The choices every public filter form offers: a council's region (by code) and a priority of the
 * strategy (by slug, which outlives strategy versions), named in the page's language.
 */
export interface RegionChoice {
  code: string;
  name: Localised;
}

export interface PriorityChoice {
  slug: string;
  name: Localised;
}

export const regionOptions = (regions: readonly RegionChoice[], locale: Locale) => regions.map((r) => ({ value: r.code, label: r.name[locale] }));

/** A priority without a name in the page's language is named in Finnish, as the pages show it. */
export const priorityOptions = (priorities: readonly PriorityChoice[], locale: Locale) =>
  priorities.map((p) => ({ value: p.slug, label: p.name[locale].trim() !== '' ? p.name[locale] : p.name.fi }));

interface FilterProps {
  locale: Locale;
  label: string;
  hint?: string | undefined;
  value: string;
  /** The first choice, "all regions" or "all priorities". */
  placeholder: string;
}

/** A region filter (`region=<code>`), "all regions" first. */
export function RegionFilter(props: FilterProps & { regions: readonly RegionChoice[] }) {
  return <SelectField name="region" label={props.label} hint={props.hint} value={props.value} placeholder={props.placeholder} options={regionOptions(props.regions, props.locale)} />;
}

/** A priority filter (`priority=<slug>`), "all priorities" first. */
export function PriorityFilter(props: FilterProps & { priorities: readonly PriorityChoice[] }) {
  return (
    <SelectField name="priority" label={props.label} hint={props.hint} value={props.value} placeholder={props.placeholder} options={priorityOptions(props.priorities, props.locale)} />
  );
}
