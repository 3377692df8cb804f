import { createHash } from 'node:crypto';
import { datasets, LICENCE, type DatasetId, type Format, type Row } from './datasets.js';
import { toCsv } from './serialise.csv.js';
import { toXlsx } from './serialise.xlsx.js';

/**
 * An open dataset's file in one format, its content type and name, and the validator the cache
 * headers carry. The files are made from the live data on each request; shared caches may keep
 * them for five minutes.
 */
export const OPEN_DATA_CACHE = 'public, max-age=300';

export const contentTypes: Readonly<Record<Format, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export const fileName = (id: DatasetId, format: Format): string => `${id}.${format}`;

/** The JSON file: the dataset described, its licence, its columns and its rows (lists as arrays, maps as objects). */
export function jsonDocument(id: DatasetId, rows: readonly Row[], generatedAt: Date) {
  const spec = datasets[id];
  return {
    dataset: id,
    title: spec.title,
    description: spec.description,
    licence: LICENCE,
    generatedAt: generatedAt.toISOString(),
    columns: spec.columns,
    rows,
  };
}

export interface OpenDataFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

export async function renderFile(id: DatasetId, format: Format, rows: readonly Row[], now: Date): Promise<OpenDataFile> {
  const spec = datasets[id];
  const content =
    format === 'csv'
      ? Buffer.from(toCsv(spec.columns, rows), 'utf8')
      : format === 'xlsx'
        ? await toXlsx(spec, rows)
        : Buffer.from(JSON.stringify(jsonDocument(id, rows, now)), 'utf8');
  return { content, contentType: contentTypes[format], filename: fileName(id, format) };
}

/**
 * A weak ETag of a file from its data: the dataset's columns and rows and the format. The same data
 * gives the same tag on every instance, though the bytes may differ (the JSON's generatedAt, the
 * workbook's zip timestamps), hence weak.
 */
export function dataEtag(id: DatasetId, format: Format, rows: readonly Row[]): string {
  const hash = createHash('sha256').update(`${id}\n${format}\n${JSON.stringify(datasets[id].columns)}\n${JSON.stringify(rows)}`).digest('base64url');
  return `W/"${hash.slice(0, 32)}"`;
}

/** Whether an If-None-Match header names the tag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
}
