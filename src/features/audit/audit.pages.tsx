import type { FastifyInstance } from 'fastify';
import type { AuditLogRow } from '../../db/schema.js';
import { helsinkiToUtc } from '../../domain/helsinki-time.js';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { userNames } from '../users/users.admin.repository.js';
import { auditMessages, type AuditMessages } from './audit.messages.js';
import { listAudit, verifyAuditChain, type AuditFilter, type ChainVerdict } from './audit.repository.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

const PAGE_SIZE = 50;
const filterFields = ['action', 'entityType', 'entityId', 'actor', 'from', 'to'] as const;
type FilterForm = Record<(typeof filterFields)[number], string>;

/** The UTC instant at which a Helsinki calendar day ('YYYY-MM-DD') begins, or null for a date that does not exist. */
export function helsinkiDayStart(isoDate: string, dayOffset = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || year < 2000) return null;
  const shifted = new Date(Date.UTC(year, month - 1, day + dayOffset));
  return helsinkiToUtc({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0, second: 0 }).toISOString();
}

/** Reads the filter from the query; dates are whole Helsinki days, the end date included. */
export function readAuditFilter(query: unknown, m: AuditMessages): { form: FilterForm; filter: Omit<AuditFilter, 'limit' | 'before'>; errors: FieldError[] } {
  const raw = (name: string) => {
    const value = query !== null && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value.trim().slice(0, 64) : '';
  };
  const form = Object.fromEntries(filterFields.map((f) => [f, raw(f)])) as FilterForm;
  const errors: FieldError[] = [];
  const filter: Omit<AuditFilter, 'limit' | 'before'> = {
    action: form.action || undefined,
    entityType: form.entityType || undefined,
    entityId: form.entityId || undefined,
  };
  if (form.actor) {
    if (/^[0-9]{1,9}$/.test(form.actor)) filter.actorUserId = Number(form.actor);
    else errors.push({ field: 'actor', message: m.invalidActor });
  }
  if (form.from) {
    const from = helsinkiDayStart(form.from);
    if (from) filter.from = from;
    else errors.push({ field: 'from', message: m.invalidDate(m.from) });
  }
  if (form.to) {
    const to = helsinkiDayStart(form.to, 1);
    if (to) filter.to = to;
    else errors.push({ field: 'to', message: m.invalidDate(m.to) });
  }
  if (filter.from && filter.to && filter.to <= filter.from) errors.push({ field: 'to', message: m.dateOrder });
  return { form, filter, errors };
}

export async function auditPages(app: FastifyInstance) {
  const db = app.database.db;

  getPage(app, 'adminAudit', '', 'viewAuditLog', async (locale, request, reply) => {
    const m = auditMessages[locale];
    const ctx = pageContext(request, locale, { current: 'adminAudit' });
    const query = request.query as Record<string, unknown>;
    const { form, filter, errors } = readAuditFilter(query, m);
    const beforeText = typeof query.before === 'string' ? query.before : '';
    const before = /^[0-9]{1,12}$/.test(beforeText) ? Number(beforeText) : undefined;
    const verdict = query.verify !== undefined ? await verifyAuditChain(db) : undefined;
    if (errors.length > 0) {
      reply.code(400);
      return <AuditPage ctx={ctx} form={form} errors={errors} rows={[]} names={new Map()} verdict={verdict} />;
    }
    const rows = await listAudit(db, { ...filter, before, limit: PAGE_SIZE + 1 });
    const page = rows.slice(0, PAGE_SIZE);
    const names = await userNames(db, page.flatMap((r) => (r.actor_user_id === null ? [] : [r.actor_user_id])));
    const link = (extra: Record<string, string>) => {
      const params = new URLSearchParams();
      for (const f of filterFields) if (form[f]) params.set(f, form[f]);
      for (const [k, v] of Object.entries(extra)) params.set(k, v);
      const qs = params.toString();
      return `${pagePath(locale, 'adminAudit')}${qs ? `?${qs}` : ''}`;
    };
    return (
      <AuditPage
        ctx={ctx}
        form={form}
        errors={[]}
        rows={page}
        names={names}
        verdict={verdict}
        newest={before !== undefined ? link({}) : undefined}
        older={rows.length > PAGE_SIZE ? link({ before: String(page[page.length - 1]!.seq) }) : undefined}
      />
    );
  });
}

function prettyJson(json: string | null): string | null {
  if (json === null) return null;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

function actorText(m: AuditMessages, row: AuditLogRow, names: Map<number, string>): string {
  const label = m.actorLabels[row.actor_label.startsWith('token') ? 'token' : row.actor_label] ?? row.actor_label;
  if (row.actor_user_id === null) return label;
  const name = names.get(row.actor_user_id);
  const who = name ?? m.removedUser(row.actor_user_id);
  return row.actor_label === 'user' ? who : `${who} (${label})`;
}

function VerdictBox({ m, verdict }: { m: AuditMessages; verdict: ChainVerdict }) {
  const text = verdict.ok ? m.verifyIntact(verdict.entries, verdict.lastHash) : verdict.problem === 'altered' ? m.verifyAltered(verdict.seq) : m.verifyRemoved(verdict.seq);
  return (
    <div class={verdict.ok ? 'panel panel--success' : 'notice notice--warning'} role={verdict.ok ? 'status' : 'alert'}>
      <p class="audit-verdict">{text}</p>
    </div>
  );
}

function AuditPage(props: {
  ctx: PageContext;
  form: FilterForm;
  errors: FieldError[];
  rows: AuditLogRow[];
  names: Map<number, string>;
  verdict?: ChainVerdict | undefined;
  newest?: string | undefined;
  older?: string | undefined;
}) {
  const { ctx, form, errors, rows, names } = props;
  const { locale, t } = ctx;
  const m = auditMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.title}` : m.title} section="adminAudit">
      <PageHeading title={m.title} lead={m.lead} />
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">{m.verifyHeading}</h2>
        {props.verdict ? <VerdictBox m={m} verdict={props.verdict} /> : null}
        <form method="get" action={pagePath(locale, 'adminAudit')}>
          <input type="hidden" name="verify" value="1" />
          <button type="submit" class="button button--secondary">
            {m.verify}
          </button>
        </form>
      </section>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="get" action={pagePath(locale, 'adminAudit')} class="filter-form" novalidate>
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <TextInput name="action" label={m.action} hint={m.actionHint} value={form.action} error={errorOf('action')} maxLength={64} />
          <TextInput name="entityType" label={m.entityType} hint={m.entityTypeHint} value={form.entityType} error={errorOf('entityType')} maxLength={32} />
          <TextInput name="entityId" label={m.entityId} value={form.entityId} error={errorOf('entityId')} maxLength={64} />
          <TextInput name="actor" label={m.actorId} value={form.actor} error={errorOf('actor')} inputMode="numeric" maxLength={9} />
          <TextInput name="from" type="date" label={m.from} hint={m.dateHint} value={form.from} error={errorOf('from')} />
          <TextInput name="to" type="date" label={m.to} hint={m.dateHint} value={form.to} error={errorOf('to')} />
        </fieldset>
        <button type="submit" class="button">
          {m.filter}
        </button>{' '}
        <a href={pagePath(locale, 'adminAudit')}>{m.clearFilter}</a>
      </form>
      {errors.length > 0 ? null : rows.length === 0 ? (
        <p>{m.noResults}</p>
      ) : (
        <ScrollTable id="audit-caption" caption={m.caption} class="audit-table">
            <thead>
              <tr>
                <th scope="col">{m.seq}</th>
                <th scope="col">{m.time}</th>
                <th scope="col">{m.actor}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{m.record}</th>
                <th scope="col">{m.change}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <AuditRow locale={locale} m={m} row={row} names={names} />
              ))}
            </tbody>
          </ScrollTable>
      )}
      {props.newest || props.older ? (
        <nav class="pager" aria-label={m.pagination}>
          <ul>
            {props.newest ? (
              <li>
                <a href={props.newest}>{m.newest}</a>
              </li>
            ) : null}
            {props.older ? (
              <li>
                <a href={props.older} rel="next">
                  {m.older}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </AdminLayout>
  );
}

function AuditRow({ locale, m, row, names }: { locale: Locale; m: AuditMessages; row: AuditLogRow; names: Map<number, string> }) {
  const before = prettyJson(row.before_json);
  const after = prettyJson(row.after_json);
  return (
    <tr>
      <td>{row.seq}</td>
      <td>{formatDateTime(row.at, locale)}</td>
      <td>{actorText(m, row, names)}</td>
      <th scope="row">
        <code>{row.action}</code>
      </th>
      <td>{row.entity_type ? `${row.entity_type}${row.entity_id ? ` ${row.entity_id}` : ''}` : ''}</td>
      <td>
        {before !== null || after !== null ? (
          <details class="audit-change">
            <summary>{m.showChange}</summary>
            {before !== null ? (
              <>
                <p class="audit-change__label">{m.before}</p>
                <pre>{before}</pre>
              </>
            ) : null}
            {after !== null ? (
              <>
                <p class="audit-change__label">{m.after}</p>
                <pre>{after}</pre>
              </>
            ) : null}
          </details>
        ) : null}
      </td>
    </tr>
  );
}
