import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { ProblemSchema } from '../../http/schemas.js';
import { formatDateTime, formatMoney } from '../../i18n/format.js';
import { isLocale, locales, type Locale } from '../../i18n/locales.js';
import type { PublicCallSummary } from '../calls/calls.public.repository.js';
import { localText } from '../calls/views/calls.parts.js';
import { notModifiedSchema, SyndicationQuerySchema } from './syndication.schema.js';
import { loadPublishedCalls } from './syndication.entries.js';
import { loadSyndicationContext, readSyndicationFilter, type SyndicationContext, type SyndicationFilter } from './syndication.filter.js';
import { newest, sendSyndicated } from './syndication.http.js';
import { syndicationMessages } from './syndication.messages.js';
import { CALENDAR_CONTENT_TYPE, calendarNames, calendarPath } from './syndication.urls.js';

/**
 * The calls' timetable as an iCalendar (RFC 5545) that calendar applications subscribe to:
 * GET /calendar/fi/calls.ics[?region=18]. Each public call is two events, its opening and its
 * closing, at the exact instant in UTC, with UIDs that stay the same from one fetch to the next.
 */

/** Enough for every call there will ever be: tens a year. */
const CALENDAR_CALL_LIMIT = 1000;

function calendarName(locale: Locale, filter: SyndicationFilter): string {
  const parts = [syndicationMessages[locale].calendarName];
  if (filter.region) parts.push(filter.region.name[locale]);
  if (filter.priority) parts.push(filter.priority.name[locale]);
  return parts.join(' – ');
}

function callDescription(call: PublicCallSummary, locale: Locale, context: SyndicationContext, which: 'opens' | 'closes', url: string): string {
  const m = syndicationMessages[locale];
  const councils = call.budgets.map((b) => {
    const region = context.regions.find((r) => r.code === b.regionCode);
    return `${region?.council.name[locale] ?? b.regionCode} ${formatMoney(b.budgetCents, locale, { wholeEuros: true })}`;
  });
  return [
    localText(call.summary, locale).text,
    '',
    which === 'opens' ? m.eventOpensText(formatDateTime(call.opensAt, locale)) : m.eventClosesText(formatDateTime(call.closesAt, locale)),
    `${m.budget}: ${formatMoney(call.totalBudgetCents, locale, { wholeEuros: true })}`,
    ...(councils.length > 0 ? [`${m.councils}: ${councils.join(', ')}`] : []),
    '',
    url,
  ].join('\n');
}

/** The calendar's text: deterministic, so that the same calls give the same bytes (and ETag) on every instance. */
export function renderCallsCalendar(
  calls: readonly PublicCallSummary[],
  options: { locale: Locale; filter: SyndicationFilter; context: SyndicationContext; baseUrl: string },
): string {
  const { locale, filter, context, baseUrl } = options;
  const m = syndicationMessages[locale];
  const host = new URL(baseUrl).hostname;
  const calendar = ical({
    name: calendarName(locale, filter),
    description: m.calendarDescription,
    prodId: { company: host, product: 's3-enf calls', language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: `${baseUrl}${pagePath(locale, 'calls')}`,
    source: `${baseUrl}${calendarPath(locale, { region: filter.region?.code, priority: filter.priority?.slug })}`,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: calendar applications look again after an hour.
    ttl: 3600,
  });
  const events = calls.flatMap((call) => {
    const title = localText(call.title, locale).text;
    const url = `${baseUrl}${pagePath(locale, 'calls', String(call.id))}`;
    const categories = [
      ...call.budgets.map((b) => context.regions.find((r) => r.code === b.regionCode)?.name[locale] ?? b.regionCode),
      ...call.priorityIds.map((id) => context.priorities.find((p) => p.id === id)?.name[locale]).filter((n): n is string => n !== undefined),
    ].map((name) => ({ name }));
    const common = { url, categories, stamp: new Date(call.updatedAt), lastModified: new Date(call.updatedAt), transparency: ICalEventTransparency.TRANSPARENT };
    return [
      { ...common, id: `call-${call.id}-opens@${host}`, at: call.opensAt, summary: m.eventOpens(title), description: callDescription(call, locale, context, 'opens', url) },
      { ...common, id: `call-${call.id}-closes@${host}`, at: call.closesAt, summary: m.eventCloses(title), description: callDescription(call, locale, context, 'closes', url) },
    ];
  });
  events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  for (const { at, ...event } of events) calendar.createEvent({ ...event, start: new Date(at), end: new Date(at) });
  return calendar.toString();
}

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/:locale/:calendar',
    {
      config: { access: 'public' },
      schema: {
        tags: ['syndication'],
        summary: 'The calls’ opening and closing times as an iCalendar to subscribe to',
        description:
          'calls.ics: two events per public call, its opening and its closing, at the exact instant (UTC), with stable UIDs call-<id>-opens@<host> and call-<id>-closes@<host>. Filter by a council’s region code. Subscribe with the https or webcal address; applications refresh it hourly.',
        params: Type.Object({
          locale: Type.String({ maxLength: 8, description: 'fi, sv or en', examples: ['fi'] }),
          calendar: Type.String({ maxLength: 16, description: 'calls.ics', examples: ['calls.ics'] }),
        }),
        querystring: SyndicationQuerySchema,
        response: {
          200: { description: 'The calendar', content: { [CALENDAR_CONTENT_TYPE]: { schema: Type.String() } } },
          304: notModifiedSchema,
          400: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { locale, calendar } = request.params;
      if (!isLocale(locale)) throw new AppError('NOT_FOUND', `Calendars are given in ${locales.join(', ')}, not "${locale}".`);
      if (!(calendarNames as readonly string[]).includes(calendar)) throw new AppError('NOT_FOUND', `No calendar is called "${calendar}"; there is ${calendarNames.join(', ')}.`);
      const db = app.database.db;
      const now = app.now();
      const context = await loadSyndicationContext(db, now);
      const filter = readSyndicationFilter(context, request.query);
      const calls = await loadPublishedCalls(db, filter, now, CALENDAR_CALL_LIMIT);
      const body = renderCallsCalendar(calls, { locale, filter, context, baseUrl: app.config.baseUrl });
      return sendSyndicated(request, reply, { body, contentType: CALENDAR_CONTENT_TYPE, lastModified: newest(calls.map((c) => c.updatedAt)) });
    },
  );
};
