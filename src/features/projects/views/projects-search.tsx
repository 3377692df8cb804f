import { pagePath } from '../../../http/page-paths.js';
import { PriorityFilter, RegionFilter } from '../../../views/components/reference-fields.js';
import { formatMoney } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { fieldId, Notice, SelectField } from '../../../views/components/form.js';
import { DemoTag, PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { localText } from '../../calls/views/calls.parts.js';
import type { Region } from '../../regions/regions.repository.js';
import { projectsPublicMessages } from '../projects.public.messages.js';
import type { SearchChoices } from '../projects.public.repository.js';
import type { ProjectSearchResult, ProjectSummary } from '../projects.search.js';
import { Pager } from '../../../views/components/pager.js';

/** The search as the form shows it: what was asked for and recognised ('' for none). */
export interface ProjectSearchForm {
  q: string;
  priority: string;
  region: string;
  call: string;
  year: string;
  organisation: string;
  status: string;
}

export const regionName = (regions: readonly Region[], code: string, locale: Locale) => regions.find((r) => r.code === code)?.name[locale] ?? code;

export function ProjectSearchPage(props: {
  ctx: PageContext;
  form: ProjectSearchForm;
  ignored: boolean;
  choices: SearchChoices;
  regions: readonly Region[];
  result: ProjectSearchResult;
  first: string | undefined;
  next: string | undefined;
}) {
  const { ctx, form, choices, result } = props;
  const { locale } = ctx;
  const m = projectsPublicMessages[locale];
  const filtered = Object.values(form).some((v) => v !== '');
  const qId = fieldId('q');
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead}>
      <PageHeading title={m.title} lead={m.lead}>
        <p>
          <a href={pagePath(locale, 'partnerSearch')}>{m.partnerSearchLink}</a>
        </p>
      </PageHeading>
      {props.ignored ? <Notice text={m.ignored} kind="warning" /> : null}
      <form method="get" action={pagePath(locale, 'projects')} class="filter-form project-search" role="search">
        <div class="field project-search__query">
          <label class="field__label" for={qId}>
            {m.q}
          </label>
          <p class="field__hint" id={`${qId}-hint`}>
            {m.qHint}
          </p>
          <input class="field__input" id={qId} name="q" type="search" value={form.q} maxLength={200} aria-describedby={`${qId}-hint`} />
        </div>
        <fieldset>
          <legend>{m.filtersLegend}</legend>
          <PriorityFilter locale={locale} priorities={choices.priorities} label={m.priority} value={form.priority} placeholder={m.anyPriority} />
          <RegionFilter locale={locale} regions={props.regions} label={m.region} hint={m.regionHint} value={form.region} placeholder={m.anyRegion} />
          <SelectField
            name="call"
            label={m.call}
            value={form.call}
            placeholder={m.anyCall}
            options={choices.calls.map((c) => ({ value: String(c.id), label: `${localText(c.title, locale).text} (${c.reference})` }))}
          />
          <SelectField name="year" label={m.year} value={form.year} placeholder={m.anyYear} options={choices.years.map((y) => ({ value: String(y), label: String(y) }))} />
          <SelectField
            name="organisation"
            label={m.organisation}
            value={form.organisation}
            placeholder={m.anyOrganisation}
            options={(choices.organisations ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <SelectField
            name="status"
            label={m.status}
            value={form.status}
            placeholder={m.anyStatus}
            options={(['ongoing', 'completed'] as const).map((s) => ({ value: s, label: m.statuses[s] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.submit}
        </button>
        {filtered ? <a href={pagePath(locale, 'projects')}>{m.clear}</a> : null}
      </form>

      <section aria-labelledby="project-results-heading">
        <h2 id="project-results-heading">{m.resultsHeading}</h2>
        {result.total === 0 ? (
          <p role="status">{filtered ? m.noResults : m.noProjects}</p>
        ) : (
          <>
            <p class="muted" role="status">
              {m.resultCount(result.total)} {result.searched ? m.byScore : m.byDate}
            </p>
            {result.items.length > 0 ? (
              <ul class="project-list">
                {result.items.map((p) => (
                  <ProjectCard ctx={ctx} project={p} regions={props.regions} />
                ))}
              </ul>
            ) : null}
          </>
        )}
        <Pager labels={{ pagination: m.pagination, first: m.firstPage, next: m.nextPage }} first={props.first} next={props.next} />
      </section>
    </Layout>
  );
}

function ProjectCard({ ctx, project: p, regions }: { ctx: PageContext; project: ProjectSummary; regions: readonly Region[] }) {
  const { locale, t } = ctx;
  const m = projectsPublicMessages[locale];
  return (
    <li class="card project-card">
      <h3>
        <a href={pagePath(locale, 'projects', String(p.id))}>{p.title.trim() === '' ? m.untitled : p.title}</a>
        {p.isDemo ? (
          <>
            {' '}
            <DemoTag label={t.site.demoBadge} />
          </>
        ) : null}
      </h3>
      <dl class="facts facts--inline">
        <div>
          <dt>{m.leadOrganisation}</dt>
          <dd>{p.leadOrganisation.name}</dd>
        </div>
        <div>
          <dt>{m.regions}</dt>
          <dd>{p.regionCodes.map((c) => regionName(regions, c, locale)).join(', ')}</dd>
        </div>
        {p.priority ? (
          <div>
            <dt>{m.priority}</dt>
            <dd>{localText(p.priority.name, locale).text}</dd>
          </div>
        ) : null}
        <div>
          <dt>{m.decisionYear}</dt>
          <dd>{p.decisionYear}</dd>
        </div>
        <div>
          <dt>{m.granted}</dt>
          <dd>{formatMoney(p.grantedCents, locale, { wholeEuros: true })}</dd>
        </div>
        <div>
          <dt>{m.status}</dt>
          <dd>{m.statuses[p.status]}</dd>
        </div>
      </dl>
    </li>
  );
}
