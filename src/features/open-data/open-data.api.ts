import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentDisposition } from '../../http/downloads.js';
import { AppError } from '../../http/errors.js';
import { jsonEtag } from '../calls/calls.api.js';
import { alternatePaths } from '../../http/page-paths.js';
import { LocalisedSchema, ProblemSchema } from '../../http/schemas.js';
import { datasetIds, datasets, formats, isDatasetId, isFormat, LICENCE } from './datasets.js';
import { contentTypes, dataEtag, etagMatches, OPEN_DATA_CACHE, renderFile, type OpenDataFile } from './open-data.files.js';
import { loadDataset } from './open-data.repository.js';

/**
 * The open data files: a catalogue of the datasets with a link to each file, and each dataset as
 * CSV, XLSX or JSON (GET /api/v1/open-data/projects.csv). Public, cached by shared caches for five
 * minutes and revalidated by ETag; any origin may read them.
 */

const ColumnSchema = Type.Object({
  name: Type.String(),
  type: Type.Union(['integer', 'decimal', 'text', 'date', 'datetime', 'list', 'map'].map((t) => Type.Literal(t)), {
    description: 'integer; decimal (a number with a decimal point); text; date (YYYY-MM-DD); datetime (ISO 8601, UTC); list (an array in JSON, items joined by ";" in CSV and XLSX); map (an object of region code → cents in JSON, "code:cents" pairs joined by ";" in CSV and XLSX)',
  }),
  description: LocalisedSchema,
});

const LicenceSchema = Type.Object({ name: Type.String(), url: Type.String({ format: 'uri' }), attribution: Type.String() });

const CatalogueSchema = Type.Object({
  licence: LicenceSchema,
  datasets: Type.Array(
    Type.Object({
      id: Type.Union(datasetIds.map((d) => Type.Literal(d))),
      title: LocalisedSchema,
      description: LocalisedSchema,
      columns: Type.Array(ColumnSchema),
      links: Type.Object({ csv: Type.String({ format: 'uri' }), xlsx: Type.String({ format: 'uri' }), json: Type.String({ format: 'uri' }) }),
    }),
  ),
  links: Type.Object({
    self: Type.String({ format: 'uri' }),
    page: Type.Object({ fi: Type.String({ format: 'uri' }), sv: Type.String({ format: 'uri' }), en: Type.String({ format: 'uri' }) }, { description: 'The open data page in each language' }),
  }),
});

const JsonFileSchema = Type.Object({
  dataset: Type.String(),
  title: LocalisedSchema,
  description: LocalisedSchema,
  licence: LicenceSchema,
  generatedAt: Type.String({ format: 'date-time' }),
  columns: Type.Array(ColumnSchema),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'One object per row, keyed by column name' }),
});

const notModified = Type.Null({ description: 'Not modified: the data is the same as that of the ETag sent in If-None-Match' });

function cacheHeaders(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header('etag', etag).header('cache-control', OPEN_DATA_CACHE).header('access-control-allow-origin', '*').header('vary', 'Accept-Encoding');
}

const notModifiedFor = (request: FastifyRequest, etag: string) => etagMatches(request.headers['if-none-match'], etag);

const sendNotModified = (reply: FastifyReply): FastifyReply => reply.code(304).send();

function sendFile(reply: FastifyReply, file: OpenDataFile): FastifyReply {
  return reply
    .code(200)
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** Files up to this size are kept per instance until their data changes (rendering an XLSX is the slow part). */
const KEEP_BYTES = 16 * 1024 * 1024;

export const openDataApi: FastifyPluginAsyncTypebox = async (app) => {
  /** The last file made of each dataset and format, with the ETag of its data. */
  const lastFiles = new Map<string, { etag: string; file: OpenDataFile }>();

  app.get(
    '/open-data',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'The open datasets: calls, decisions, projects and indicator values, each as CSV, XLSX and JSON',
        description: `Each dataset with its columns (name, type, description in Finnish, Swedish and English) and a link to each file. Licence ${LICENCE.name}, attribution "${LICENCE.attribution}".`,
        response: { 200: CatalogueSchema, 304: notModified },
      },
    },
    async (request, reply) => {
      const base = app.config.baseUrl;
      const body = {
        licence: { ...LICENCE },
        datasets: datasetIds.map((id) => ({
          id,
          title: datasets[id].title,
          description: datasets[id].description,
          columns: [...datasets[id].columns],
          links: Object.fromEntries(formats.map((f) => [f, `${base}/api/v1/open-data/${id}.${f}`])) as Record<(typeof formats)[number], string>,
        })),
        links: {
          self: `${base}/api/v1/open-data`,
          page: Object.fromEntries(Object.entries(alternatePaths('openData')).map(([l, p]) => [l, `${base}${p}`])) as { fi: string; sv: string; en: string },
        },
      };
      const etag = jsonEtag(body);
      cacheHeaders(reply, etag);
      if (notModifiedFor(request, etag)) return sendNotModified(reply);
      return body;
    },
  );

  app.get(
    '/open-data/:file',
    {
      config: { access: 'public' },
      schema: {
        tags: ['open-data'],
        summary: 'One open dataset as a file: calls, decisions, projects or indicator-values, as .csv, .xlsx or .json',
        description:
          'The file is named <dataset>.<format>, e.g. projects.csv. CSV: RFC 4180 with commas and CRLF, UTF-8 with a byte-order mark; a text starting with = + - @, a tab or CR gets a leading apostrophe so that no spreadsheet runs it as a formula. XLSX: a bold frozen header row, numbers as numbers, a second sheet describing the columns. JSON: { dataset, title, description, licence, generatedAt, columns, rows }. Money is in integer euro cents, indicator values and targets are decimal numbers in the unit, dates YYYY-MM-DD and instants ISO 8601 UTC. Only public facts: no draft call, unfunded application, application section, contact person, report narrative, attachment or reviewer.',
        params: Type.Object({ file: Type.String({ maxLength: 40, description: 'dataset.format, e.g. projects.csv', examples: ['projects.csv'] }) }),
        response: {
          200: {
            description: 'The file, as an attachment',
            content: {
              [contentTypes.csv]: { schema: Type.String() },
              [contentTypes.xlsx]: { schema: Type.String({ format: 'binary' }) },
              'application/json': { schema: JsonFileSchema },
            },
          },
          304: notModified,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const match = /^([a-z-]+)\.([a-z]+)$/.exec(request.params.file);
      const [, id = '', format = ''] = match ?? [];
      if (!isDatasetId(id)) {
        throw new AppError('NOT_FOUND', `No open dataset is called "${id || request.params.file}"; the datasets are ${datasetIds.join(', ')}.`);
      }
      if (!isFormat(format)) throw new AppError('NOT_FOUND', `The dataset ${id} is not given as "${format}"; the formats are ${formats.join(', ')}.`);
      const now = app.now();
      const rows = await loadDataset(app.database.db, id, now);
      const etag = dataEtag(id, format, rows);
      cacheHeaders(reply, etag);
      if (notModifiedFor(request, etag)) return sendNotModified(reply);
      const key = `${id}.${format}`;
      const kept = lastFiles.get(key);
      if (kept && kept.etag === etag) return sendFile(reply, kept.file);
      const file = await renderFile(id, format, rows, now);
      if (file.content.length <= KEEP_BYTES) lastFiles.set(key, { etag, file });
      else lastFiles.delete(key);
      return sendFile(reply, file);
    },
  );
};
