import { pagePath } from '../../../http/page-paths.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { datasetIds, datasets, formats, LICENCE, type DatasetSpec } from '../datasets.js';
import { openDataMessages } from '../open-data.messages.js';

const formatNames = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' } as const;

/** The address of a dataset's file. */
export const fileHref = (id: string, format: string): string => `/api/v1/open-data/${id}.${format}`;

/**
 * The open data page: the licence and update frequency, each dataset with a link to its file in each
 * format and its columns (name, type, description in the page's language), the file formats'
 * conventions, and links to the API.
 */
export function OpenDataPage({ ctx }: { ctx: PageContext }) {
  const { locale } = ctx;
  const m = openDataMessages[locale];
  return (
    <Layout ctx={ctx} title={m.title} description={m.lead}>
      <PageHeading title={m.title} lead={m.lead} />

      <section aria-labelledby="open-data-terms">
        <h2 id="open-data-terms">{m.termsHeading}</h2>
        <dl class="facts">
          <dt>{m.licence}</dt>
          <dd>
            <a href={LICENCE.url} rel="license">
              {m.licenceText}
            </a>
          </dd>
          <dt>{m.attribution}</dt>
          <dd>{LICENCE.attribution}</dd>
          <dt>{m.updates}</dt>
          <dd>{m.updatesText}</dd>
        </dl>
        <p>{m.publicity}</p>
      </section>

      {datasetIds.map((id) => (
        <DatasetSection ctx={ctx} dataset={datasets[id]} />
      ))}

      <section aria-labelledby="open-data-formats">
        <h2 id="open-data-formats">{m.formatsHeading}</h2>
        <ul>
          <li>{m.formatCsv}</li>
          <li>{m.formatXlsx}</li>
          <li>{m.formatJson}</li>
        </ul>
        <p>{m.conventions}</p>
      </section>

      <section aria-labelledby="open-data-api">
        <h2 id="open-data-api">{m.apiHeading}</h2>
        <ul>
          <li>
            <a href={`/api/docs?lang=${locale}`}>{m.apiDocs}</a>
          </li>
          <li>
            <a href="/api/v1/open-data">{m.catalogue}</a>
          </li>
          <li>
            <a href="/api/v1/projects">{m.projectsApi}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'monitoring')}>{m.monitoring}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

function DatasetSection({ ctx, dataset }: { ctx: PageContext; dataset: DatasetSpec }) {
  const { locale } = ctx;
  const m = openDataMessages[locale];
  const title = dataset.title[locale];
  const headingId = `dataset-${dataset.id}`;
  return (
    <section aria-labelledby={headingId} class="open-data-dataset">
      <h2 id={headingId}>{title}</h2>
      <p>{dataset.description[locale]}</p>
      <ul class="open-data-downloads" aria-label={m.downloads(title)}>
        {formats.map((format) => (
          <li>
            <a href={fileHref(dataset.id, format)} download={`${dataset.id}.${format}`}>
              {m.download(title, formatNames[format])}
            </a>
          </li>
        ))}
      </ul>
      <ScrollTable id={`${headingId}-columns`} caption={m.columnsCaption(title)}>
        <thead>
          <tr>
            <th scope="col">{m.colName}</th>
            <th scope="col">{m.colType}</th>
            <th scope="col">{m.colDescription}</th>
          </tr>
        </thead>
        <tbody>
          {dataset.columns.map((c) => (
            <tr>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>{m.types[c.type]}</td>
              <td>{c.description[locale]}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
