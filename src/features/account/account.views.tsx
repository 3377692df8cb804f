import type { ComponentChildren } from 'preact';
import type { PasswordProblem } from '../../domain/password-policy.js';
import { pagePath } from '../../http/page-paths.js';
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

