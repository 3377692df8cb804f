import { pagePath } from '../../../http/page-paths.js';
import type { PageContext } from '../../../views/page-context.js';
import { applicationsMessages } from '../applications.messages.js';

/** The way back, as on the editor's pages: My applications › the application. */
export function ApplicationBreadcrumb({ ctx, application }: { ctx: PageContext; application: { id: number; title: string } }) {
  const m = applicationsMessages[ctx.locale];
  return (
    <nav aria-label={ctx.t.site.breadcrumb} class="breadcrumb">
      <ol>
        <li>
          <a href={pagePath(ctx.locale, 'applications')}>{m.breadcrumbMine}</a>
        </li>
        <li>
          <a href={pagePath(ctx.locale, 'applications', String(application.id))}>{application.title.trim() || m.untitled}</a>
        </li>
      </ol>
    </nav>
  );
}
