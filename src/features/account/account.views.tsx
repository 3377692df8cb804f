import type { ComponentChildren } from 'preact';
import type { PasswordProblem } from '../../domain/password-policy.js';
import { pagePath } from '../../http/page-paths.js';
import { fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import type { AccountMessages } from './account.messages.js';

/** Reads one text field of a form body; anything else (missing, repeated, not text) is ''. */
export function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

export function passwordProblemMessage(m: AccountMessages, problem: PasswordProblem): string {
  switch (problem.rule) {
    case 'too-short':
      return m.tooShort(problem.min);
    case 'too-long':
      return m.tooLong(problem.max);
    case 'common':
      return m.common;
    case 'personal':
      return m.personal;
    case 'repetitive':
      return m.repetitive;
  }
}

/** The frame of every account page: heading, an optional notice, and a way back to the overview. */
export function AccountFrame({
  ctx,
  title,
  lead,
  hasErrors,
  notice,
  back,
  children,
}: {
  ctx: PageContext;
  title: string;
  lead?: string;
  hasErrors?: boolean;
  notice?: string | undefined;
  back: string | null;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={hasErrors ? `${ctx.t.errors.summaryTitle}: ${title}` : title}>
      <div class="narrow">
        {back ? (
          <p class="breadcrumb">
            <a href={pagePath(ctx.locale, 'account')}>{back}</a>
          </p>
        ) : null}
        {notice ? (
          <div class="panel panel--success" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        <PageHeading title={title} {...(lead ? { lead } : {})} />
        {children}
      </div>
    </Layout>
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
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={described}>
        <legend class="field__label">{legend}</legend>
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
