import type { FastifyInstance } from 'fastify';
import { errorCatalogue } from '../../http/errors.js';
import { requestLocale, pageContext } from '../../http/render.js';
import { sendPage } from '../../http/page-routes.js';
import { locales, type Locale } from '../../i18n/locales.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { description?: string; type?: string };
}

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  responses?: Record<string, { description?: string }>;
}

interface Endpoint {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

/** The OpenAPI 3.1 document generated from the route schemas, and a readable reference page built from it. */
export async function apiDocsPages(app: FastifyInstance) {
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*');
    return app.swagger();
  });

  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const locale = requestLocale(request);
    const alternates = Object.fromEntries(locales.map((l) => [l, `/api/docs?lang=${l}`])) as Record<Locale, string>;
    const ctx = pageContext(request, locale, { alternates });
    const document = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
    const endpoints: Endpoint[] = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
    reply.header('vary', 'Accept-Language');
    return sendPage(reply, <ApiDocsPage ctx={ctx} endpoints={endpoints} />);
  });
}

function anchor(endpoint: Endpoint): string {
  return `${endpoint.method}-${endpoint.path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
}

function ApiDocsPage({ ctx, endpoints }: { ctx: PageContext; endpoints: Endpoint[] }) {
  const d = ctx.t.apiDocs;
  return (
    <Layout ctx={ctx} title={d.title}>
      <PageHeading title={d.title} lead={d.lead}>
        <p>
          <a href="/api/openapi.json">{d.openApiLink}</a>
        </p>
      </PageHeading>
      <nav aria-labelledby="endpoints-heading" class="toc">
        <h2 id="endpoints-heading">{d.endpoints}</h2>
        <ul class="link-list">
          {endpoints.map((e) => (
            <li>
              <a href={`#${anchor(e)}`}>
                <code>
                  {e.method} {e.path}
                </code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {endpoints.map((e) => (
        <section class="endpoint" aria-labelledby={anchor(e)}>
          <h3 id={anchor(e)}>
            <code>
              {e.method} {e.path}
            </code>
          </h3>
          {e.operation.summary ? <p lang="en">{e.operation.summary}</p> : null}
          {e.operation.parameters && e.operation.parameters.length > 0 ? (
            <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={`${anchor(e)}-parameters`}>
              <table>
                <caption id={`${anchor(e)}-parameters`}>{d.parameters}</caption>
                <thead>
                  <tr>
                    <th scope="col">{d.parameterName}</th>
                    <th scope="col">{d.parameterIn}</th>
                    <th scope="col">{d.parameterDescription}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.operation.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ' *' : ''}
                      </td>
                      <td>{p.in}</td>
                      <td>{p.description ?? p.schema?.description ?? p.schema?.type ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p>
            {d.responses}:{' '}
            {Object.entries(e.operation.responses ?? {})
              .map(([status, response]) => `${status}${response.description ? ` ${response.description}` : ''}`)
              .join(', ')}
          </p>
        </section>
      ))}
      <section aria-labelledby="errors-heading">
        <h2 id="errors-heading">{d.errorsHeading}</h2>
        <p>{d.errorsText}</p>
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="errors-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{d.errorCode}</th>
                <th scope="col">{d.errorStatus}</th>
                <th scope="col">{d.parameterDescription}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(errorCatalogue).map(([code, entry]) => (
                <tr id={`error-${code}`}>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{entry.status}</td>
                  <td lang="en">{entry.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}
