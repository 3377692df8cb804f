import { pagePath } from '../http/page-paths.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export function ErrorPage({ ctx, status, code, requestId }: { ctx: PageContext; status: number; code?: string; requestId?: string }) {
  const { t } = ctx;
  const [title, text] =
    status === 404
      ? [t.errors.notFoundTitle, t.errors.notFoundText]
      : status === 403 && code === 'CSRF_FAILED'
        ? [t.errors.csrfTitle, t.errors.csrfText]
        : status === 403 || status === 401
          ? [t.errors.forbiddenTitle, t.errors.forbiddenText]
          : status === 409
            ? [t.errors.conflictTitle, t.errors.conflictText]
            : status === 429
              ? [t.errors.tooManyTitle, t.errors.tooManyText]
              : status === 503
        ? [t.errors.unavailableTitle, t.errors.unavailableText]
        : status >= 500
          ? [t.errors.serverErrorTitle, t.errors.serverErrorText]
          : [t.errors.badRequestTitle, t.errors.badRequestText];
  return (
    <Layout ctx={ctx} title={title}>
      <div class="page-heading">
        <h1>{title}</h1>
        <p class="lead">{text}</p>
      </div>
      {status >= 500 && requestId ? <p class="muted">{t.errors.requestId(requestId)}</p> : null}
      <p>
        <a href={pagePath(ctx.locale, 'home')}>{t.errors.goHome}</a>
      </p>
    </Layout>
  );
}
