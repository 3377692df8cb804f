import { fieldId } from '../../../views/components/form.js';

/** A labelled select in the same field pattern as TextInput: hint, message at the field, kept choice. */
export function SelectField(props: {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
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
      <select class="field__input field__input--select" id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={described}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Success or problem text shown at the top of a page after a form was handled. */
export function Notice({ text, kind }: { text: string | undefined; kind: 'success' | 'warning' }) {
  if (!text) return null;
  return (
    <div class={kind === 'success' ? 'panel panel--success' : 'notice notice--warning'} role={kind === 'success' ? 'status' : 'alert'}>
      <p>{text}</p>
    </div>
  );
}
