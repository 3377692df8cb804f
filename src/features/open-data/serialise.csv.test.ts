import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnSpec, Row } from './datasets.js';
import { csvField, neutraliseFormula, parseCsv, toCsv } from './serialise.csv.js';

const d = { fi: '', sv: '', en: '' };
const columns: ColumnSpec[] = [
  { name: 'id', type: 'integer', description: d },
  { name: 'title', type: 'text', description: d },
  { name: 'regions', type: 'list', description: d },
  { name: 'by_region', type: 'map', description: d },
  { name: 'value', type: 'decimal', description: d },
];

describe('open data as CSV', () => {
  it('quotes a field with a comma, a quote, CR or LF, doubling the quotes; leaves others bare', () => {
    assert.equal(csvField('Oulu, Kajaani'), '"Oulu, Kajaani"');
    assert.equal(csvField('Sanottiin "hei"'), '"Sanottiin ""hei"""');
    assert.equal(csvField('rivi 1\nrivi 2'), '"rivi 1\nrivi 2"');
    assert.equal(csvField('a\r\nb'), '"a\r\nb"');
    assert.equal(csvField('Pohjois-Pohjanmaa'), 'Pohjois-Pohjanmaa');
    assert.equal(csvField(null), '');
    assert.equal(csvField(12.5), '12.5');
    assert.equal(csvField(-3), '-3', 'a number is never taken for a formula');
  });

  it('puts an apostrophe before a text a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) assert.equal(neutraliseFormula(text), `'${text}`, JSON.stringify(text));
    for (const text of ['Kiertotalous', '1=1', 'a-b', '']) assert.equal(neutraliseFormula(text), text);
    assert.equal(csvField('=HYPERLINK("x","y")'), '"\'=HYPERLINK(""x"",""y"")"');
  });

  it('writes a BOM, a header and CRLF records, and reads back the same fields', () => {
    const rows: Row[] = [
      { id: 1, title: 'Ääni, "kuva" ja\nliike', regions: ['17', '18'], by_region: { '17': 100, '18': 250 }, value: 12.5 },
      { id: 2, title: '=SUM(A1)', regions: [], by_region: {}, value: null },
    ];
    const csv = toCsv(columns, rows);
    assert.ok(csv.startsWith('\uFEFFid,title,regions,by_region,value\r\n'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv, '\uFEFFid,title,regions,by_region,value\r\n1,"Ääni, ""kuva"" ja\nliike",17;18,17:100;18:250,12.5\r\n2,\'=SUM(A1),,,\r\n');
    assert.deepEqual(parseCsv(csv), [
      ['id', 'title', 'regions', 'by_region', 'value'],
      ['1', 'Ääni, "kuva" ja\nliike', '17;18', '17:100;18:250', '12.5'],
      ['2', "'=SUM(A1)", '', '', ''],
    ]);
  });
});

describe('list cells', () => {
  it('quote an item that holds ";" or a quote, so the list splits back', async () => {
    const { flatCell } = await import('./datasets.js');
    assert.equal(flatCell(['Oy A; B', 'Sanottu "C"', 'D']), '"Oy A; B";"Sanottu ""C""";D');
    assert.equal(flatCell({ '17': 100, '18': 0 }), '17:100;18:0');
    assert.equal(flatCell([]), null);
    assert.equal(flatCell({}), null);
  });
});
