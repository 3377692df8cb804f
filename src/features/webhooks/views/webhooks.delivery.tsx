import type { Selectable } from 'kysely';
import type { WebhookAttemptTable, WebhookDeliveryRow } from '../../../db/schema-notifications.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import { AdminLayout } from '../../../views/admin-layout.js';
import { CsrfField, Notice } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { webhooksMessages } from '../webhooks.messages.js';
import type { WebhookSubscription } from '../webhooks.repository.js';
import { DeliveryStatus, eventLabel } from './webhooks.parts.js';

/** The body as sent, indented for reading (the bytes sent, and signed, are the stored ones). */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One delivery: what was sent, every attempt with its answer, and the replay button. */
export function WebhookDeliveryPage({
  ctx,
  subscription,
  delivery,
  attempts,
  notice,
}: {
  ctx: PageContext;
  subscription: WebhookSubscription;
  delivery: WebhookDeliveryRow;
  attempts: ReadonlyArray<Selectable<WebhookAttemptTable>>;
  notice?: string | undefined;
}) {
  const { locale } = ctx;
  const m = webhooksMessages[locale];
  const subscriptionPath = pagePath(locale, 'adminWebhooks', String(subscription.id));
  return (
    <AdminLayout ctx={ctx} title={`${m.deliveryTitle(delivery.id)} – ${m.subscriptionTitle(subscription.id, subscription.description)}`} section="adminWebhooks">
      <p class="back-link">
        <a href={subscriptionPath}>{m.subscriptionTitle(subscription.id, subscription.description)}</a>
      </p>
      <PageHeading title={m.deliveryTitle(delivery.id)} />
      <Notice text={notice} />
      <dl class="facts">
        <div>
          <dt>{m.factType}</dt>
          <dd>
            {eventLabel(m, delivery.event_type)} <code>{delivery.event_type}</code>
          </dd>
        </div>
        <div>
          <dt>{m.factEventId}</dt>
          <dd>
            <code>{delivery.event_id}</code>
          </dd>
        </div>
        <div>
          <dt>{m.factStatus}</dt>
          <dd>
            <DeliveryStatus locale={locale} status={delivery.status} />
          </dd>
        </div>
        <div>
          <dt>{m.factAttempts}</dt>
          <dd>{delivery.attempts}</dd>
        </div>
        {delivery.status === 'pending' && delivery.next_attempt_at ? (
          <div>
            <dt>{m.factNext}</dt>
            <dd>{formatDateTime(delivery.next_attempt_at, locale)}</dd>
          </div>
        ) : null}
        {delivery.delivered_at ? (
          <div>
            <dt>{m.factDelivered}</dt>
            <dd>{formatDateTime(delivery.delivered_at, locale)}</dd>
          </div>
        ) : null}
        {delivery.last_error ? (
          <div>
            <dt>{m.factLastError}</dt>
            <dd>{delivery.last_error}</dd>
          </div>
        ) : null}
        {delivery.replay_of !== null ? (
          <div>
            <dt>{m.factReplayOf}</dt>
            <dd>
              <a href={`${subscriptionPath}/${delivery.replay_of}`}>{m.deliveryTitle(delivery.replay_of)}</a>
            </dd>
          </div>
        ) : null}
      </dl>

      <form method="post" action={`${subscriptionPath}/${delivery.id}/replay`} class="inline-form">
        <CsrfField token={ctx.csrf()} />
        <button type="submit" class="button button--secondary" disabled={!subscription.active}>
          {m.replay}
        </button>
        <p class="field__hint">{subscription.active ? m.replayHint : m.replayInactive}</p>
      </form>

      <h2>{m.attemptsCaption}</h2>
      {attempts.length === 0 ? (
        <p class="muted">{m.noAttempts}</p>
      ) : (
        <ScrollTable id="webhook-attempts-caption" caption={m.attemptsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colTime}</th>
              <th scope="col">{m.colHttp}</th>
              <th scope="col">{m.colError}</th>
              <th scope="col">{m.colDuration}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr>
                <th scope="row">{formatDateTime(a.attempted_at, locale)}</th>
                <td>{a.status_code ?? '–'}</td>
                <td>{a.error ?? '–'}</td>
                <td>{m.durationMs(a.duration_ms)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}

      <h2>{m.bodyHeading}</h2>
      <pre>
        <code>{readable(delivery.body)}</code>
      </pre>
    </AdminLayout>
  );
}
