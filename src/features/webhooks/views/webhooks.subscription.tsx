import type { WebhookDeliveryRow } from '../../../db/schema-notifications.js';
import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, ErrorSummary, Notice, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Pager } from '../../../views/components/pager.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { webhooksMessages } from '../webhooks.messages.js';
import type { WebhookSubscription } from '../webhooks.repository.js';
import { ActiveTag, DeliveryStatus, eventLabel } from './webhooks.parts.js';

export interface DeliveryPage {
  rows: readonly WebhookDeliveryRow[];
  /** The address of the newer and older pages, when there are such. */
  newer?: string | undefined;
  older?: string | undefined;
}

function ActionForm({ ctx, action, label, hint, danger }: { ctx: PageContext; action: string; label: string; hint?: string; danger?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrf()} />
      <button type="submit" class={danger ? 'button button--danger' : 'button button--secondary'}>
        {label}
      </button>
      {hint ? <p class="field__hint">{hint}</p> : null}
    </form>
  );
}

/** A subscription's facts, what can be done to it, and its deliveries newest first. */
export function WebhookSubscriptionPage({
  ctx,
  subscription,
  council,
  deliveries,
  errors,
  notice,
}: {
  ctx: PageContext;
  subscription: WebhookSubscription;
  council: string;
  deliveries: DeliveryPage;
  errors: readonly FieldError[];
  notice?: string | undefined;
}) {
  const { t, locale } = ctx;
  const m = webhooksMessages[locale];
  const title = m.subscriptionTitle(subscription.id, subscription.description);
  const base = pagePath(locale, 'adminWebhooks', String(subscription.id));
  const confirmError = errorOf(errors, 'confirm');
  return (
    <AdminLayout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title} section="adminWebhooks">
      <p class="back-link">
        <a href={pagePath(locale, 'adminWebhooks')}>{m.backToList}</a>
      </p>
      <PageHeading title={title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={notice} />
      <dl class="facts">
        <div>
          <dt>{m.factUrl}</dt>
          <dd>
            <code>{subscription.url}</code>
          </dd>
        </div>
        <div>
          <dt>{m.factCouncil}</dt>
          <dd>{council}</dd>
        </div>
        {subscription.description ? (
          <div>
            <dt>{m.factDescription}</dt>
            <dd>{subscription.description}</dd>
          </div>
        ) : null}
        <div>
          <dt>{m.factEvents}</dt>
          <dd>{subscription.events.map((e) => eventLabel(m, e)).join(', ')}</dd>
        </div>
        <div>
          <dt>{m.factState}</dt>
          <dd>
            <ActiveTag locale={locale} active={subscription.active} />
          </dd>
        </div>
        <div>
          <dt>{m.factCreated}</dt>
          <dd>{formatDateTime(subscription.createdAt, locale)}</dd>
        </div>
      </dl>

      <section aria-labelledby="webhook-actions-heading">
        <h2 id="webhook-actions-heading">{m.actionsHeading}</h2>
        {subscription.active ? <ActionForm ctx={ctx} action={`${base}/test`} label={m.sendTest} hint={m.sendTestHint} /> : null}
        <ActionForm ctx={ctx} action={`${base}/rotate`} label={m.rotate} hint={m.rotateHint} />
        {subscription.active ? (
          <ActionForm ctx={ctx} action={`${base}/deactivate`} label={m.deactivate} hint={m.deactivateHint} />
        ) : (
          <ActionForm ctx={ctx} action={`${base}/activate`} label={m.activate} />
        )}
      </section>

      <section aria-labelledby="webhook-deliveries-heading">
        <h2 id="webhook-deliveries-heading">{m.deliveriesHeading}</h2>
        {deliveries.rows.length === 0 ? (
          <p class="muted">{m.noDeliveriesYet}</p>
        ) : (
          <ScrollTable id="webhook-deliveries-caption" caption={m.deliveriesCaption}>
            <thead>
              <tr>
                <th scope="col">{m.colDelivery}</th>
                <th scope="col">{m.colEvent}</th>
                <th scope="col">{m.colCreated}</th>
                <th scope="col">{m.colStatus}</th>
                <th scope="col">{m.colAttempts}</th>
                <th scope="col">{m.colHttp}</th>
                <th scope="col">{m.colNext}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.rows.map((d) => (
                <tr>
                  <th scope="row">
                    <a href={`${base}/${d.id}`}>{m.deliveryTitle(d.id)}</a>
                  </th>
                  <td>{eventLabel(m, d.event_type)}</td>
                  <td>{formatDateTime(d.created_at, locale)}</td>
                  <td>
                    <DeliveryStatus locale={locale} status={d.status} />
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.last_status_code ?? '–'}</td>
                  <td>{d.status === 'pending' && d.next_attempt_at ? formatDateTime(d.next_attempt_at, locale) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        <Pager labels={{ pagination: m.pagination, previous: m.newer, next: m.older }} previous={deliveries.newer} next={deliveries.older} />
      </section>

      <section aria-labelledby="webhook-delete-heading">
        <h2 id="webhook-delete-heading">{m.deleteHeading}</h2>
        <form method="post" action={`${base}/delete`} novalidate>
          <CsrfField token={ctx.csrf()} />
          <div class={confirmError ? 'field field--checkbox field--error' : 'field field--checkbox'}>
            {confirmError ? (
              <p class="field__error" id={`${fieldId('confirm')}-error`}>
                {confirmError}
              </p>
            ) : null}
            <input type="checkbox" id={fieldId('confirm')} name="confirm" value="1" aria-describedby={confirmError ? `${fieldId('confirm')}-error` : undefined} />
            <label for={fieldId('confirm')}>{m.deleteConfirm}</label>
          </div>
          <button type="submit" class="button button--danger">
            {m.delete}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
