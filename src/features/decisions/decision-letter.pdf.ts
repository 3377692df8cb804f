import PDFDocument from 'pdfkit';
import type { CriterionKind, FundingOutcome } from '../../db/schema.js';
import { criterionScaleMax, maxWeightedTotal } from '../../domain/call-validation.js';
import { times, type Fraction } from '../../domain/fraction.js';
import { formatCalendarDate, formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { intlLocale, type Locale } from '../../i18n/locales.js';
import { decisionLetterMessages, type DecisionLetterMessages } from './decision-letter.messages.js';
import { formatScore, type OutcomeExplanation } from './outcome-explanations.js';

/**
 * The decision letter of one application: a tagged PDF in the applicant's language (document
 * language, title shown by viewers, headings, paragraphs, tables with header cells, lists), drawn
 * with the standard Helvetica, whose WinAnsi encoding covers ä, ö, å, € and the typographic quotes.
 *
 * Everything in it comes from the input, and the PDF's creation time is the moment the outcome
 * became final, so the same input gives the same bytes: a letter issued again is identical.
 */

export interface LetterCouncilDecision {
  council: string;
  number: string;
  /** 'YYYY-MM-DD' in Helsinki. */
  date: string;
  maker: string;
  grounds: string;
  requestedCents: number;
  grantedCents: number;
}

export interface LetterCriterion {
  name: string;
  kind: CriterionKind;
  weight: number;
  value: Fraction | null;
  passed: boolean | null;
}

export interface DecisionLetterInput {
  locale: Locale;
  /** When the last council involved decided: the letter's date and the PDF's creation time. */
  finalAt: string;
  recipient: string;
  call: { title: string; reference: string };
  application: { title: string; receiptNumber: string };
  outcome: FundingOutcome;
  explanation: OutcomeExplanation;
  /** One per council involved, in the regions' order. */
  decisions: LetterCouncilDecision[];
  scores: { total: Fraction | null; minimum: number; criteria: LetterCriterion[] };
}

/** The letter's file name: ASCII only, so that every mail client and file system keeps it as it is. */
export function decisionLetterFilename(locale: Locale, receiptNumber: string): string {
  const safe = receiptNumber.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const prefix = decisionLetterMessages[locale].filenamePrefix;
  return safe ? `${prefix}-${safe}.pdf` : `${prefix}.pdf`;
}

const MARGIN = 56;
const BODY = 10.5;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Intl writes no characters outside WinAnsi for our languages, but a narrow no-break space or a minus sign would show as a gap. */
const winAnsi = (text: string) => text.replace(/\u202f/g, '\u00a0').replace(/\u2212/g, '-');

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit's table takes a structure parent and header scopes; its type definitions lag behind. */
type TableCell = PDFKit.Mixins.CellOptions & { scope?: 'Row' | 'Column' };
type TableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };

function paragraph(doc: Doc, parent: Struct, text: string, options: { font?: string; size?: number; type?: string; gap?: number } = {}) {
  doc
    .font(options.font ?? REGULAR)
    .fontSize(options.size ?? BODY)
    .text(winAnsi(text), MARGIN, doc.y, { structParent: parent, structType: options.type ?? 'P', width: doc.page.width - 2 * MARGIN, lineGap: 2 });
  doc.moveDown(options.gap ?? 0.6);
}

/** A heading with its section; a heading never sits alone at the foot of a page. */
function section(doc: Doc, root: Struct, level: 'H2' | 'H3', title: string, body: (sect: Struct) => void) {
  if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
  const sect = doc.struct('Sect');
  root.add(sect);
  paragraph(doc, sect, title, { font: BOLD, size: level === 'H2' ? 13 : 11.5, type: level, gap: 0.4 });
  body(sect);
  sect.end();
}

function table(doc: Doc, parent: Struct, rows: TableCell[][], columnStyles: Array<number | string>) {
  const header = (cell: TableCell): TableCell => ({ ...cell, type: 'TH', font: { src: BOLD } });
  const options: TableOptions = {
    structParent: parent,
    position: { x: MARGIN, y: doc.y },
    maxWidth: doc.page.width - 2 * MARGIN,
    columnStyles,
    defaultStyle: { border: 0.5, borderColor: '#6b6b6b', padding: 4, textOptions: { lineGap: 1 } },
    data: rows.map((row) => row.map((cell) => (cell.type === 'TH' ? header(cell) : cell))),
  };
  doc.font(REGULAR).fontSize(9.5).table(options);
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

const th = (text: string, scope: 'Row' | 'Column'): TableCell => ({ text: winAnsi(text), type: 'TH', scope });
const td = (text: string, align?: 'right'): TableCell => ({ text: winAnsi(text), ...(align ? { align: { x: align, y: 'top' } } : {}) });

function list(doc: Doc, parent: Struct, items: string[]) {
  const l = doc.struct('L');
  parent.add(l);
  doc
    .font(REGULAR)
    .fontSize(BODY)
    .list(items.map(winAnsi), MARGIN + 6, doc.y, { structParent: l, width: doc.page.width - 2 * MARGIN - 6, bulletRadius: 2, lineGap: 2, paragraphGap: 3 });
  l.end();
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

function criterionScore(m: DecisionLetterMessages, c: LetterCriterion, locale: Locale): { score: string; weighted: string } {
  const max = criterionScaleMax(c.kind);
  if (max === null) return { score: c.passed === true ? m.passed : c.passed === false ? m.failed : m.undecided, weighted: m.none };
  if (c.value === null) return { score: m.none, weighted: m.none };
  return { score: m.scoreOf(formatScore(c.value, locale), String(max)), weighted: formatScore(times(c.value, c.weight), locale) };
}

function writeLetter(doc: Doc, root: Struct, input: DecisionLetterInput) {
  const { locale } = input;
  const m = decisionLetterMessages[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const councils = new Intl.ListFormat(intlLocale[locale], { type: 'conjunction' }).format(input.decisions.map((d) => d.council));

  paragraph(doc, root, councils, { font: BOLD, size: 10, gap: 0.2 });
  paragraph(doc, root, m.jointDecision, { size: 10, gap: 1.2 });
  paragraph(doc, root, m.heading, { font: BOLD, size: 18, type: 'H1', gap: 0.6 });
  table(
    doc,
    root,
    [
      [th(m.factsDate, 'Row'), td(formatDate(input.finalAt, locale))],
      [th(m.factsRecipient, 'Row'), td(input.recipient)],
      [th(m.factsCall, 'Row'), td(m.callWithReference(input.call.title, input.call.reference))],
      [th(m.factsApplication, 'Row'), td(input.application.title)],
      [th(m.factsReceipt, 'Row'), td(input.application.receiptNumber)],
    ],
    [130, '*'],
  );

  section(doc, root, 'H2', m.outcomeHeading, (sect) => {
    paragraph(doc, sect, input.explanation.headline, { font: BOLD });
    if (input.explanation.details.length > 0) list(doc, sect, input.explanation.details);
  });

  section(doc, root, 'H2', m.councilsHeading, (sect) => {
    paragraph(doc, sect, m.councilsLead);
    const requested = input.decisions.reduce((s, d) => s + d.requestedCents, 0);
    const granted = input.decisions.reduce((s, d) => s + d.grantedCents, 0);
    table(
      doc,
      sect,
      [
        [th(m.colCouncil, 'Column'), th(m.colDecision, 'Column'), th(m.colMaker, 'Column'), th(m.colRequested, 'Column'), th(m.colGranted, 'Column')],
        ...input.decisions.map((d) => [
          th(d.council, 'Row'),
          td(m.decisionRef(d.number, formatCalendarDate(d.date, locale))),
          td(d.maker),
          td(money(d.requestedCents), 'right'),
          td(money(d.grantedCents), 'right'),
        ]),
        [th(m.total, 'Row'), td(''), td(''), td(money(requested), 'right'), td(money(granted), 'right')],
      ],
      ['*', 100, 90, 78, 78],
    );
  });

  section(doc, root, 'H2', m.groundsHeading, (grounds) => {
    for (const d of input.decisions) {
      section(doc, grounds, 'H3', m.councilGrounds(d.council), (sect) => {
        for (const text of d.grounds.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) paragraph(doc, sect, text);
      });
    }
    section(doc, grounds, 'H3', m.scoresHeading, (sect) => {
      const { total, minimum, criteria } = input.scores;
      paragraph(
        doc,
        sect,
        total === null ? m.scoreMissing : m.scoreTotal(formatScore(total, locale), formatNumber(maxWeightedTotal(criteria), locale), formatNumber(minimum, locale)),
      );
      if (criteria.length === 0) return;
      table(
        doc,
        sect,
        [
          [th(m.colCriterion, 'Column'), th(m.colWeight, 'Column'), th(m.colScore, 'Column'), th(m.colWeighted, 'Column')],
          ...criteria.map((c) => {
            const { score, weighted } = criterionScore(m, c, locale);
            return [th(c.name, 'Row'), td(criterionScaleMax(c.kind) === null ? m.none : formatNumber(c.weight, locale), 'right'), td(score, 'right'), td(weighted, 'right')];
          }),
          ...(total === null ? [] : [[th(m.total, 'Row'), td(''), td(''), td(formatScore(total, locale), 'right')]]),
        ],
        ['*', 80, 80, 90],
      );
    });
  });

  section(doc, root, 'H2', m.rectificationHeading, (sect) => {
    paragraph(doc, sect, m.rectificationIntro);
    paragraph(doc, sect, m.rectificationWhom);
    paragraph(doc, sect, m.rectificationTime);
    paragraph(doc, sect, m.rectificationContent);
    paragraph(doc, sect, m.rectificationWhere);
    list(
      doc,
      sect,
      input.decisions.map((d) => m.rectificationRegistry(d.council, m.decisionRef(d.number, formatCalendarDate(d.date, locale)))),
    );
  });
}

/** Page numbers, marked as pagination artifacts so that assistive technology skips them. */
function numberPages(doc: Doc, locale: Locale) {
  const m = decisionLetterMessages[locale];
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(REGULAR)
      .fontSize(8.5)
      .text(m.page(i - start + 1, count), MARGIN, doc.page.height - MARGIN / 2 - 8, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

export function renderDecisionLetter(input: DecisionLetterInput): Promise<Buffer> {
  const m = decisionLetterMessages[input.locale];
  const at = new Date(input.finalAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: intlLocale[input.locale],
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: winAnsi(m.documentTitle(input.application.title)),
      Author: winAnsi(input.decisions.map((d) => d.council).join(', ')),
      Subject: winAnsi(m.callWithReference(input.call.title, input.call.reference)),
      Creator: 'S3',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  writeLetter(doc, root, input);
  root.end();
  numberPages(doc, input.locale);
  doc.end();
  return done;
}
