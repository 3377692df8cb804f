import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../../http/errors.js';
import { requestActor } from '../../http/actor.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDateTime } from '../../i18n/format.js';
import { apiScopes } from '../../policies/principal.js';
import { AdminLayout } from '../../views/admin-layout.js';
import { CsrfField, ErrorSummary, TextInput, fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import { listApiTokens, type ApiTokenListItem } from './api-tokens.repository.js';
import { apiTokenMessages } from './api-tokens.messages.js';
import { MAX_TOKEN_NAME, createApiToken, revokeToken, scopesOf, type TokenProblem } from './api-tokens.service.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

interface TokenForm {
  name: string;
  owner: string;
  scopes: string[];
  days: string;
}

function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function fields(body: unknown, name: string): string[] {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function problemMessage(ctx: PageContext, p: TokenProblem): string {
  const m = apiTokenMessages[ctx.locale];
  switch (p.field) {
    case 'name':
      return p.problem === 'required' ? ctx.t.errors.required(m.name) : m.errors.nameTooLong;
    case 'owner':
      return p.problem === 'required' ? ctx.t.errors.required(m.owner) : m.errors.ownerUnknown;
    case 'scopes':
      return p.problem === 'required' ? m.errors.scopesRequired : m.errors.scopesUnknown;
    case 'days':
      return m.errors.daysInvalid;
  }
}

/** Administrators make, list and revoke the API tokens of integrators. */
export async function apiTokenPages(app: FastifyInstance) {
  getPage(app, 'adminApiTokens', '', 'manageApiTokens', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'adminApiTokens' });
    const revoked = (request.query as Record<string, unknown>).revoked !== undefined;
    const form: TokenForm = { name: '', owner: request.principal!.email, scopes: ['read'], days: '90' };
    return <TokensPage ctx={ctx} tokens={await listApiTokens(app.database.db)} form={form} errors={[]} now={app.now()} notice={revoked} />;
  });

  postPage(app, 'adminApiTokens', '', 'manageApiTokens', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'adminApiTokens' });
    const form: TokenForm = {
      name: field(request.body, 'name'),
      owner: field(request.body, 'owner'),
      scopes: fields(request.body, 'scopes'),
      days: field(request.body, 'days'),
    };
    const result = await createApiToken(app.database.db, requestActor(request), { ...form, ownerEmail: form.owner }, app.now());
    // The token is shown in this answer and nowhere else, so nothing may keep a copy of it.
    reply.header('cache-control', 'no-store');
    if (result.ok) return <CreatedPage ctx={ctx} token={result.token} name={result.row.name} />;
    const errors: FieldError[] = result.problems.map((p) => ({ field: p.field, message: problemMessage(ctx, p) }));
    reply.code(400);
    return <TokensPage ctx={ctx} tokens={await listApiTokens(app.database.db)} form={form} errors={errors} now={app.now()} notice={false} />;
  });

  postPage(app, 'adminApiTokens', '/:id/revoke', 'manageApiTokens', async (locale, request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id < 1) throw new AppError('NOT_FOUND');
    // Revoking a token that is already revoked changes nothing, and the list says so.
    await revokeToken(app.database.db, requestActor(request), id, app.now());
    return reply.redirect(`${pagePath(locale, 'adminApiTokens')}?revoked`, 303);
  });
}

function status(token: ApiTokenListItem, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revoked_at) return 'revoked';
  return Date.parse(token.expires_at) <= now.getTime() ? 'expired' : 'active';
}

function TokensPage({
  ctx,
  tokens,
  form,
  errors,
  now,
  notice,
}: {
  ctx: PageContext;
  tokens: ApiTokenListItem[];
  form: TokenForm;
  errors: FieldError[];
  now: Date;
  notice: boolean;
}) {
  const { t, locale } = ctx;
  const m = apiTokenMessages[locale];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const action = pagePath(locale, 'adminApiTokens');
  const scopesError = errorOf('scopes');
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.title}` : m.title} section="adminApiTokens">
      {notice ? (
        <div class="panel panel--success" role="status">
          <p>{m.revokedNotice}</p>
        </div>
      ) : null}
      <PageHeading title={m.title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {tokens.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <ScrollTable id="api-tokens-caption" caption={m.listCaption}>
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.owner}</th>
                <th scope="col">{m.scopes}</th>
                <th scope="col">{m.created}</th>
                <th scope="col">{m.expires}</th>
                <th scope="col">{m.lastUsed}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const state = status(token, now);
                return (
                  <tr>
                    <th scope="row">
                      {token.name}
                      <br />
                      <code class="muted">{token.prefix}…</code>
                    </th>
                    <td>
                      {token.ownerName}
                      <br />
                      <span class="muted">{token.ownerEmail}</span>
                    </td>
                    <td>{scopesOf(token).map((s) => (s in m.scope ? m.scope[s as keyof typeof m.scope] : s)).join(', ')}</td>
                    <td>{formatDateTime(token.created_at, locale)}</td>
                    <td>{formatDateTime(token.expires_at, locale)}</td>
                    <td>{token.last_used_at ? formatDateTime(token.last_used_at, locale) : m.never}</td>
                    <td>
                      <span class={`tag tag--${state}`}>{m[state]}</span>
                      {state === 'revoked' && token.revoked_at ? ` ${formatDateTime(token.revoked_at, locale)}` : null}
                      {state === 'active' ? (
                        <form method="post" action={`${action}/${token.id}/revoke`} class="inline-form">
                          <CsrfField token={ctx.csrf()} />
                          <button type="submit" class="button button--secondary" aria-label={m.revokeLabel(token.name)}>
                            {m.revoke}
                          </button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
      )}
      <h2>{m.createTitle}</h2>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrf()} />
        <TextInput name="name" label={m.name} value={form.name} error={errorOf('name')} maxLength={MAX_TOKEN_NAME} required />
        <TextInput name="owner" type="email" label={m.owner} hint={m.ownerHint} value={form.owner} error={errorOf('owner')} required />
        <div class={scopesError ? 'field field--error' : 'field'}>
          <fieldset aria-describedby={`${fieldId('scopes')}-hint${scopesError ? ` ${fieldId('scopes')}-error` : ''}`}>
            <legend class="field__label">{m.scopes}</legend>
            <p class="field__hint" id={`${fieldId('scopes')}-hint`}>
              {m.scopesHint}
            </p>
            {scopesError ? (
              <p class="field__error" id={`${fieldId('scopes')}-error`}>
                {scopesError}
              </p>
            ) : null}
            <div class="choice-list">
            {apiScopes.map((scope, i) => {
              const id = i === 0 ? fieldId('scopes') : `${fieldId('scopes')}-${scope.replace(/[^a-z-]/g, '-')}`;
              return (
                <div class="choice">
                  <input type="checkbox" id={id} name="scopes" value={scope} checked={form.scopes.includes(scope)} />
                  <label for={id}>
                    {m.scope[scope]} <code>{scope}</code>
                  </label>
                </div>
              );
            })}
            </div>
          </fieldset>
        </div>
        <TextInput name="days" type="number" inputMode="numeric" label={m.days} hint={m.daysHint} value={form.days} error={errorOf('days')} required />
        <button type="submit" class="button">
          {m.create}
        </button>
      </form>
    </AdminLayout>
  );
}

function CreatedPage({ ctx, token, name }: { ctx: PageContext; token: string; name: string }) {
  const m = apiTokenMessages[ctx.locale];
  return (
    <AdminLayout ctx={ctx} title={m.createdTitle} section="adminApiTokens">
      <div class="panel panel--success" role="status">
        <h1>{m.createdTitle}</h1>
        <p>{m.createdLead}</p>
      </div>
      <p>
        <strong>{name}</strong>
      </p>
      <div class="field">
        <label class="field__label" for="created-token">
          {m.tokenLabel}
        </label>
        <input class="field__input token-value" id="created-token" type="text" value={token} readOnly spellcheck={false} autocomplete="off" />
      </div>
      <p>
        <a href={pagePath(ctx.locale, 'adminApiTokens')}>{m.back}</a>
      </p>
    </AdminLayout>
  );
}
