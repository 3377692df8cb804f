import type { ProjectStatus, ReportingPeriodKind } from '../../../db/schema.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatCalendarDate } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { Checkbox, SelectField } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Pager } from '../../../views/components/pager.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { projectsAdminMessages } from '../projects.admin.messages.js';
import { ProjectStatusTag } from './admin-project-parts.js';

export interface AdminProjectListRow {
  id: number;
  title: string;
  leadName: string;
  status: ProjectStatus;
  councils: string[];
  nextDue: { kind: ReportingPeriodKind; due: string } | null;
  lateCount: number;
}

export interface AdminProjectListProps {
  ctx: PageContext;
  rows: AdminProjectListRow[];
  /** The councils the officer may filter by: code and council name. */
  councils: ReadonlyArray<{ code: string; name: string }>;
  filter: { status: string; lateOnly: boolean; council: string };
  allProjects: boolean;
  previous: string | undefined;
  next: string | undefined;
}

/** The officers' list of funded projects, with each project's next report and its late reports in words. */
export function AdminProjectListPage(props: AdminProjectListProps) {
  const { ctx, rows, filter } = props;
  const { t, locale } = ctx;
  const m = projectsAdminMessages[locale];
  const councilName = new Map(props.councils.map((c) => [c.code, c.name]));
  return (
    <AdminLayout ctx={ctx} title={t.admin.projects} section="adminProjects">
      <PageHeading title={t.admin.projects} lead={props.allProjects ? m.list.leadAdmin : m.list.lead} />
      <form method="get" action={pagePath(locale, 'adminProjects')} class="filter-form">
        <fieldset>
          <legend>{m.list.filterLegend}</legend>
          <SelectField
            name="status"
            label={m.list.status}
            value={filter.status}
            placeholder={m.list.allStatuses}
            options={(['ongoing', 'completed'] as const).map((s) => ({ value: s, label: m.projectStatus[s] }))}
          />
          <SelectField name="council" label={m.list.council} value={filter.council} placeholder={m.list.allCouncils} options={props.councils.map((c) => ({ value: c.code, label: c.name }))} />
          <Checkbox name="late" label={m.list.lateOnly} checked={filter.lateOnly} />
        </fieldset>
        <button type="submit" class="button">
          {m.list.filter}
        </button>{' '}
        <a href={pagePath(locale, 'adminProjects')}>{m.list.clearFilter}</a>
      </form>
      {rows.length === 0 ? (
        <p>{m.list.none}</p>
      ) : (
        <ScrollTable id="admin-projects-caption" caption={m.list.caption}>
          <thead>
            <tr>
              <th scope="col">{m.list.colTitle}</th>
              <th scope="col">{m.list.colLead}</th>
              <th scope="col">{m.list.colCouncils}</th>
              <th scope="col">{m.list.colNextDue}</th>
              <th scope="col">{m.list.colLate}</th>
              <th scope="col">{m.list.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={pagePath(locale, 'adminProjects', String(r.id))}>{r.title}</a>
                </th>
                <td>{r.leadName}</td>
                <td>{r.councils.map((c) => councilName.get(c) ?? c).join(', ')}</td>
                <td>{r.nextDue ? m.list.nextDue(m.periods.kinds[r.nextDue.kind], formatCalendarDate(r.nextDue.due, locale)) : m.list.noneDue}</td>
                <td>{r.lateCount > 0 ? <span class="tag tag--error">{m.list.late(r.lateCount)}</span> : m.list.notLate}</td>
                <td>
                  <ProjectStatusTag status={r.status} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <Pager labels={m.list.pager} previous={props.previous} next={props.next} />
    </AdminLayout>
  );
}
