import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CallRow } from '../../src/db/schema.js';
import { formatDateTime, formatMoney } from '../../src/i18n/format.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';

const START = '2026-11-28T10:00:00Z';
const euros = (cents: number, locale: 'fi' | 'sv' | 'en') => formatMoney(cents, locale, { wholeEuros: true });
/** Where a text first appears in a page, to check the order of the list (-1 when missing). */
const at = (body: string, text: string) => body.indexOf(text);

for (const dialect of testDialects()) {
  describe(`public call pages and the calls API [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let open: CallRow;
    let coming: CallRow;
    let closed: CallRow;
    let inReview: CallRow;
    let decided: CallRow;
    let draft: CallRow;

    const html = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
    const json = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { accept: 'application/json', ...headers } });
    const ids = async (query: string) => ((await json(`/api/v1/calls${query}`)).json().items as Array<{ id: number }>).map((c) => c.id);

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      // Open now (28.11.2026): all seven councils at EUR 300,000, closing 15.12.2026 16.15 Helsinki time.
      open = await buildCall(db, { title: 'Avoin yhteishaku Puhtaat' });
      coming = await buildCall(db, {
        title: 'Tuleva AKKE-haku',
        opensAt: '2027-01-10T08:00:00.000Z',
        closesAt: '2027-03-01T14:00:00.000Z',
        budgets: { '17': 50_000_000, '18': 20_000_000 },
        priorities: ['digitalisation'],
      });
      await db.updateTable('calls').set({ instrument: 'akke' }).where('id', '=', coming.id).execute();
      closed = await buildCall(db, {
        title: 'Päättynyt palveluhaku',
        opensAt: '2026-09-01T06:00:00.000Z',
        closesAt: '2026-10-31T14:00:00.000Z',
        budgets: { '10': 10_000_000, '11': 10_000_000, '12': 10_000_000 },
        priorities: ['sustainable-services'],
      });
      await db.updateTable('calls').set({ instrument: 'other' }).where('id', '=', closed.id).execute();
      inReview = await buildCall(db, {
        title: 'Arvioitava Lapin haku',
        status: 'in_review',
        opensAt: '2026-05-01T06:00:00.000Z',
        closesAt: '2026-06-30T12:00:00.000Z',
        budgets: { '19': 40_000_000 },
        priorities: ['clean-solutions', 'digitalisation'],
      });
      decided = await buildCall(db, {
        title: 'Ratkaistu kevään haku',
        status: 'decided',
        opensAt: '2026-02-01T06:00:00.000Z',
        closesAt: '2026-03-31T12:00:00.000Z',
        budgets: { '16': 25_000_000 },
      });
      draft = await buildCall(db, { title: 'Luonnoshaku EI-JULKINEN', status: 'draft', budgets: { '18': 1_000_000 } });
    });
    beforeEach(() => t.clock.set(START));
    after(async () => t?.close());

    it('lists every call but the draft, newest closing first, with phase, times, councils and budget', async () => {
      const res = await html('/fi/haut');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['cache-control'] as string, /public/);
      const body = res.body;
      assert.equal(at(body, 'EI-JULKINEN'), -1, 'a draft is never listed');
      const order = ['Tuleva AKKE-haku', 'Avoin yhteishaku Puhtaat', 'Päättynyt palveluhaku', 'Arvioitava Lapin haku', 'Ratkaistu kevään haku'].map((x) =>
        at(body, x),
      );
      assert.ok(order.every((i) => i > 0), 'all five public calls are listed');
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'newest closing first');
      assert.match(body, />5 hakua\./);
      // The phase is a word, not a colour only.
      for (const phase of ['Tulossa', 'Auki', 'Päättynyt', 'Arvioinnissa', 'Ratkaistu']) assert.match(body, new RegExp(`class="tag[^"]*">${phase}<`));
      assert.ok(body.includes(formatDateTime('2026-12-15T14:15:00.000Z', 'fi')), 'closing time in Helsinki time');
      assert.ok(body.includes('15.12.2026 klo 16.15'));
      assert.ok(body.includes(euros(210_000_000, 'fi')), 'total budget of the open call');
      assert.ok(body.includes(euros(70_000_000, 'fi')), 'total budget of the coming call');
      assert.match(body, /Pohjois-Pohjanmaan liitto, Kainuun liitto/);
      assert.match(body, /Alueiden kestävän kasvun ja elinvoiman tukeminen \(AKKE\)/);
      assert.match(body, new RegExp(`href="/fi/haut/${open.id}"`));
    });

    it('narrows the list by phase, priority, region and funding, each on its own and together', async () => {
      const cases: Array<[string, number[]]> = [
        ['?phase=open', [open.id]],
        ['?phase=published', [coming.id]],
        ['?phase=closed', [closed.id]],
        ['?phase=in_review', [inReview.id]],
        ['?phase=decided', [decided.id]],
        ['?priority=digitalisation', [coming.id, inReview.id]],
        ['?priority=sustainable-services', [closed.id]],
        ['?region=19', [open.id, inReview.id]],
        ['?region=17', [coming.id, open.id]],
        ['?region=16', [open.id, decided.id]],
        ['?instrument=akke', [coming.id]],
        ['?instrument=other', [closed.id]],
        ['?instrument=erdf', [open.id, inReview.id, decided.id]],
        ['?region=18&priority=digitalisation', [coming.id]],
        ['?region=19&phase=open&priority=clean-solutions&instrument=erdf', [open.id]],
        ['?region=10&instrument=akke', []],
      ];
      for (const [query, expected] of cases) {
        assert.deepEqual(await ids(query), expected, `API ${query}`);
        const page = (await html(`/en/calls${query}`)).body;
        for (const call of [open, coming, closed, inReview, decided]) {
          const shown = page.includes(`href="/en/calls/${call.id}"`);
          assert.equal(shown, expected.includes(call.id), `page ${query}: call ${call.id} ${shown ? 'shown' : 'missing'}`);
        }
      }
    });

    it('echoes the filters in a plain GET form, and says so when nothing matches', async () => {
      const res = await html('/sv/utlysningar?phase=open&region=10&instrument=akke&priority=clean-solutions');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<form method="get" action="\/sv\/utlysningar"/);
      assert.match(res.body, /<option value="open" selected/);
      assert.match(res.body, /<option value="10" selected/);
      assert.match(res.body, /<option value="akke" selected/);
      assert.match(res.body, /<option value="clean-solutions" selected/);
      assert.match(res.body, /<label class="field__label" for="field-region">Landskap<\/label>/);
      assert.match(res.body, /Inga utlysningar motsvarar avgränsningarna\./);
      assert.match(res.body, /<a href="\/sv\/utlysningar">Ta bort avgränsningarna<\/a>/);
    });

    it('ignores filter values it does not know on the page, and answers them with 400 in the API', async () => {
      const res = await html('/fi/haut?phase=bogus&region=99&priority=%3Cscript%3E&instrument=x&page=abc');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Kaikkia rajauksia ei tunnistettu/);
      assert.match(res.body, />5 hakua\./);
      assert.doesNotMatch(res.body, /<script>/);
      const repeated = await html('/fi/haut?phase=open&phase=closed');
      assert.equal(repeated.statusCode, 200);
      for (const [query, field] of [
        ['?phase=bogus', 'phase'],
        ['?region=99', 'region'],
        ['?region=abc', 'region'],
        ['?priority=no-such-priority', 'priority'],
        ['?instrument=x', 'instrument'],
        ['?limit=0', 'limit'],
        ['?offset=-1', 'offset'],
      ] as const) {
        const api = await json(`/api/v1/calls${query}`);
        assert.equal(api.statusCode, 400, query);
        assert.match(api.headers['content-type'] as string, /^application\/problem\+json/);
        assert.equal(api.json().code, 'VALIDATION_FAILED');
        assert.equal(api.json().errors[0].field, field, query);
      }
    });

    it('pages the API with limit and offset and gives the total', async () => {
      const first = (await json('/api/v1/calls?limit=2')).json();
      assert.equal(first.total, 5);
      assert.deepEqual(first.items.map((c: { id: number }) => c.id), [coming.id, open.id]);
      const rest = (await json('/api/v1/calls?limit=2&offset=2')).json();
      assert.deepEqual(rest.items.map((c: { id: number }) => c.id), [closed.id, inReview.id]);
      assert.equal(rest.offset, 2);
      // The page lists twenty calls a page and keeps the filters in its page links.
      const beyond = await html('/fi/haut?page=3&region=19');
      assert.equal(beyond.statusCode, 200);
      assert.match(beyond.body, />2 hakua\./);
      assert.match(beyond.body, /<a href="\/fi\/haut\?region=19" rel="prev">/);
      assert.doesNotMatch(beyond.body, /class="call-list"/);
    });

    it('derives the phases from the clock, to the second of the closing time', async () => {
      const phase = async (id: number) => (await json(`/api/v1/calls/${id}`)).json().phase;
      t.clock.set('2026-12-15T14:14:59.999Z');
      assert.equal(await phase(open.id), 'open');
      assert.deepEqual(await ids('?phase=open'), [open.id]);
      t.clock.set('2026-12-15T14:15:00.000Z');
      assert.equal(await phase(open.id), 'closed');
      assert.deepEqual(await ids('?phase=open'), []);
      assert.deepEqual(await ids('?phase=closed'), [open.id, closed.id]);
      t.clock.set('2027-01-10T07:59:59Z');
      assert.equal(await phase(coming.id), 'published');
      t.clock.set('2027-01-10T08:00:00Z');
      assert.equal(await phase(coming.id), 'open');
      assert.match((await html(`/fi/haut/${coming.id}`)).body, new RegExp(`href="/fi/hakemukset/new\\?call=${coming.id}"`));
    });

    it('shows the call page with budgets, total, rules, criteria and questions in Finnish, Swedish and English', async () => {
      const expectations = {
        fi: {
          url: `/fi/haut/${open.id}`,
          texts: [
            'Haku on auki: hakemukset viimeistään 15.12.2026 klo 16.15.',
            'Maakuntaliittojen määrärahat haussa',
            'Kainuun liitto',
            'Yhteensä',
            'vähintään 3 eri maakunnassa',
            'Tuki voi olla enintään 80',
            'enintään 36 kuukautta',
            'Päätoteuttajan on toimittava jonkin haussa mukana olevan maakuntaliiton alueella.',
            'kiinteänä osuutena muita kustannuksia',
            'yliopisto, ammattikorkeakoulu',
            'Puhtaat ratkaisut',
            'Ylimaakunnallinen lisäarvo',
            '0–5 pistettä',
            '0–3 pistettä',
            'täyttyy / ei täyty',
            'vähintään 14 pistettä',
            'Lisäkysymys 1',
            'vapaa teksti, enintään 2000 merkkiä',
            'mailto:haut@example.test',
            'Hakemuksia ei ole vielä jätetty.',
          ],
        },
        sv: {
          url: `/sv/utlysningar/${open.id}`,
          texts: [
            'Utlysningen är öppen: ansökningar senast 15.12.2026 kl. 16.15.',
            'Landskapsförbundens anslag i utlysningen',
            'Kajanaland',
            'Sammanlagt',
            'minst 3 olika landskap',
            'högst 36 månader',
            'Rena lösningar',
            'Testutlysning',
            'Tilläggsfråga 1',
            'Ansök',
          ],
        },
        en: {
          url: `/en/calls/${open.id}`,
          texts: [
            'Open: applications until 15 December 2026',
            'The councils’ budgets in the call',
            'Regional Council of Kainuu',
            'Total',
            'at least 3 different regions',
            'at most 36 months',
            'Clean solutions',
            'Test call',
            'Extra question 1',
            '0–5 points',
          ],
        },
      } as const;
      for (const [locale, { url, texts }] of Object.entries(expectations) as Array<[keyof typeof expectations, (typeof expectations)['fi']]>) {
        const res = await html(url);
        assert.equal(res.statusCode, 200, url);
        const body = res.body.replace(/&#39;|&rsquo;/g, '’');
        for (const text of texts) assert.ok(body.includes(text), `${url} shows “${text}”`);
        assert.ok(body.includes(euros(30_000_000, locale)), `${url}: a council's budget`);
        assert.ok(body.includes(euros(210_000_000, locale)), `${url}: the total`);
        assert.match(body, /<caption id="call-budgets-caption">/);
        assert.match(body, /<tfoot>/);
        assert.match(body, new RegExp(`href="/${locale}/${locale === 'fi' ? 'hakemukset' : locale === 'sv' ? 'ansokningar' : 'applications'}/new\\?call=${open.id}"`));
        assert.match(body, /<h1>/);
      }
      // The rates are formatted in the page's language.
      assert.ok((await html(`/fi/haut/${open.id}`)).body.includes('80\u00a0%'));
      assert.ok((await html(`/en/calls/${open.id}`)).body.includes('40%'));
    });

    it('shows no apply link once the call has closed, and says when it closed', async () => {
      const res = await html(`/fi/haut/${closed.id}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Haku päättyi 31\.10\.2026 klo 16\.00\./);
      assert.doesNotMatch(res.body, /hakemukset\/new/);
      const review = await html(`/en/calls/${inReview.id}`);
      assert.match(review.body, /Closed on 30 June 2026 at 15:00\. The applications are being reviewed\./);
      const coming2 = await html(`/sv/utlysningar/${coming.id}`);
      assert.match(coming2.body, /Utlysningen öppnar 10\.1\.2027 kl\. 10\.00\./);
    });

    it('answers a draft, an unknown call and a malformed id with 404 or 400, never 500', async () => {
      for (const url of [`/fi/haut/${draft.id}`, '/fi/haut/999999', `/api/v1/calls/${draft.id}`, '/api/v1/calls/999999', `/api/v1/calls/${draft.id}/applications`]) {
        const res = url.startsWith('/api') ? await json(url) : await html(url);
        assert.equal(res.statusCode, 404, url);
        if (url.startsWith('/api')) assert.equal(res.json().code, 'CALL_NOT_FOUND');
        assert.doesNotMatch(res.body, /EI-JULKINEN/);
      }
      for (const url of ['/fi/haut/abc', '/en/calls/0', '/api/v1/calls/abc', '/api/v1/calls/99999999999']) {
        const res = url.startsWith('/api') ? await json(url) : await html(url);
        assert.equal(res.statusCode, 400, url);
      }
    });

    it('falls back to the Finnish title, marked as Finnish, and lists corrections newest first', async () => {
      const db = t.database.db;
      const call = await buildCall(db, { title: 'Vain suomeksi otsikoitu haku' });
      await db.updateTable('calls').set({ title_sv: '', title_en: ' ', summary_en: '' }).where('id', '=', call.id).execute();
      await db
        .insertInto('call_corrections')
        .values([
          { call_id: call.id, note_fi: 'Ensimmäinen korjaus.', note_sv: 'Första rättelsen.', note_en: 'First correction.', changed_fields: '["closes_at"]', corrected_by: null, corrected_at: '2026-11-10T10:00:00.000Z' },
          { call_id: call.id, note_fi: 'Toinen korjaus.', note_sv: '', note_en: 'Second correction.', changed_fields: '["body"]', corrected_by: null, corrected_at: '2026-11-20T10:00:00.000Z' },
        ])
        .execute();
      const sv = (await html(`/sv/utlysningar/${call.id}`)).body;
      assert.match(sv, /<h1><span lang="fi">Vain suomeksi otsikoitu haku<\/span><\/h1>/);
      assert.match(sv, /<h2 id="corrections-heading">Rättelser<\/h2>/);
      assert.ok(at(sv, 'Toinen korjaus.') > 0 && at(sv, 'Toinen korjaus.') < at(sv, 'Första rättelsen.'), 'newest first, Finnish when Swedish is missing');
      assert.match(sv, /<p lang="fi">Toinen korjaus\.<\/p>/);
      assert.match(sv, /Rättad 20\.11\.2026/);
      const en = (await html(`/en/calls?region=17`)).body;
      assert.match(en, /<span lang="fi">Vain suomeksi otsikoitu haku<\/span>/);
      const api = (await json(`/api/v1/calls/${call.id}`)).json();
      assert.deepEqual(api.corrections.map((c: { changedFields: string[] }) => c.changedFields), [['body'], ['closes_at']]);
      assert.equal(api.corrections[0].correctedAt, '2026-11-20T10:00:00.000Z');
      await db.deleteFrom('call_corrections').where('call_id', '=', call.id).execute();
      await db.deleteFrom('calls').where('id', '=', call.id).execute();
    });

    it('gives the call in the API with its rules, criteria, questions, budgets and links', async () => {
      const res = await json(`/api/v1/calls/${open.id}`);
      assert.equal(res.statusCode, 200);
      const call = res.json();
      assert.equal(call.id, open.id);
      assert.equal(call.phase, 'open');
      assert.equal(call.instrument, 'erdf');
      assert.deepEqual(call.title, { fi: 'Avoin yhteishaku Puhtaat', sv: open.title_sv, en: open.title_en });
      assert.equal(call.closesAt, '2026-12-15T14:15:00.000Z');
      assert.equal(call.closesAtLocal, '2026-12-15T16:15:00+02:00');
      assert.equal(call.opensAtLocal, '2026-11-01T10:00:00+02:00');
      assert.deepEqual(call.priorities, ['clean-solutions']);
      assert.equal(call.budgets.length, 7);
      assert.deepEqual(call.budgets[0], { regionCode: '10', budgetCents: 30_000_000 });
      assert.equal(call.totalBudgetCents, 210_000_000);
      assert.deepEqual(call.rules, {
        minRegions: 3,
        eligibleOrgTypes: ['university', 'university-of-applied-sciences', 'research-institute', 'municipality', 'company', 'association', 'regional-council', 'other'],
        minGrantCents: 5_000_000,
        maxGrantCents: 60_000_000,
        maxAidRateBp: 8000,
        maxDurationMonths: 36,
        leadRegionMustParticipate: true,
        costModel: 'flat_rate',
        flatRateBp: 4000,
      });
      assert.deepEqual(call.criteria.map((c: { kind: string; scaleMax: number | null; weight: number }) => [c.kind, c.scaleMax, c.weight]), [
        ['general', null, 1],
        ['content', 5, 3],
        ['specifying', 5, 2],
        ['horizontal', 3, 1],
      ]);
      assert.equal(call.minTotalScore, 14);
      assert.equal(call.questions.length, 1);
      assert.equal(call.questions[0].label.en, 'Extra question 1');
      assert.deepEqual(call.corrections, []);
      assert.deepEqual(call.inquiries, []);
      assert.equal(call.submittedApplications, 0);
      assert.equal(call.contactEmail, 'haut@example.test');
      assert.equal(call.links.page.sv, `http://s3.test/sv/utlysningar/${open.id}`);
      assert.equal(call.links.applications, `http://s3.test/api/v1/calls/${open.id}/applications`);
      assert.equal(call.createdBy, undefined, 'no internal field leaves the server');
      const list = (await json('/api/v1/calls?phase=open')).json();
      assert.deepEqual(Object.keys(list.items[0]).sort(), [
        'budgets', 'closesAt', 'closesAtLocal', 'id', 'instrument', 'links', 'opensAt', 'opensAtLocal', 'phase', 'priorities', 'reference', 'summary', 'title', 'totalBudgetCents',
      ]);
      const summer = (await json(`/api/v1/calls/${inReview.id}`)).json();
      assert.equal(summer.closesAtLocal, '2026-06-30T15:00:00+03:00', 'summer time in Helsinki');
      assert.equal(summer.phase, 'in_review');
      assert.deepEqual(summer.priorities, ['clean-solutions', 'digitalisation']);
      const apps = (await json(`/api/v1/calls/${open.id}/applications`)).json();
      assert.deepEqual(apps, { callId: open.id, phase: 'open', published: false, count: 0, items: [] });
    });

    it('answers 304 to a matching If-None-Match, and a new ETag when the phase changes', async () => {
      for (const url of ['/api/v1/calls', `/api/v1/calls/${open.id}`, `/api/v1/calls/${open.id}/applications`]) {
        const first = await json(url);
        const etag = first.headers.etag as string;
        assert.match(etag, /^"[A-Za-z0-9_-]+"$/, url);
        assert.equal(first.headers['cache-control'], 'public, max-age=60');
        const again = await json(url, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
        assert.equal(again.headers.etag, etag);
        assert.equal((await json(url, { 'if-none-match': `"other", W/${etag}` })).statusCode, 304);
        assert.equal((await json(url, { 'if-none-match': '"stale"' })).statusCode, 200);
        t.clock.set('2026-12-15T14:15:00Z');
        const later = await json(url, { 'if-none-match': etag });
        assert.equal(later.statusCode, 200, `${url} after closing`);
        assert.notEqual(later.headers.etag, etag);
        t.clock.set(START);
      }
    });

    it('documents the three routes in the OpenAPI document', async () => {
      const doc = (await json('/api/openapi.json')).json();
      for (const path of ['/api/v1/calls', '/api/v1/calls/{id}', '/api/v1/calls/{id}/applications']) {
        assert.ok(doc.paths[path]?.get, `${path} is documented`);
        assert.deepEqual(doc.paths[path].get.tags, ['calls']);
      }
      const params = doc.paths['/api/v1/calls'].get.parameters.map((p: { name: string }) => p.name).sort();
      assert.deepEqual(params, ['instrument', 'limit', 'offset', 'phase', 'priority', 'region']);
      assert.equal(doc.paths['/fi/haut'], undefined);
    });

    it('shows the open and coming calls on the home page with a link to all calls', async () => {
      const fi = (await html('/fi')).body;
      assert.match(fi, new RegExp(`<a href="/fi/haut/${open.id}">Avoin yhteishaku Puhtaat</a>`));
      assert.match(fi, /Hakemukset viimeistään 15\.12\.2026 klo 16\.15/);
      assert.match(fi, new RegExp(`<a href="/fi/haut/${coming.id}">Tuleva AKKE-haku</a>`));
      assert.match(fi, /<a href="\/fi\/haut">Kaikki rahoitushaut<\/a>/);
      assert.doesNotMatch(fi, /Päättynyt palveluhaku|EI-JULKINEN/);
      t.clock.set('2027-06-01T00:00:00Z');
      const later = (await html('/en')).body;
      assert.match(later, /No calls are open at the moment\./);
      assert.doesNotMatch(later, /Avoin yhteishaku|Test call/);
    });
  });
}
