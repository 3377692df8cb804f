import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { DatasetSpec, Row } from './datasets.js';
import { readXlsxSheet, toXlsx } from './serialise.xlsx.js';

const d = { fi: 'kuvaus', sv: 'beskrivning', en: 'description' };
const spec: DatasetSpec = {
  id: 'projects',
  title: d,
  description: d,
  columns: [
    { name: 'id', type: 'integer', description: d },
    { name: 'title', type: 'text', description: d },
    { name: 'granted_cents', type: 'integer', description: d },
    { name: 'regions', type: 'list', description: d },
    { name: 'value', type: 'decimal', description: d },
    { name: 'start_date', type: 'date', description: d },
  ],
};

describe('open data as XLSX', () => {
  it('has a bold frozen header, numbers as numbers, texts kept as they are (never formulas), and a sheet of column descriptions', async () => {
    const rows: Row[] = [
      { id: 7, title: '=SUM(A1), "lainaus" ja ä', granted_cents: 30_000_000, regions: ['17', '18', '19'], value: 12.34, start_date: '2027-01-01' },
      { id: 8, title: 'Toinen', granted_cents: 0, regions: [], value: null, start_date: null },
    ];
    const content = await toXlsx(spec, rows);
    assert.deepEqual(await readXlsxSheet(content), [
      ['id', 'title', 'granted_cents', 'regions', 'value', 'start_date'],
      [7, '=SUM(A1), "lainaus" ja ä', 30_000_000, '17;18;19', 12.34, '2027-01-01'],
      [8, 'Toinen', 0, null, null, null],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('projects')!;
    assert.equal(sheet.getRow(1).font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(sheet.getCell('B2').type, ExcelJS.ValueType.String, 'the text is a string, not a formula');
    assert.equal(sheet.getCell('C2').numFmt, '#,##0');
    const about = book.getWorksheet('columns')!;
    assert.deepEqual((about.getRow(2).values as unknown[]).slice(1), ['id', 'integer', 'kuvaus', 'beskrivning', 'description']);
  });
});
