import { isIP } from 'node:net';
import { webhookEventTypes, type WebhookEventType } from '../../db/schema-notifications.js';

/** The new-subscription form as typed, kept for a re-render. */
export interface SubscriptionForm {
  region: string;
  url: string;
  description: string;
  events: string[];
}

export interface SubscriptionInput {
  regionCode: string;
  url: string;
  description: string;
  events: WebhookEventType[];
}

export const webhookLimits = { url: 2000, description: 200 } as const;

export type SubscriptionProblem =
  | { field: 'region'; problem: 'required' }
  | { field: 'url'; problem: 'required' | 'too-long' | 'invalid' | 'https-required' | 'credentials' | 'private-host' }
  | { field: 'description'; problem: 'too-long' }
  | { field: 'events'; problem: 'required' };

function text(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function texts(body: unknown, name: string): string[] {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function readSubscriptionForm(body: unknown): SubscriptionForm {
  return { region: text(body, 'region').trim(), url: text(body, 'url').trim(), description: text(body, 'description').trim(), events: texts(body, 'events') };
}

function isPrivateIPv4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * An address inside the server's own network, named directly: a webhook there would let a form
 * reach services the internet cannot (the cloud's metadata endpoint, the database). Names that
 * resolve to such addresses are the operator's firewall's to stop.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return true;
  const version = isIP(host);
  if (version === 4) return isPrivateIPv4(host);
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return isPrivateIPv4(mapped[1]!);
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  }
  return false;
}

export function urlProblem(raw: string, production: boolean): SubscriptionProblem | null {
  if (raw === '') return { field: 'url', problem: 'required' };
  if (raw.length > webhookLimits.url) return { field: 'url', problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { field: 'url', problem: 'invalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return { field: 'url', problem: 'invalid' };
  if (url.username !== '' || url.password !== '') return { field: 'url', problem: 'credentials' };
  if (production && url.protocol !== 'https:') return { field: 'url', problem: 'https-required' };
  if (production && isPrivateHost(url.hostname)) return { field: 'url', problem: 'private-host' };
  return null;
}

/**
 * Checks the form. `allowedRegions` are the councils the user may subscribe for (an officer's own);
 * in production the receiver must be an https address on the internet.
 */
export function validateSubscriptionForm(
  form: SubscriptionForm,
  rules: { allowedRegions: readonly string[]; production: boolean },
): { ok: true; value: SubscriptionInput } | { ok: false; problems: SubscriptionProblem[] } {
  const problems: SubscriptionProblem[] = [];
  if (!rules.allowedRegions.includes(form.region)) problems.push({ field: 'region', problem: 'required' });
  const url = urlProblem(form.url, rules.production);
  if (url) problems.push(url);
  if (form.description.length > webhookLimits.description) problems.push({ field: 'description', problem: 'too-long' });
  const events = webhookEventTypes.filter((e) => form.events.includes(e));
  if (events.length === 0 || form.events.some((e) => !(webhookEventTypes as readonly string[]).includes(e))) problems.push({ field: 'events', problem: 'required' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { regionCode: form.region, url: new URL(form.url).href, description: form.description, events } };
}
