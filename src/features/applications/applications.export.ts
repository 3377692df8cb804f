import ExcelJS from 'exceljs';
import type { ApplicationStatus } from '../../db/schema.js';
import type { Problem } from '../../domain/eligibility.js';
import { helsinkiWallClock } from '../../domain/helsinki-time.js';
import type { Locale } from '../../i18n/locales.js';
import type { CallDetails } from '../calls/calls.repository.js';
import type { Region } from '../regions/regions.repository.js';
import { problemMessage, type ProblemNames } from './applications.messages.js';
import { submissionMessages } from './submission.messages.js';
import type { CallApplicationRow } from './submission.service.js';
import { leadOf } from './submission.snapshot.js';

/**
 * The officers' list of a call's applications as a file.
 *
 * CSV: UTF-8 with a byte-order mark, fields separated by semicolons and records by CRLF, as Excel
 * set to Finnish expects. One record per application, none spanning lines (line breaks in texts
 * become spaces). Amounts are euros with a decimal comma and two decimals, no thousands separator
 * ("336000,00"); the aid rate is a percentage with a decimal comma ("80,00"); times are Helsinki
 * wall-clock time "YYYY-MM-DD HH:MM:SS". Text that a spreadsheet would read as a formula (starting
 * with = + - @ or a tab) is prefixed with an apostrophe.
 *
 * XLSX: sheet 1 the same list with real numbers in euro and percent formats and a frozen header
 * row; sheet 2 the grant requested from each council by application, with the councils' budgets.
 */

export interface ExportRow {
  receiptNumber: string;
  title: string;
  leadName: string;
  leadBusinessId: string;
  leadRegionCode: string;
  regions: string[];
  totalCostsCents: number;
  requestedCents: number;
  requestedByRegion: Record<string, number>;
  aidRateBp: number | null;
  eligible: boolean;
  problems: Problem[];
  submittedAt: string;
  status: ApplicationStatus;
  sha256: string;
}

export function exportRows(rows: readonly CallApplicationRow[]): ExportRow[] {
  return rows.map(({ submission, status, check }) => {
    const lead = leadOf(submission.snapshot);
    return {
      receiptNumber: submission.receiptNumber,
      title: submission.snapshot.application.title,
      leadName: lead?.name ?? '',
      leadBusinessId: lead?.businessId ?? '',
      leadRegionCode: lead?.regionCode ?? '',
      regions: check.figures.regions,
      totalCostsCents: check.figures.totalCostsCents,
      requestedCents: check.figures.requestedCents,
      requestedByRegion: check.figures.requestedByRegion,
      aidRateBp: check.figures.aidRateBp,
      eligible: check.eligible,
      problems: check.problems,
      submittedAt: submission.submittedAt,
      status,
      sha256: submission.sha256,
    };
  });
}

interface ExportContext {
  call: CallDetails;
  regions: readonly Region[];
  locale: Locale;
  /** Names for the problem texts of one application. */
  problemNames(row: ExportRow): ProblemNames;
}

/** The call's reference made safe for a file name. */
export function exportFilename(call: Pick<CallDetails, 'reference'>, locale: Locale, extension: 'csv' | 'xlsx'): string {
  const base = { fi: 'hakemukset', sv: 'ansokningar', en: 'applications' }[locale];
  return `${base}-${call.reference.replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Euros with a decimal comma: 33600000 → "336000,00". */
export function euroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${two(abs % 100)}`;
}

function percentText(bp: number | null): string {
  return bp === null ? '' : `${Math.floor(bp / 100)},${two(bp % 100)}`;
}

function helsinkiText(iso: string): string {
  const c = helsinkiWallClock(new Date(iso));
  return `${c.year}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}:${two(c.second)}`;
}

/** The Helsinki wall-clock reading as a spreadsheet date (spreadsheets have no time zones). */
function helsinkiSpreadsheetDate(iso: string): Date {
  const c = helsinkiWallClock(new Date(iso));
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();
const noFormula = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

function csvField(value: string): string {
  const text = noFormula(oneLine(value));
  return /[";]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface Column {
  header: string;
  text(row: ExportRow): string;
}

function columns(x: ExportContext): Column[] {
  const m = submissionMessages[x.locale];
  const regionName = (code: string) => x.regions.find((r) => r.code === code)?.name[x.locale] ?? code;
  const councilName = (code: string) => x.regions.find((r) => r.code === code)?.council.name[x.locale] ?? code;
  return [
    { header: m.colReceipt, text: (r) => r.receiptNumber },
    { header: m.colTitle, text: (r) => r.title },
    { header: m.colLead, text: (r) => r.leadName },
    { header: m.colLeadBusinessId, text: (r) => r.leadBusinessId },
    { header: m.colLeadRegion, text: (r) => regionName(r.leadRegionCode) },
    { header: m.colRegions, text: (r) => r.regions.map(regionName).join(', ') },
    { header: m.colTotalCosts, text: (r) => euroText(r.totalCostsCents) },
    { header: m.colRequested, text: (r) => euroText(r.requestedCents) },
    ...x.call.budgets.map((b) => ({ header: m.colRequestedIn(councilName(b.regionCode)), text: (r: ExportRow) => euroText(r.requestedByRegion[b.regionCode] ?? 0) })),
    { header: m.colAidRate, text: (r) => percentText(r.aidRateBp) },
    { header: m.colEligible, text: (r) => (r.eligible ? m.yes : m.no) },
    { header: m.colProblems, text: (r) => r.problems.map((p) => problemMessage(p, x.locale, x.problemNames(r))).join(' / ') },
    { header: m.colSubmittedAt, text: (r) => helsinkiText(r.submittedAt) },
    { header: m.colStatus, text: (r) => m.statuses[r.status] },
    { header: m.colSha256, text: (r) => r.sha256 },
  ];
}

export function toCsv(rows: readonly ExportRow[], x: ExportContext): string {
  const cols = columns(x);
  const lines = [cols.map((c) => csvField(c.header)), ...rows.map((r) => cols.map((c) => csvField(c.text(r))))];
  return `\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`;
}

const EURO = '#,##0.00 "€"';

export async function toXlsx(rows: readonly ExportRow[], x: ExportContext): Promise<Buffer> {
  const m = submissionMessages[x.locale];
  const regionName = (code: string) => x.regions.find((r) => r.code === code)?.name[x.locale] ?? code;
  const councilName = (code: string) => x.regions.find((r) => r.code === code)?.council.name[x.locale] ?? code;
  const book = new ExcelJS.Workbook();
  book.creator = 's3-enf';
  book.created = new Date(0);

  const list = book.addWorksheet(m.sheetApplications, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: m.colReceipt, key: 'receipt', width: 22 },
    { header: m.colTitle, key: 'title', width: 40 },
    { header: m.colLead, key: 'lead', width: 30 },
    { header: m.colLeadBusinessId, key: 'businessId', width: 14 },
    { header: m.colLeadRegion, key: 'leadRegion', width: 18 },
    { header: m.colRegions, key: 'regions', width: 40 },
    { header: m.colTotalCosts, key: 'total', width: 18, style: { numFmt: EURO } },
    { header: m.colRequested, key: 'requested', width: 18, style: { numFmt: EURO } },
    ...x.call.budgets.map((b) => ({ header: m.colRequestedIn(councilName(b.regionCode)), key: `r${b.regionCode}`, width: 18, style: { numFmt: EURO } })),
    { header: m.colAidRate, key: 'aidRate', width: 12, style: { numFmt: '0.00 %' } },
    { header: m.colEligible, key: 'eligible', width: 12 },
    { header: m.colProblems, key: 'problems', width: 60 },
    { header: m.colSubmittedAt, key: 'submittedAt', width: 20, style: { numFmt: 'd.m.yyyy hh:mm:ss' } },
    { header: m.colStatus, key: 'status', width: 12 },
    { header: m.colSha256, key: 'sha256', width: 66 },
  ];
  for (const r of rows) {
    list.addRow({
      receipt: r.receiptNumber,
      title: noFormula(oneLine(r.title)),
      lead: noFormula(oneLine(r.leadName)),
      businessId: r.leadBusinessId,
      leadRegion: regionName(r.leadRegionCode),
      regions: r.regions.map(regionName).join(', '),
      total: r.totalCostsCents / 100,
      requested: r.requestedCents / 100,
      ...Object.fromEntries(x.call.budgets.map((b) => [`r${b.regionCode}`, (r.requestedByRegion[b.regionCode] ?? 0) / 100])),
      aidRate: r.aidRateBp === null ? null : r.aidRateBp / 10_000,
      eligible: r.eligible ? m.yes : m.no,
      problems: r.problems.map((p) => problemMessage(p, x.locale, x.problemNames(r))).join(' / '),
      submittedAt: helsinkiSpreadsheetDate(r.submittedAt),
      status: m.statuses[r.status],
      sha256: r.sha256,
    });
  }
  list.getRow(1).font = { bold: true };
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: list.columnCount } };

  // Sheet 2: what each council is asked for, by the applications still in the call.
  const councils = book.addWorksheet(m.sheetCouncils, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  councils.columns = [
    { header: m.colReceipt, key: 'receipt', width: 22 },
    { header: m.colTitle, key: 'title', width: 40 },
    ...x.call.budgets.map((b) => ({ header: councilName(b.regionCode), key: `r${b.regionCode}`, width: 20, style: { numFmt: EURO } })),
    { header: m.total, key: 'total', width: 18, style: { numFmt: EURO } },
  ];
  const active = rows.filter((r) => r.status === 'submitted');
  for (const r of active) {
    councils.addRow({
      receipt: r.receiptNumber,
      title: noFormula(oneLine(r.title)),
      ...Object.fromEntries(x.call.budgets.map((b) => [`r${b.regionCode}`, (r.requestedByRegion[b.regionCode] ?? 0) / 100])),
      total: r.requestedCents / 100,
    });
  }
  const sumOf = (code: string) => active.reduce((s, r) => s + (r.requestedByRegion[code] ?? 0), 0);
  const requestedRow = councils.addRow({
    receipt: m.requestedRow,
    ...Object.fromEntries(x.call.budgets.map((b) => [`r${b.regionCode}`, sumOf(b.regionCode) / 100])),
    total: active.reduce((s, r) => s + r.requestedCents, 0) / 100,
  });
  const budgetRow = councils.addRow({
    receipt: m.budgetRow,
    ...Object.fromEntries(x.call.budgets.map((b) => [`r${b.regionCode}`, b.budgetCents / 100])),
    total: x.call.budgets.reduce((s, b) => s + b.budgetCents, 0) / 100,
  });
  councils.getRow(1).font = { bold: true };
  requestedRow.font = { bold: true };
  budgetRow.font = { bold: true };

  return Buffer.from(await book.xlsx.writeBuffer());
}
