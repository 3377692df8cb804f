import type { WebhookDeliveryStatus } from '../../../db/schema-notifications.js';
import type { Locale } from '../../../i18n/locales.js';
import type { Region } from '../../regions/regions.repository.js';
import { webhooksMessages, type WebhooksMessages } from '../webhooks.messages.js';

/** The label of a delivery's type: one of the events, or the test event. */
export function eventLabel(m: WebhooksMessages, type: string): string {
  return type in m.events ? m.events[type as keyof WebhooksMessages['events']] : type === 'ping' ? m.ping : type;
}

const statusTag: Record<WebhookDeliveryStatus, string> = { pending: 'tag--pending', delivered: 'tag--success', failed: 'tag--failed' };

export function DeliveryStatus({ locale, status }: { locale: Locale; status: WebhookDeliveryStatus }) {
  return <span class={`tag ${statusTag[status]}`}>{webhooksMessages[locale].statuses[status]}</span>;
}

export function ActiveTag({ locale, active }: { locale: Locale; active: boolean }) {
  const m = webhooksMessages[locale];
  return <span class={`tag ${active ? 'tag--active' : 'tag--disabled'}`}>{active ? m.active : m.inactive}</span>;
}

/** The council's name in the page's language, or its code when the region is unknown. */
export function councilName(regions: readonly Region[], code: string, locale: Locale): string {
  return regions.find((r) => r.code === code)?.council.name[locale] ?? code;
}
