import type { FieldError } from '../../http/errors.js';
import { endonym, locales } from '../../i18n/locales.js';

/**
 * Form parts in the GOV.UK pattern: an error summary at the top linking to each field, a message
 * at the field itself, and the value the user typed kept in the field.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden CSRF field every state-changing form carries (checked in plugins/auth.ts). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function fieldId(name: string): string {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  error: string | undefined;
  required?: boolean;
  maxLength?: number;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldParts({ id, label, hint, error }: { id: string; label: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      <label class="field__label" for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
    </>
  );
}

/** The hint and the error message of a field, with the ids that aria-describedby points to. */
function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextInput(
  props: FieldProps & { type?: 'text' | 'email' | 'url' | 'password' | 'tel' | 'number' | 'date'; autocomplete?: string; inputMode?: 'numeric' | 'text' },
) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <FieldParts id={id} label={props.label} hint={props.hint} error={props.error} />
      <input
        class="field__input"
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        maxLength={props.maxLength}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode}
        spellcheck={props.type === 'email' || props.type === 'url' ? false : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <FieldParts id={id} label={props.label} hint={props.hint} error={props.error} />
      <textarea
        class="field__input field__input--textarea"
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** The message of a field, if the validation gave one. */
export function errorOf(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** A labelled select in the same field pattern as TextInput: hint, message at the field, kept choice. */
export function SelectField(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A first, empty choice ("all", "choose…"). */
  placeholder?: string;
}) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <FieldParts id={id} label={props.label} hint={props.hint} error={props.error} />
      <select
        class="field__input field__input--select"
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A single checkbox with its label after it, sending "1" when ticked. */
export function Checkbox({ name, label, hint, checked }: { name: string; label: string; hint?: string; checked: boolean }) {
  const id = fieldId(name);
  return (
    <div class="field field--checkbox">
      <input type="checkbox" id={id} name={name} value="1" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label for={id}>{label}</label>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** What happened after a form was handled: a success (status) or a problem (alert) at the top of the page. */
export function Notice({ text, kind = 'success' }: { text: string | undefined; kind?: 'success' | 'warning' }) {
  if (!text) return null;
  return (
    <div class={kind === 'success' ? 'panel panel--success' : 'notice notice--warning'} role={kind === 'success' ? 'status' : 'alert'}>
      <p>{text}</p>
    </div>
  );
}

/** A group of radio buttons in a fieldset; the first button carries the field's id for the error summary. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string; lang?: string }>;
  value: string;
  error: string | undefined;
}) {
  const id = fieldId(name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class="field__label">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div class="choice-list">
          {options.map((o, i) => (
            <div class="choice">
              <input type="radio" name={name} id={i === 0 ? id : `${id}-${o.value}`} value={o.value} checked={o.value === value} />
              <label for={i === 0 ? id : `${id}-${o.value}`} lang={o.lang}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The choice of language for e-mail and pages, each language named in itself. */
export function LocaleChoice({ legend, value, error, hint }: { legend: string; value: string; error: string | undefined; hint?: string }) {
  return (
    <RadioGroup
      name="locale"
      legend={legend}
      {...(hint ? { hint } : {})}
      value={value}
      error={error}
      options={locales.map((l) => ({ value: l, label: endonym[l], lang: l }))}
    />
  );
}
