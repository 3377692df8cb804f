import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { webhookBackoff } from '../../domain/retry-backoff.js';
import type { OutboxRow } from '../../db/schema-notifications.js';
import type { DeliveryOutcome, OutboxHandler } from '../../jobs/dispatcher.js';
import { open } from '../../security/secret-box.js';
import { signWebhook, SIGNATURE_HEADER } from './webhook-signature.js';
import { findDelivery, findSubscription, recordAttempt } from './webhooks.repository.js';

export const WEBHOOK_USER_AGENT = 's3-enf-webhooks/1';
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a refusing receiver's answer is kept in the log, to help its owner see why. */
const RESPONSE_EXCERPT_CHARS = 300;

/** What one HTTP attempt came to, carried from deliver() to settle() in the outcome's detail. */
interface AttemptDetail {
  statusCode: number | null;
  durationMs: number;
}

export interface WebhookHandlerOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The clock of the signature's timestamp; the receiver compares it with its own clock. */
  now?: () => Date;
}

/** 408 and 429 say "not now"; 5xx say "not working now": both may pass. Any other 4xx will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

async function excerpt(response: Response): Promise<string> {
  try {
    const reader = response.body?.getReader();
    if (!reader) return '';
    const decoder = new TextDecoder();
    let text = '';
    while (text.length < RESPONSE_EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel().catch(() => {});
    return text.replace(/\s+/g, ' ').trim().slice(0, RESPONSE_EXCERPT_CHARS);
  } catch {
    return '';
  }
}

function networkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : cause?.message ? `${message}: ${cause.message}` : message;
}

/**
 * The outbox's webhook channel. deliver() POSTs the delivery's stored body to the subscription's URL,
 * signed with the subscription's secret at this attempt's time; settle() logs the attempt and the
 * delivery's new state in the transaction that marks the outbox row, so the two never disagree.
 */
export function createWebhookHandler(config: Config, db: Db, options: WebhookHandlerOptions = {}): OutboxHandler {
  const send = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const clock = options.now ?? (() => new Date());

  async function deliver(row: OutboxRow): Promise<DeliveryOutcome> {
    const notSent = (error: string): DeliveryOutcome => ({ ok: false, permanent: true, error, detail: { statusCode: null, durationMs: 0 } satisfies AttemptDetail });
    const delivery = row.ref_id === null ? undefined : await findDelivery(db, row.ref_id);
    if (!delivery) return notSent(`webhook delivery ${row.ref_id} no longer exists`);
    const subscription = await findSubscription(db, delivery.subscription_id);
    if (!subscription) return notSent('the subscription has been deleted');
    if (!subscription.active) return notSent('not sent: the subscription is inactive');
    let secret: string;
    try {
      secret = open(config.secretKey, subscription.secretSealed);
    } catch {
      return notSent('the subscription’s secret cannot be opened with this server’s secret key; rotate the secret');
    }

    const timestamp = Math.floor(clock().getTime() / 1000);
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const response = await send(subscription.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': WEBHOOK_USER_AGENT,
          'S3-Event': delivery.event_type,
          'S3-Delivery': String(delivery.id),
          'Idempotency-Key': row.idempotency_key,
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, delivery.body),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const status = response.status;
      if (status >= 200 && status < 300) {
        await response.body?.cancel().catch(() => {});
        return { ok: true, detail: { statusCode: status, durationMs: elapsed() } satisfies AttemptDetail };
      }
      const detail: AttemptDetail = { statusCode: status, durationMs: elapsed() };
      if (status >= 300 && status < 400) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        // Following a redirect would send the signed body somewhere the council never chose.
        return { ok: false, permanent: true, error: `HTTP ${status}: redirect${location ? ` to ${location.slice(0, 200)}` : ''} not followed; update the subscription’s URL`, detail };
      }
      const text = await excerpt(response);
      return { ok: false, permanent: !isRetryableStatus(status), error: `HTTP ${status}${text ? `: ${text}` : ''}`, detail };
    } catch (error) {
      return { ok: false, error: networkError(error), detail: { statusCode: null, durationMs: elapsed() } satisfies AttemptDetail };
    }
  }

  return {
    backoff: webhookBackoff,
    deliver,
    async settle(trx, row, { outcome, attempt, final, nextAttemptAt, now }) {
      if (row.ref_id === null) return;
      const detail = (outcome.detail ?? { statusCode: null, durationMs: 0 }) as AttemptDetail;
      await recordAttempt(trx, {
        deliveryId: row.ref_id,
        attemptedAt: new Date(now.getTime() - Math.round(detail.durationMs)),
        statusCode: detail.statusCode,
        error: outcome.ok ? null : outcome.error.slice(0, 1000),
        durationMs: detail.durationMs,
        status: outcome.ok ? 'delivered' : final ? 'failed' : 'pending',
        attempts: attempt,
        nextAttemptAt: outcome.ok ? null : nextAttemptAt,
        deliveredAt: outcome.ok ? now : null,
      });
    },
  };
}
