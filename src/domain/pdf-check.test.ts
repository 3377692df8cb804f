import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { EICAR_MARKER, checkPdf, safeFilename } from './pdf-check.js';

const MAX = 10 * 1024 * 1024;

/** A small, well-formed one-page PDF with a correct cross-reference table; `catalogExtra` goes into the catalogue. */
function pdf(options: { version?: string; catalogExtra?: string; objects?: Array<string | Buffer>; trailerExtra?: string } = {}): Buffer {
  const objects: Array<string | Buffer> = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalogExtra ?? ''}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from('<< /Length 35 >>\nstream\n'), Buffer.from('BT /F1 12 Tf 72 712 Td (Hei) Tj ET'), Buffer.from('\nendstream')]),
    ...(options.objects ?? []),
  ];
  const parts: Buffer[] = [Buffer.from(`%PDF-${options.version ?? '1.7'}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailerExtra ?? ''}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

function objectStream(content: string, filter = '/FlateDecode'): Buffer {
  const data = filter === '' ? Buffer.from(content) : deflateSync(Buffer.from(content));
  return Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 1 /First 6 ${filter ? `/Filter ${filter} ` : ''}/Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  ]);
}

describe('PDF upload checks', () => {
  it('accepts a plain PDF of versions 1.0–1.7 and 2.0', () => {
    for (const version of ['1.0', '1.4', '1.7', '2.0']) assert.deepEqual(checkPdf(pdf({ version }), MAX), { ok: true }, version);
    // An ordinary /OpenAction that only opens the first page is no script.
    assert.deepEqual(checkPdf(pdf({ catalogExtra: '/OpenAction [3 0 R /Fit] ' }), MAX), { ok: true });
  });

  it('refuses an empty file and one over the size limit', () => {
    assert.deepEqual(checkPdf(new Uint8Array(0), MAX), { ok: false, problem: 'empty' });
    const file = pdf();
    assert.deepEqual(checkPdf(file, file.length - 1), { ok: false, problem: 'too-large' });
    assert.deepEqual(checkPdf(file, file.length), { ok: true });
  });

  it('goes by the content, not the name: a PNG, text and unknown versions are not PDFs', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    assert.deepEqual(checkPdf(png, MAX), { ok: false, problem: 'not-pdf' });
    assert.deepEqual(checkPdf(Buffer.from('Hello, this is text %%EOF'), MAX), { ok: false, problem: 'not-pdf' });
    assert.deepEqual(checkPdf(pdf({ version: '3.0' }), MAX), { ok: false, problem: 'not-pdf' });
    assert.deepEqual(checkPdf(pdf({ version: '1.9' }), MAX), { ok: false, problem: 'not-pdf' });
    // The header must be at the very start.
    assert.deepEqual(checkPdf(Buffer.concat([Buffer.from('junk\n'), pdf()]), MAX), { ok: false, problem: 'not-pdf' });
  });

  it('refuses a file cut short (no %%EOF at the end)', () => {
    const file = pdf();
    assert.deepEqual(checkPdf(file.subarray(0, file.length - 20), MAX), { ok: false, problem: 'incomplete' });
    assert.deepEqual(checkPdf(Buffer.concat([file, Buffer.alloc(2000, 0x20)]), MAX), { ok: false, problem: 'incomplete' });
    assert.deepEqual(checkPdf(Buffer.concat([file, Buffer.from('\r\n  \n')]), MAX), { ok: true });
  });

  it('refuses an encrypted file', () => {
    const encrypted = pdf({ objects: ['<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>'], trailerExtra: '/Encrypt 5 0 R ' });
    assert.deepEqual(checkPdf(encrypted, MAX), { ok: false, problem: 'encrypted' });
  });

  it('refuses active content, also when the name is escaped or the dictionary compressed', () => {
    const cases: Array<[string, Buffer]> = [
      ['JavaScript', pdf({ catalogExtra: '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ' })],
      ['JS', pdf({ catalogExtra: '/AA << /O << /JS 5 0 R >> >> ', objects: ['(app.alert(1))'] })],
      ['Launch', pdf({ catalogExtra: '/OpenAction << /S /Launch /F (calc.exe) >> ' })],
      ['EmbeddedFiles', pdf({ catalogExtra: '/Names << /EmbeddedFiles 5 0 R >> ', objects: ['<< /Names [(a.exe) 6 0 R] >>'] })],
      ['RichMedia', pdf({ objects: ['<< /Type /Annot /Subtype /RichMedia >>'] })],
      ['XFA', pdf({ catalogExtra: '/AcroForm << /XFA 5 0 R >> ', objects: ['(<xdp/>)'] })],
      ['JavaScript', pdf({ catalogExtra: '/OpenAction << /S /J#61vaScript /J#53 (x) >> ' })],
      ['JavaScript', pdf({ objects: [objectStream('6 0 << /S /JavaScript /JS (app.alert(1)) >>')] })],
      ['JS', pdf({ objects: [objectStream('6 0 << /JS (x) >>', '')] })],
    ];
    for (const [feature, file] of cases) assert.deepEqual(checkPdf(file, MAX), { ok: false, problem: 'active-content', feature }, feature);
  });

  it('does not take names from binary stream data', () => {
    const binary = Buffer.from('garbage /JavaScript /JS bytes in an image');
    const image = Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length ${binary.length} >>\nstream\n`),
      binary,
      Buffer.from('\nendstream'),
    ]);
    assert.deepEqual(checkPdf(pdf({ objects: [image] }), MAX), { ok: true });
  });

  it('refuses an object stream it cannot read', () => {
    const broken = Buffer.concat([Buffer.from('<< /Type /ObjStm /N 1 /First 6 /Filter /FlateDecode /Length 9 >>\nstream\n'), Buffer.from('not zlib!'), Buffer.from('\nendstream')]);
    assert.deepEqual(checkPdf(pdf({ objects: [broken] }), MAX), { ok: false, problem: 'unreadable' });
    assert.deepEqual(checkPdf(pdf({ objects: [objectStream('6 0 << >>', '/LZWDecode')] }), MAX), { ok: false, problem: 'unreadable' });
    assert.deepEqual(checkPdf(pdf({ objects: [objectStream('6 0 << /Type /Font >>')] }), MAX), { ok: true });
  });

  it('refuses the EICAR anti-virus test string anywhere in the file', () => {
    const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + EICAR_MARKER + '!$H+H*';
    assert.deepEqual(checkPdf(Buffer.from(eicar), MAX), { ok: false, problem: 'malware-test' });
    assert.deepEqual(checkPdf(pdf({ objects: [`(${eicar.replace(/[()\\]/g, '\\$&')})`] }), MAX), { ok: false, problem: 'malware-test' });
    assert.deepEqual(checkPdf(pdf({ objects: [objectStream(`6 0 (${EICAR_MARKER})`)] }), MAX), { ok: false, problem: 'malware-test' });
  });
});

describe('download file names', () => {
  it('keeps the name without paths or control characters and ends it in .pdf', () => {
    assert.equal(safeFilename('Liite 1 – budjetti.pdf'), 'Liite 1 – budjetti.pdf');
    assert.equal(safeFilename('C:\\Users\\x\\secret plan.PDF'), 'secret plan.pdf');
    assert.equal(safeFilename('../../etc/passwd'), 'passwd.pdf');
    assert.equal(safeFilename('a"b\r\nc.pdf'), 'abc.pdf');
    assert.equal(safeFilename(''), 'attachment.pdf');
    assert.equal(safeFilename('...'), 'attachment.pdf');
  });
});
