import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { EmailMessageRow } from '../../db/schema.js';
import { requestActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDateTime } from '../../i18n/format.js';
import { endonym, isLocale } from '../../i18n/locales.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { appendAudit } from '../audit/audit.repository.js';
import { Notice, SelectField } from '../../views/components/form.js';
import { emailMessages } from './email.messages.js';
import { findEmail, listEmailAttachments, listEmails, type EmailAttachmentInfo } from './email.repository.js';
import { fileSize } from '../applications/views/collaboration.attachments.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

const PAGE_SIZE = 50;

/**
 * A single-use link carries a random token of 43 URL-safe characters (32 bytes); a message that
 * holds one is a key to an account, so reading it is recorded.
 */
export function holdsToken(text: string): boolean {
  return /[A-Za-z0-9_-]{40,}/.test(text);
}

function text(source: unknown, name: string): string {
  const value = source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.trim().slice(0, 254) : '';
}

export async function emailPages(app: FastifyInstance) {
  const db = app.database.db;

  getPage(app, 'adminEmail', '', 'readKeptEmail', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'adminEmail' });
    const to = text(request.query, 'to');
    const purpose = text(request.query, 'purpose');
    const beforeText = text(request.query, 'before');
    const before = /^[0-9]{1,12}$/.test(beforeText) ? Number(beforeText) : undefined;
    const rows = await listEmails(db, { to: to || undefined, purpose: purpose || undefined, before, limit: PAGE_SIZE + 1 });
    const page = rows.slice(0, PAGE_SIZE);
    const params = (extra: Record<string, string>) => {
      const search = new URLSearchParams({ ...(to ? { to } : {}), ...(purpose ? { purpose } : {}), ...extra }).toString();
      return `${pagePath(locale, 'adminEmail')}${search ? `?${search}` : ''}`;
    };
    return (
      <EmailListPage
        ctx={ctx}
        rows={page}
        filter={{ to, purpose }}
        newest={before !== undefined ? params({}) : undefined}
        older={rows.length > PAGE_SIZE ? params({ before: String(page[page.length - 1]!.id) }) : undefined}
      />
    );
  });

  getPage(
    app,
    'adminEmail',
    '/:id',
    'readKeptEmail',
    async (locale, request) => {
      const id = Number((request.params as { id: string }).id);
      const email = await findEmail(db, id);
      if (!email) throw new AppError('NOT_FOUND');
      const secret = holdsToken(email.body_text);
      if (secret) {
        await db.transaction().execute((trx) =>
          appendAudit(trx, requestActor(request), { action: 'email.viewed', entityType: 'email', entityId: email.id, after: { purpose: email.purpose, userId: email.user_id } }, app.now()),
        );
      }
      const ctx = pageContext(request, locale, { current: 'adminEmail', alternates: alternatePaths('adminEmail', String(id)) });
      return <EmailPage ctx={ctx} email={email} secret={secret} attachments={await listEmailAttachments(db, email.id)} />;
    },
    { schema: { params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,12}$' }) }) } },
  );
}

function purposeLabel(ctx: PageContext, purpose: string): string {
  return emailMessages[ctx.locale].purposes[purpose] ?? purpose;
}

function EmailListPage(props: {
  ctx: PageContext;
  rows: EmailMessageRow[];
  filter: { to: string; purpose: string };
  newest?: string | undefined;
  older?: string | undefined;
}) {
  const { ctx, rows, filter } = props;
  const { locale } = ctx;
  const m = emailMessages[locale];
  const known = Object.keys(m.purposes);
  const purposeOptions = [
    { value: '', label: m.anyPurpose },
    ...[...known, ...(filter.purpose && !known.includes(filter.purpose) ? [filter.purpose] : [])].map((p) => ({ value: p, label: purposeLabel(ctx, p) })),
  ];
  return (
    <AdminLayout ctx={ctx} title={m.title} section="adminEmail">
      <PageHeading title={m.title} lead={m.lead} />
      <form method="get" action={pagePath(locale, 'adminEmail')} class="filter-form">
        <fieldset>
          <legend>{m.filterLegend}</legend>
          <TextInput name="to" type="email" label={m.recipient} value={filter.to} error={undefined} maxLength={254} />
          <SelectField name="purpose" label={m.purpose} value={filter.purpose} options={purposeOptions} />
        </fieldset>
        <button type="submit" class="button">
          {m.filter}
        </button>{' '}
        <a href={pagePath(locale, 'adminEmail')}>{m.clearFilter}</a>
      </form>
      {rows.length === 0 ? (
        <p>{m.noResults}</p>
      ) : (
        <ScrollTable id="email-caption" caption={m.caption}>
            <thead>
              <tr>
                <th scope="col">{m.time}</th>
                <th scope="col">{m.to}</th>
                <th scope="col">{m.subject}</th>
                <th scope="col">{m.purpose}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>{formatDateTime(row.created_at, locale)}</td>
                  <td>{row.to_address}</td>
                  <th scope="row">
                    <a href={pagePath(locale, 'adminEmail', String(row.id))}>{row.subject}</a>
                  </th>
                  <td>{purposeLabel(ctx, row.purpose)}</td>
                  <td>{m.statuses[row.status]}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
      )}
      <PagerLinks ctx={ctx} newest={props.newest} older={props.older} />
    </AdminLayout>
  );
}

/** The e-mail list pages by keyset (older than the last shown), so it links to older ones and back to the newest. */
function PagerLinks({ ctx, newest, older }: { ctx: PageContext; newest?: string | undefined; older?: string | undefined }) {
  const m = emailMessages[ctx.locale];
  if (!newest && !older) return null;
  return (
    <nav class="pager" aria-label={m.pagination}>
      <ul>
        {newest ? (
          <li>
            <a href={newest}>{m.newest}</a>
          </li>
        ) : null}
        {older ? (
          <li>
            <a href={older} rel="next">
              {m.older}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function EmailPage({ ctx, email, secret, attachments }: { ctx: PageContext; email: EmailMessageRow; secret: boolean; attachments: readonly EmailAttachmentInfo[] }) {
  const { locale } = ctx;
  const m = emailMessages[locale];
  return (
    <AdminLayout ctx={ctx} title={email.subject} section="adminEmail">
      <p>
        <a href={pagePath(locale, 'adminEmail')}>{m.backToList}</a>
      </p>
      <PageHeading title={email.subject} />
      {secret ? <Notice text={m.secretWarning} kind="warning" /> : null}
      <dl class="facts">
        <div>
          <dt>{m.to}</dt>
          <dd>{email.to_address}</dd>
        </div>
        <div>
          <dt>{m.time}</dt>
          <dd>{formatDateTime(email.created_at, locale)}</dd>
        </div>
        <div>
          <dt>{m.purpose}</dt>
          <dd>{purposeLabel(ctx, email.purpose)}</dd>
        </div>
        <div>
          <dt>{m.language}</dt>
          <dd>{isLocale(email.locale) ? endonym[email.locale] : email.locale}</dd>
        </div>
        <div>
          <dt>{m.status}</dt>
          <dd>{m.statuses[email.status]}</dd>
        </div>
        {email.sent_at ? (
          <div>
            <dt>{m.sentAt}</dt>
            <dd>{formatDateTime(email.sent_at, locale)}</dd>
          </div>
        ) : null}
        {email.attempts > 0 ? (
          <div>
            <dt>{m.attempts}</dt>
            <dd>{email.attempts}</dd>
          </div>
        ) : null}
        {email.last_error ? (
          <div>
            <dt>{m.lastError}</dt>
            <dd>{email.last_error}</dd>
          </div>
        ) : null}
      </dl>
      <h2>{m.messageHeading}</h2>
      <pre class="email-body" lang={isLocale(email.locale) ? email.locale : undefined}>
        {email.body_text}
      </pre>
      {attachments.length > 0 ? (
        <>
          <h2>{m.attachmentsHeading}</h2>
          <ul>
            {attachments.map((a) => (
              <li>{m.attachment(a.filename, fileSize(a.sizeBytes, locale))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </AdminLayout>
  );
}
