import { pagePath } from '../../../http/page-paths.js';
import { fieldId, Notice, SelectField } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { projectsPublicMessages } from '../projects.public.messages.js';
import type { PartnerSearchResult } from '../projects.search.js';
import { regionName } from './projects-search.js';

/** The partner search: a topic and the searcher's own region, then the organisations found. */
export function PartnerSearchPage(props: {
  ctx: PageContext;
  form: { q: string; region: string };
  ignored: boolean;
  regions: readonly Region[];
  result: PartnerSearchResult;
}) {
  const { ctx, form, result, regions } = props;
  const { locale } = ctx;
  const m = projectsPublicMessages[locale];
  const qId = fieldId('q');
  const projectsHref = (organisationId: number) => {
    const params = new URLSearchParams({ q: form.q, organisation: String(organisationId) });
    return `${pagePath(locale, 'projects')}?${params.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={m.partnerTitle} description={m.partnerLead}>
      <PageHeading title={m.partnerTitle} lead={m.partnerLead} />
      {props.ignored ? <Notice text={m.ignored} kind="warning" /> : null}
      <form method="get" action={pagePath(locale, 'partnerSearch')} class="filter-form" role="search">
        <fieldset>
          <legend>{m.partnerLegend}</legend>
          <div class="field">
            <label class="field__label" for={qId}>
              {m.topic}
            </label>
            <p class="field__hint" id={`${qId}-hint`}>
              {m.topicHint}
            </p>
            <input class="field__input" id={qId} name="q" type="search" value={form.q} maxLength={200} aria-describedby={`${qId}-hint`} />
          </div>
          <SelectField
            name="region"
            label={m.myRegion}
            hint={m.myRegionHint}
            value={form.region}
            placeholder={m.noRegion}
            options={regions.map((r) => ({ value: r.code, label: r.name[locale] }))}
          />
        </fieldset>
        <button type="submit" class="button">
          {m.partnerSubmit}
        </button>
      </form>

      <section aria-labelledby="partner-results-heading">
        <h2 id="partner-results-heading">{m.partnerResultsHeading}</h2>
        {!result.searched ? (
          <p>{m.partnerPrompt}</p>
        ) : result.organisations.length === 0 ? (
          <p role="status">{m.partnerNoResults}</p>
        ) : (
          <>
            <p class="muted" role="status">
              {m.partnerCount(result.total, result.organisations.length)}
            </p>
            <ScrollTable id="partner-results-caption" caption={m.partnerCaption}>
              <thead>
                <tr>
                  <th scope="col">{m.colOrganisation}</th>
                  <th scope="col">{m.colRegion}</th>
                  <th scope="col" class="numeric">
                    {m.colProjects}
                  </th>
                  <th scope="col">{m.colExamples}</th>
                </tr>
              </thead>
              <tbody>
                {result.organisations.map((o) => (
                  <tr>
                    <th scope="row">{o.name}</th>
                    <td>{regionName(regions, o.regionCode, locale)}</td>
                    <td class="numeric">
                      <a href={projectsHref(o.organisationId)}>
                        {o.projectCount}
                        <span class="visually-hidden"> – {m.allProjectsOf(o.name)}</span>
                      </a>
                    </td>
                    <td>
                      <ul class="partner-projects">
                        {o.projects.map((p) => (
                          <li>
                            <a href={pagePath(locale, 'projects', String(p.id))}>{p.title}</a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          </>
        )}
        <p>
          <a href={pagePath(locale, 'projects')}>{m.backToProjects}</a>
        </p>
      </section>
    </Layout>
  );
}
