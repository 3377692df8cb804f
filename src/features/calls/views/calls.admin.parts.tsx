import type { CallPhase } from '../../../domain/call-lifecycle.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { Locale, Localised } from '../../../i18n/locales.js';
import { fieldId } from '../../../views/components/form.js';
import { helsinkiOffset } from '../calls.admin.values.js';
import { callsAdminMessages } from '../calls.admin.messages.js';

/** A call's text in the page's language, or the Finnish one when that language has none. */
export const textIn = (text: Localised, locale: Locale) => text[locale].trim() || text.fi;

const phaseTag: Record<CallPhase, string> = {
  draft: 'tag tag--neutral',
  published: 'tag tag--info',
  open: 'tag tag--success',
  closed: 'tag tag--pending',
  in_review: 'tag tag--info',
  decided: 'tag tag--approved',
};

/** The phase as a tag; its words carry the meaning, the colour only repeats it. */
export function PhaseTag({ phase, locale }: { phase: CallPhase; locale: Locale }) {
  return <span class={phaseTag[phase]}>{callsAdminMessages[locale].phases[phase]}</span>;
}


/** A time in Helsinki; in the hour that occurs twice in autumn, with the offset that tells the two apart. */
export function helsinkiTimeText(iso: string, locale: Locale): string {
  const m = callsAdminMessages[locale];
  const { offsetHours, ambiguous } = helsinkiOffset(new Date(iso));
  const text = formatDateTime(iso, locale);
  return ambiguous ? `${text} (${offsetHours === 3 ? m.summerTime : m.winterTime})` : text;
}

/** A group of checkboxes in a fieldset; the first box carries the group's id for the error summary. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
}) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={described}>
        <legend class="field__label">{props.legend}</legend>
        {props.hint ? (
          <p class="field__hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        ) : null}
        {props.error ? (
          <p class="field__error" id={`${id}-error`}>
            {props.error}
          </p>
        ) : null}
        <div class="choice-list">
          {props.options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="choice">
                <input type="checkbox" name={props.name} id={boxId} value={o.value} checked={props.values.includes(o.value)} />
                <label for={boxId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
