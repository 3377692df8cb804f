import type { Db } from '../../db/database.js';
import { seal } from '../../security/secret-box.js';
import { randomToken } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import type { WebhookBody } from './webhook-events.js';
import type { SubscriptionInput } from './webhooks.form.js';
import { deleteSubscription, findDelivery, insertSubscription, queueDelivery, updateSubscription, type WebhookSubscription } from './webhooks.repository.js';

export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: shown to the council once, kept only sealed with the server's key. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomToken()}`;
}

/** What the audit log keeps of a subscription: never its secret. */
const auditView = (s: { regionCode: string; url: string; description: string; events: readonly string[]; active?: boolean }) => ({
  regionCode: s.regionCode,
  url: s.url,
  description: s.description,
  events: s.events,
  ...(s.active !== undefined ? { active: s.active } : {}),
});

export async function createSubscription(db: Db, actor: Actor, input: SubscriptionInput, secretKey: string, now: Date): Promise<{ id: number; secret: string }> {
  const secret = newWebhookSecret();
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertSubscription(trx, { ...input, secretSealed: seal(secretKey, secret), createdBy: actor.userId }, now);
    await appendAudit(trx, actor, { action: 'webhook.created', entityType: 'webhook_subscription', entityId: id, after: auditView({ ...input, active: true }) }, now);
    return id;
  });
  return { id, secret };
}

/** A new secret in place of the old one, which stops signing at once. Null when the subscription is gone. */
export async function rotateSecret(db: Db, actor: Actor, subscription: WebhookSubscription, secretKey: string, now: Date): Promise<string | null> {
  const secret = newWebhookSecret();
  const done = await db.transaction().execute(async (trx) => {
    if (!(await updateSubscription(trx, subscription.id, { secretSealed: seal(secretKey, secret) }, now))) return false;
    await appendAudit(trx, actor, { action: 'webhook.secret-rotated', entityType: 'webhook_subscription', entityId: subscription.id }, now);
    return true;
  });
  return done ? secret : null;
}

export async function setSubscriptionActive(db: Db, actor: Actor, subscription: WebhookSubscription, active: boolean, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateSubscription(trx, subscription.id, { active }, now))) return false;
    if (subscription.active !== active) {
      await appendAudit(
        trx,
        actor,
        { action: active ? 'webhook.activated' : 'webhook.deactivated', entityType: 'webhook_subscription', entityId: subscription.id, before: { active: subscription.active }, after: { active } },
        now,
      );
    }
    return true;
  });
}

export async function removeSubscription(db: Db, actor: Actor, subscription: WebhookSubscription, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await deleteSubscription(trx, subscription.id))) return false;
    await appendAudit(trx, actor, { action: 'webhook.deleted', entityType: 'webhook_subscription', entityId: subscription.id, before: auditView(subscription) }, now);
    return true;
  });
}

/**
 * Sends a delivery again as a new delivery with the same body and event id, so the receiver sees the
 * same event; it gets its own outbox row and Idempotency-Key, since it is meant to arrive again.
 */
export async function replayDelivery(db: Db, actor: Actor, subscription: WebhookSubscription, deliveryId: number, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const original = await findDelivery(trx, deliveryId);
    if (!original || original.subscription_id !== subscription.id) return null;
    const id = await queueDelivery(trx, { subscriptionId: subscription.id, type: original.event_type, eventId: original.event_id, body: original.body, replayOf: original.id }, now);
    if (id === null) return null;
    await appendAudit(trx, actor, { action: 'webhook.replayed', entityType: 'webhook_delivery', entityId: id, after: { subscriptionId: subscription.id, replayOf: original.id, eventId: original.event_id } }, now);
    return id;
  });
}

/** A "ping" delivery that lets a council check its receiver and signature code without waiting for a real event. */
export async function sendTestDelivery(db: Db, actor: Actor, subscription: WebhookSubscription, now: Date): Promise<number> {
  const eventId = `ping:${randomToken(12)}`;
  const body: WebhookBody = { id: eventId, type: 'ping', occurredAt: now.toISOString(), data: { subscriptionId: subscription.id, regionCode: subscription.regionCode } };
  return db.transaction().execute(async (trx) => {
    const id = await queueDelivery(trx, { subscriptionId: subscription.id, type: 'ping', eventId, body: JSON.stringify(body) }, now);
    if (id === null) throw new Error('a random ping id was taken');
    await appendAudit(trx, actor, { action: 'webhook.test-sent', entityType: 'webhook_delivery', entityId: id, after: { subscriptionId: subscription.id, eventId } }, now);
    return id;
  });
}
