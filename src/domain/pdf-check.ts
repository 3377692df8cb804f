import { constants, inflateSync } from 'node:zlib';

/**
 * Checks of an uploaded attachment's bytes before they are stored: a PDF by its content (never by
 * its name or the type the browser claimed), complete, not encrypted, without active content
 * (scripts, launch actions, embedded files, rich media, XFA forms) and without the EICAR anti-virus
 * test string. Pure computation on the bytes: no I/O. A refusal is a returned reason, never an
 * exception.
 *
 * Names in a PDF may be written with #xx escapes (/J#61vaScript is /JavaScript) and dictionaries may
 * sit compressed inside object streams; both are read before the names are compared. Binary stream
 * data (images, fonts, page contents) is not searched for names, so that random bytes cannot look
 * like a keyword.
 */

export type PdfProblem =
  | 'empty'
  | 'too-large'
  | 'not-pdf'
  | 'incomplete'
  | 'encrypted'
  | 'active-content'
  | 'unreadable'
  | 'malware-test';

export type PdfCheck = { ok: true } | { ok: false; problem: PdfProblem; feature?: string };

/** Names of the PDF features that run or carry something active. /OpenAction alone is a page view; a script in it is /JS. */
export const activeContentNames = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'GoToE', 'RichMedia', 'XFA'] as const;

/** The anti-virus test string (EICAR): any file that carries it is refused as anti-virus software would. */
export const EICAR_MARKER = 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE';

const HEADER = /^%PDF-(?:1\.[0-7]|2\.0)[\r\n\s%]/;
/** %%EOF must come within the last kilobyte (trailing whitespace or a little junk is tolerated). */
const EOF_WINDOW = 1024;
/** A decompressed object stream larger than this is not read, and the file is refused as unreadable. */
const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Every name token (/Name) in the text, with #xx escapes decoded. */
function* names(text: string): Generator<string> {
  const pattern = /\/([^\x00\t\n\f\r \/\[\]<>(){}%]*)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[1]!;
    yield raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
  }
}

interface Split {
  /** The file outside stream data: objects, dictionaries, trailers. */
  outside: string;
  /** Decompressed object streams (dictionaries stored compressed). */
  objectStreams: string[];
  unreadable: boolean;
}

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dict);
  return m ? [...names(m[1]!)] : [];
}

/** Separates the stream data from the rest, and decompresses the object streams. */
function splitStreams(bytes: Uint8Array, text: string): Split {
  const outside: string[] = [];
  const objectStreams: string[] = [];
  let unreadable = false;
  let inflatedTotal = 0;
  const start = />>\s*stream(?:\r\n|\n|\r)/g;
  let position = 0;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text)) !== null) {
    const dataStart = match.index + match[0].length;
    const end = text.indexOf('endstream', dataStart);
    if (end < 0) break;
    outside.push(text.slice(position, dataStart));
    const objectStart = Math.max(position, text.lastIndexOf('obj', match.index));
    const dict = text.slice(objectStart, match.index + 2);
    if (/\/Type\s*\/ObjStm\b/.test(dict)) {
      const data = bytes.subarray(dataStart, end);
      const filters = filtersOf(dict);
      if (filters.length === 0) objectStreams.push(latin1(data));
      else if (filters.length === 1 && filters[0] === 'FlateDecode') {
        try {
          const inflated = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
          inflatedTotal += inflated.length;
          if (inflatedTotal > MAX_INFLATED_BYTES) unreadable = true;
          else objectStreams.push(latin1(inflated));
        } catch {
          unreadable = true;
        }
      } else unreadable = true;
    }
    position = end + 'endstream'.length;
    start.lastIndex = position;
  }
  outside.push(text.slice(position));
  return { outside: outside.join(''), objectStreams, unreadable };
}

/** Checks an upload that should be a PDF. `maxBytes` is the size limit (MAX_UPLOAD_BYTES). */
export function checkPdf(bytes: Uint8Array, maxBytes: number): PdfCheck {
  if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
  if (bytes.byteLength > maxBytes) return { ok: false, problem: 'too-large' };
  const text = latin1(bytes);
  if (text.includes(EICAR_MARKER)) return { ok: false, problem: 'malware-test' };
  if (!HEADER.test(text.slice(0, 16))) return { ok: false, problem: 'not-pdf' };
  if (!text.slice(-EOF_WINDOW).includes('%%EOF')) return { ok: false, problem: 'incomplete' };

  const split = splitStreams(bytes, text);
  const parts = [split.outside, ...split.objectStreams];
  if (split.objectStreams.some((s) => s.includes(EICAR_MARKER))) return { ok: false, problem: 'malware-test' };
  const blocked = new Set<string>(activeContentNames);
  let encrypted = false;
  for (const part of parts) {
    for (const name of names(part)) {
      if (name === 'Encrypt') encrypted = true;
      else if (blocked.has(name)) return { ok: false, problem: 'active-content', feature: name };
    }
  }
  if (encrypted) return { ok: false, problem: 'encrypted' };
  if (split.unreadable) return { ok: false, problem: 'unreadable' };
  return { ok: true };
}

/** The name a downloaded file is saved under: the uploaded name without paths or control characters, ending in .pdf. */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\x00-\x1f\x7f"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150);
  const stem = cleaned.replace(/\.pdf$/i, '').trim();
  return `${stem === '' ? 'attachment' : stem}.pdf`;
}
