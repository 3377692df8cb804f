import { pagePath } from '../../http/page-paths.js';
import { formatDateTime } from '../../i18n/format.js';
import { endonym, locales, type Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import type { CallSubject, NewsSubject } from '../notifications/event-subjects.js';
import type { SubscriptionChoices } from './subscriptions.form.js';
import { subscriptionMessages } from './subscriptions.messages.js';

/**
 * The text of every message a subscription sends, composed without I/O: the confirmation link, the
 * note to an address already subscribed, and one message per published call or news item.
 */

export interface MailText {
  subject: string;
  text: string;
}

/** The subscriber's own links: the unsubscribe link is also the message's List-Unsubscribe address (RFC 8058). */
export interface SubscriberLinks {
  unsubscribe: string;
  change: string;
}

export function subscriberLinks(baseUrl: string, locale: Locale, unsubscribeToken: string): SubscriberLinks {
  return {
    unsubscribe: `${baseUrl}${pagePath(locale, 'subscribe', 'peru', unsubscribeToken)}`,
    change: `${baseUrl}${pagePath(locale, 'subscribe', 'muuta', unsubscribeToken)}`,
  };
}

export function confirmLink(baseUrl: string, locale: Locale, token: string): string {
  return `${baseUrl}${pagePath(locale, 'subscribe', 'vahvista', token)}`;
}

/** Names for the choices: the councils' regions and the priorities of the strategy in force, in each language. */
export interface ChoiceLabels {
  regionName(code: string, locale: Locale): string;
  priorityName(slug: string, locale: Locale): string;
}

/** The choices as lines of text, in the language of the page or message. */
export function describeChoices(locale: Locale, choices: SubscriptionChoices, labels: ChoiceLabels) {
  const m = subscriptionMessages[locale];
  return {
    what: [...(choices.wantsCalls ? [m.calls] : []), ...(choices.wantsNews ? [m.news] : [])].join(', '),
    regions: choices.regionCodes.length === 0 ? m.allRegions : choices.regionCodes.map((c) => labels.regionName(c, locale)).join(', '),
    priorities: choices.prioritySlugs.length === 0 ? m.allPriorities : choices.prioritySlugs.map((s) => labels.priorityName(s, locale)).join(', '),
    language: endonym[choices.locale],
  };
}

export function confirmationMail(locale: Locale, link: string, choices: SubscriptionChoices, labels: ChoiceLabels): MailText {
  const m = subscriptionMessages[locale];
  const site = messages(locale).site.name;
  const d = describeChoices(locale, choices, labels);
  return { subject: m.confirmSubject(site), text: m.confirmBody(site, link, m.choicesSummary(d.what, d.regions, d.priorities, d.language)) };
}

export function alreadySubscribedMail(locale: Locale, links: SubscriberLinks): MailText {
  const m = subscriptionMessages[locale];
  const site = messages(locale).site.name;
  return { subject: m.manageSubject(site), text: m.manageBody(site, links.change, links.unsubscribe) };
}

function footer(locale: Locale, links: SubscriberLinks): string {
  return subscriptionMessages[locale].footer(messages(locale).site.name, links.change, links.unsubscribe);
}

/** A text of a call in a language, or the Finnish one where that language was left empty. */
const callText = (text: Readonly<Record<Locale, string>>, locale: Locale) => text[locale].trim() || text.fi;

export function callMail(locale: Locale, call: CallSubject, links: SubscriberLinks): MailText {
  const m = subscriptionMessages[locale];
  const title = callText(call.title, locale);
  const text = [
    title,
    '',
    callText(call.summary, locale),
    '',
    `${m.callOpens}: ${formatDateTime(call.opensAt, locale)}`,
    `${m.callCloses}: ${formatDateTime(call.closesAt, locale)}`,
    '',
    `${m.callLink}:`,
    call.url[locale],
    '',
    footer(locale, links),
  ].join('\n');
  return { subject: m.callSubject(title), text };
}

/**
 * A news item in the subscriber's language, or, when it was written only in others, in the first of
 * them (Finnish, Swedish, English), saying so. Undefined for an item with no text at all.
 */
export function newsMail(locale: Locale, news: NewsSubject, links: SubscriberLinks): MailText | undefined {
  const m = subscriptionMessages[locale];
  const textLocale = [locale, ...locales.filter((l) => l !== locale)].find((l) => news.title[l] !== undefined);
  if (!textLocale) return undefined;
  const title = news.title[textLocale]!;
  const lines = [title, ''];
  if (textLocale !== locale) lines.push(m.newsOnlyIn(m.languageNames[textLocale]), '');
  const summary = news.summary[textLocale]?.trim();
  if (summary) lines.push(summary, '');
  lines.push(`${m.newsLink}:`, news.url[textLocale], '', footer(locale, links));
  return { subject: m.newsSubject(title), text: lines.join('\n') };
}
