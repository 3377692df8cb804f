import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { pagePath } from '../../src/http/page-paths.js';
import { locales, type Locale } from '../../src/i18n/locales.js';
import { TEST_BASE_URL, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { TRICKY_TITLE, buildSyndicationFixture, type SyndicationFixture } from '../helpers/syndication-fixture.js';

/**
 * The calls' timetable as an iCalendar (issue 7), imported with ical.js, a parser of its own:
 * two events per public call at the exact instants, UIDs that do not change, a name and a refresh
 * hint for calendar applications, in each language and per region.
 */
const host = new URL(TEST_BASE_URL).hostname;

interface ImportedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  url: string;
  categories: string[];
  description: string;
}

function importCalendar(text: string): { calendar: ICAL.Component; events: ImportedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  assert.equal(calendar.name, 'vcalendar');
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      url: String(component.getFirstPropertyValue('url')),
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      description: event.description,
    };
  });
  return { calendar, events };
}

const helsinki = (iso: string) =>
  new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

for (const dialect of testDialects()) {
  describe(`calendar of call openings and deadlines [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let fixture: SyndicationFixture;
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    const uidsOf = (...calls: number[]) => calls.flatMap((id) => [`call-${id}-opens@${host}`, `call-${id}-closes@${host}`]).sort();

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      fixture = await buildSyndicationFixture(t.database.db);
    });
    after(() => t?.close());

    it('has an opening and a closing event for every public call and none for a draft, with the same UIDs on every fetch', async () => {
      const first = await get('/calendar/fi/calls.ics');
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['content-type'], 'text/calendar; charset=utf-8');
      assert.equal(first.headers['access-control-allow-origin'], '*');
      assert.equal(first.headers['cache-control'], 'public, max-age=300');
      const { calendar, events } = importCalendar(first.body);
      const { a, b, c, d } = fixture.calls;
      assert.equal(events.length, 6);
      assert.deepEqual(events.map((e) => e.uid).sort(), uidsOf(a, b, d));
      assert.ok(!first.body.includes(`call-${c}-`));
      assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'S3 Itä- ja Pohjois-Suomi – hakujen aikataulut');
      assert.equal(String(calendar.getFirstPropertyValue('x-published-ttl')), 'PT1H');
      assert.equal(String(calendar.getFirstPropertyValue('refresh-interval')), 'PT1H');
      assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
      const second = await get('/calendar/fi/calls.ics');
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, first.headers.etag);
      assert.deepEqual(importCalendar(second.body).events.map((e) => e.uid), events.map((e) => e.uid));
    });

    it('puts the closing event at the call’s closing time to the second: 31.8.2027 16.15.00 Helsinki time', async () => {
      const { events } = importCalendar((await get('/calendar/fi/calls.ics')).body);
      const closes = events.find((e) => e.uid === `call-${fixture.calls.a}-closes@${host}`)!;
      assert.equal(closes.start, '2027-08-31T13:15:00.000Z');
      assert.equal(closes.end, closes.start);
      assert.equal(helsinki(closes.start), '31.8.2027 klo 16.15.00');
      const opens = events.find((e) => e.uid === `call-${fixture.calls.a}-opens@${host}`)!;
      assert.equal(opens.start, '2026-11-02T07:00:00.000Z');
      assert.equal(closes.url, `${TEST_BASE_URL}${pagePath('fi', 'calls', String(fixture.calls.a))}`);
      assert.deepEqual(closes.categories, ['Pohjois-Savo', 'Pohjois-Karjala', 'Puhtaat ratkaisut']);
      assert.match(closes.description, /Hakemukset on jätettävä viimeistään 31\.8\.2027 klo 16\.15 \(Suomen aikaa\)\./);
    });

    it('names the events in the calendar’s language and keeps a title with & < " intact', async () => {
      const words: Record<Locale, [string, string, string]> = {
        fi: ['Haku aukeaa: ', 'Haku sulkeutuu: ', ''],
        sv: ['Utlysningen öppnar: ', 'Utlysningen stänger: ', ' (sv)'],
        en: ['Call opens: ', 'Call closes: ', ' (en)'],
      };
      for (const locale of locales) {
        const res = await get(`/calendar/${locale}/calls.ics`);
        const { calendar, events } = importCalendar(res.body);
        const [opens, closes, suffix] = words[locale];
        const a = fixture.calls.a;
        assert.equal(events.find((e) => e.uid === `call-${a}-opens@${host}`)!.summary, `${opens}${TRICKY_TITLE}${suffix}`, locale);
        assert.equal(events.find((e) => e.uid === `call-${a}-closes@${host}`)!.summary, `${closes}${TRICKY_TITLE}${suffix}`, locale);
        assert.equal(events.find((e) => e.uid === `call-${a}-closes@${host}`)!.url, `${TEST_BASE_URL}${pagePath(locale, 'calls', String(a))}`);
        assert.match(String(calendar.getFirstPropertyValue('x-wr-calname')), { fi: /hakujen aikataulut/, sv: /utlysningarnas tidtabeller/, en: /call deadlines/ }[locale]);
      }
    });

    it('has per region only the calls its council takes part in', async () => {
      const { a, b, d } = fixture.calls;
      const cases: Array<[string, number[], string]> = [
        ['11', [a, d], 'Pohjois-Savo'],
        ['12', [a], 'Pohjois-Karjala'],
        ['18', [b, d], 'Kainuu'],
        ['19', [], 'Lappi'],
      ];
      for (const [region, calls, name] of cases) {
        const { calendar, events } = importCalendar((await get(`/calendar/fi/calls.ics?region=${region}`)).body);
        assert.deepEqual(events.map((e) => e.uid).sort(), uidsOf(...calls), region);
        assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), `S3 Itä- ja Pohjois-Suomi – hakujen aikataulut – ${name}`);
      }
    });

    it('answers 304 to a current ETag and changes when a call changes', async () => {
      const first = await get('/calendar/en/calls.ics?region=18');
      const etag = String(first.headers.etag);
      assert.equal((await get('/calendar/en/calls.ics?region=18', { 'if-none-match': etag })).statusCode, 304);
      await t.database.db.updateTable('calls').set({ closes_at: '2026-12-18T14:15:00.000Z', updated_at: '2026-11-27T08:00:00.000Z' }).where('id', '=', fixture.calls.b).execute();
      const changed = await get('/calendar/en/calls.ics?region=18', { 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      const closes = importCalendar(changed.body).events.find((e) => e.uid === `call-${fixture.calls.b}-closes@${host}`)!;
      assert.equal(closes.start, '2026-12-18T14:15:00.000Z');
    });

    it('answers 404 for an unknown calendar or language and 400 for an unknown region', async () => {
      for (const url of ['/calendar/fi/news.ics', '/calendar/de/calls.ics', '/calendar/fi/calls.ical']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      }
      const bad = await get('/calendar/fi/calls.ics?region=20');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field, 'region');
    });
  });
}
