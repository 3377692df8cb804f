import { webhookEventTypes } from '../../../db/schema-notifications.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import { webhookLimits, type SubscriptionForm, type SubscriptionProblem } from '../webhooks.form.js';
import { webhooksMessages, type WebhooksMessages } from '../webhooks.messages.js';
import type { WebhookSubscriptionListItem } from '../webhooks.repository.js';
import { ActiveTag, DeliveryStatus, councilName, eventLabel } from './webhooks.parts.js';

export const emptySubscriptionForm: SubscriptionForm = { region: '', url: '', description: '', events: [] };

function EventChoices({ m, chosen, error }: { m: WebhooksMessages; chosen: readonly string[]; error: string | undefined }) {
  const id = fieldId('events');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="field__label">{m.eventsLegend}</legend>
        <p class="field__hint" id={`${id}-hint`}>
          {m.eventsHint}
        </p>
        {error ? (
          <p class="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div class="choice-list">
          {webhookEventTypes.map((type, i) => {
            const choiceId = i === 0 ? id : `${id}-${type.replace(/\./g, '-')}`;
            return (
              <div class="choice">
                <input type="checkbox" id={choiceId} name="events" value={type} checked={chosen.includes(type)} />
                <label for={choiceId}>
                  {m.events[type]} <code>{type}</code>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The subscriptions the user may manage, and the form for a new one. */
export function WebhooksListPage({
  ctx,
  subscriptions,
  regions,
  councils,
  form,
  errors,
  httpsOnly,
  notice,
}: {
  ctx: PageContext;
  subscriptions: readonly WebhookSubscriptionListItem[];
  /** Every region, for the councils' names. */
  regions: readonly Region[];
  /** The councils the user may subscribe for. */
  councils: readonly Region[];
  form: SubscriptionForm;
  errors: readonly FieldError[];
  httpsOnly: boolean;
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = webhooksMessages[locale];
  const title = t.admin.webhooks;
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminWebhooks">
      <PageHeading title={title} lead={m.lead} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={notice} />
      {subscriptions.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <ScrollTable id="webhooks-caption" caption={m.caption}>
          <thead>
            <tr>
              <th scope="col">{m.colUrl}</th>
              <th scope="col">{m.colCouncil}</th>
              <th scope="col">{m.colEvents}</th>
              <th scope="col">{m.colState}</th>
              <th scope="col">{m.colLast}</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr>
                <th scope="row">
                  <a href={pagePath(locale, 'adminWebhooks', String(s.id))} aria-label={m.openLabel(s.url)}>
                    <code>{s.url}</code>
                  </a>
                  {s.description ? (
                    <>
                      <br />
                      <span class="muted">{s.description}</span>
                    </>
                  ) : null}
                </th>
                <td>{councilName(regions, s.regionCode, locale)}</td>
                <td>{s.events.map((e) => eventLabel(m, e)).join(', ')}</td>
                <td>
                  <ActiveTag locale={locale} active={s.active} />
                </td>
                <td>
                  {s.lastDelivery ? (
                    <>
                      <DeliveryStatus locale={locale} status={s.lastDelivery.status} />
                      {s.lastDelivery.statusCode !== null ? ` HTTP ${s.lastDelivery.statusCode}` : null}
                      {s.lastDelivery.at ? (
                        <>
                          <br />
                          <span class="muted">{formatDateTime(s.lastDelivery.at, locale)}</span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    <span class="muted">{m.noDeliveries}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <section aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">{m.newHeading}</h2>
        <form method="post" action={pagePath(locale, 'adminWebhooks')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <SelectField
            name="region"
            label={m.council}
            hint={m.councilHint}
            value={form.region}
            error={errorOf(errors, 'region')}
            {...(councils.length === 1 ? {} : { placeholder: m.choose })}
            options={councils.map((r) => ({ value: r.code, label: r.council.name[locale] }))}
          />
          <TextInput name="url" type="url" label={m.url} hint={m.urlHint(httpsOnly)} value={form.url} error={errorOf(errors, 'url')} maxLength={webhookLimits.url} />
          <TextInput
            name="description"
            label={m.description}
            hint={m.descriptionHint}
            value={form.description}
            error={errorOf(errors, 'description')}
            maxLength={webhookLimits.description}
          />
          <EventChoices m={m} chosen={form.events} error={errorOf(errors, 'events')} />
          <button type="submit" class="button">
            {m.create}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

/** The secret, shown in this answer only: after creating a subscription or rotating its secret. */
export function WebhookSecretPage({ ctx, subscriptionId, secret, rotated }: { ctx: PageContext; subscriptionId: number; secret: string; rotated: boolean }) {
  const m = webhooksMessages[ctx.locale];
  const title = rotated ? m.rotatedTitle : m.createdTitle;
  return (
    <AdminLayout ctx={ctx} title={title} section="adminWebhooks">
      <div class="panel panel--success" role="status">
        <h1>{title}</h1>
        <p>{m.secretLead}</p>
        {rotated ? <p>{m.rotatedLead}</p> : null}
      </div>
      <div class="field">
        <label class="field__label" for="webhook-secret">
          {m.secretLabel}
        </label>
        <p class="field__hint" id="webhook-secret-hint">
          {m.secretGuidance}
        </p>
        <input
          class="field__input token-value"
          id="webhook-secret"
          type="text"
          value={secret}
          readOnly
          spellcheck={false}
          autocomplete="off"
          aria-describedby="webhook-secret-hint"
        />
      </div>
      <p>
        <a href={pagePath(ctx.locale, 'adminWebhooks', String(subscriptionId))}>{m.toSubscription}</a>
      </p>
    </AdminLayout>
  );
}

/** The message at a field for each problem the form's check found. */
export function subscriptionErrors(m: WebhooksMessages, problems: readonly SubscriptionProblem[]): FieldError[] {
  return problems.map((p): FieldError => {
    switch (p.field) {
      case 'region':
        return { field: p.field, message: m.councilRequired };
      case 'description':
        return { field: p.field, message: m.descriptionTooLong(webhookLimits.description) };
      case 'events':
        return { field: p.field, message: m.eventsRequired };
      case 'url': {
        const messages: Record<typeof p.problem, string> = {
          required: m.urlRequired,
          'too-long': m.urlTooLong(webhookLimits.url),
          invalid: m.urlInvalid,
          'https-required': m.urlHttps,
          credentials: m.urlCredentials,
          'private-host': m.urlPrivate,
        };
        return { field: p.field, message: messages[p.problem] };
      }
    }
  });
}
