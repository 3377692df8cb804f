import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alternatePaths, pagePath, type PageId } from '../../src/http/page-paths.js';
import { locales } from '../../src/i18n/locales.js';
import { TEST_BASE_URL, agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

const html = { accept: 'text/html' };

for (const dialect of testDialects()) {
  describe(`public pages [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const get = (url: string, headers: Record<string, string> = html) => t.app.inject({ method: 'GET', url, headers });

    it('serves every page in every language with its lang, hreflang alternates and a language switch to the same page', async () => {
      const pages: Array<[PageId, string[]]> = [
        ['home', []],
        ['strategy', []],
        ['strategy', ['elmo-2019-2023']],
        ['regions', []],
        ['regions', ['kainuu']],
        ['expertGroup', []],
        ['accessibility', []],
      ];
      for (const [page, rest] of pages) {
        const alternates = alternatePaths(page, ...rest);
        for (const locale of locales) {
          const res = await get(pagePath(locale, page, ...rest));
          assert.equal(res.statusCode, 200, `${page} ${locale}`);
          assert.match(res.headers['content-type'] as string, /^text\/html/);
          assert.match(res.body, new RegExp(`^<!doctype html><html lang="${locale}">`));
          for (const other of locales) {
            assert.ok(res.body.includes(`hreflang="${other}" href="${TEST_BASE_URL}${alternates[other]}"`), `${page} ${locale} → ${other}`);
            assert.ok(res.body.includes(`href="${alternates[other]}" lang="${other}" hreflang="${other}"`), `switch ${page} ${locale} → ${other}`);
          }
        }
      }
    });

    it('shows this year’s chair region and the three priorities on the home page', async () => {
      t.clock.set('2024-06-01T09:00:00Z');
      const fi = (await get('/fi')).body;
      assert.match(fi, /Puheenjohtajamaakunta 2024/);
      assert.match(fi, /Keski-Pohjanmaa/);
      for (const name of ['Puhtaat ratkaisut', 'Digitalisaation hyödyntäminen', 'Kestävä palvelutuotanto']) assert.match(fi, new RegExp(name));
      const sv = (await get('/sv')).body;
      assert.match(sv, /Mellersta Österbotten/);
      assert.match(sv, /Nästa ordförandelandskap är Norra Österbotten från och med 1\.1\.2025/);
      t.clock.set('2026-11-28T10:00:00Z');
    });

    it('lists each priority with its related growth sectors and keeps the earlier strategy readable', async () => {
      const strategy = (await get('/en/strategy')).body;
      assert.match(strategy, /id="clean-solutions"/);
      assert.match(strategy, /Battery materials/);
      assert.match(strategy, /Earlier strategies/);
      const elmo = (await get('/en/strategy/elmo-2019-2023')).body;
      assert.match(elmo, /Earlier strategy – no longer in force/);
      assert.match(elmo, /Industrial circular economy/);
    });

    it('labels the demo expert group as fictional', async () => {
      const body = (await get('/fi/asiantuntijaryhma')).body;
      assert.match(body, /esimerkkihenkilöitä, jotka eivät ole todellisia/);
      assert.match(body, /class="tag tag--demo">Esimerkkitieto</);
      assert.match(body, /mailto:maria\.demo@example\.org/);
    });

    it('sends / to the visitor’s language by Accept-Language', async () => {
      const sv = await get('/', { 'accept-language': 'sv-FI,sv;q=0.9,en;q=0.5' });
      assert.equal(sv.statusCode, 302);
      assert.equal(sv.headers.location, '/sv');
      assert.match(sv.headers.vary as string, /Accept-Language/);
      assert.equal((await get('/', {})).headers.location, '/fi');
    });

    it('answers an unknown page with a 404 page in the language of its path', async () => {
      for (const [url, text] of [
        ['/fi/ei-ole', 'Sivua ei löytynyt'],
        ['/sv/finns-inte', 'Sidan hittades inte'],
        ['/en/regions/atlantis', 'Page not found'],
      ]) {
        const res = await get(url!);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, new RegExp(text!), url);
      }
      const json = await get('/fi/ei-ole', { accept: 'application/json' });
      assert.equal(json.json().code, 'NOT_FOUND');
    });

    it('re-shows the feedback form with a localised message at the field and everything typed kept', async () => {
      const agent = await agentFor(t);
      const res = await agent.post('/sv/tillganglighetsutlatande', { message: '', name: 'Testi Testinen', email: 'inte-en-adress', pageUrl: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /<a href="#field-message">Fyll i respons\.<\/a>/);
      assert.match(res.body, /id="field-email-error">Skriv e-postadressen i formen namn@exempel\.fi\./);
      assert.match(res.body, /value="Testi Testinen"/);
      assert.match(res.body, /value="inte-en-adress"/);
      assert.match(res.body, /aria-invalid="true"/);
    });

    it('stores valid feedback before acknowledging it with a reference', async () => {
      const agent = await agentFor(t);
      const res = await agent.post('/en/accessibility-statement', { message: 'The focus ring is faint on the map.', email: 'reader@example.org' });
      assert.equal(res.statusCode, 303);
      const location = res.headers.location as string;
      const reference = location.split('/').pop()!;
      assert.match(location, /^\/en\/accessibility-statement\/feedback\/PA-\d{8}-[A-Z2-9]{6}$/);
      const stored = await t.database.db
        .selectFrom('accessibility_feedback')
        .selectAll()
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      assert.equal(stored.message, 'The focus ring is faint on the map.');
      assert.equal(stored.locale, 'en');
      const thanks = await get(location);
      assert.equal(thanks.statusCode, 200);
      assert.match(thanks.body, new RegExp(`saved with the reference ${reference}`));
      assert.equal(thanks.headers['cache-control'], 'no-store');
    });

    it('answers malformed input with a 4xx, never a 500', async () => {
      const agent = await agentFor(t);
      const token = agent.csrfToken();
      const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: `s3_csrf=${agent.cookies.get('s3_csrf')}` };
      const cases = [
        { method: 'POST' as const, url: '/fi/saavutettavuusseloste', headers: { 'content-type': 'application/json' }, payload: '{"message":', status: 400 },
        { method: 'POST' as const, url: '/fi/saavutettavuusseloste', headers: { 'content-type': 'text/csv' }, payload: 'a,b', status: 415 },
        { method: 'POST' as const, url: '/fi/saavutettavuusseloste', headers: form, payload: `message=${'x'.repeat(1_100_000)}`, status: 413 },
        { method: 'POST' as const, url: '/fi/saavutettavuusseloste', headers: form, payload: `_csrf=${token}&message=`, status: 400 },
        { method: 'POST' as const, url: '/fi/saavutettavuusseloste', headers: form, payload: 'message=no+token', status: 403 },
        { method: 'GET' as const, url: '/fi/saavutettavuusseloste/feedback/../../etc/passwd', status: 404 },
        { method: 'GET' as const, url: '/fi/saavutettavuusseloste/feedback/PA-00000000-AAAAAA', status: 404 },
        { method: 'GET' as const, url: '/fi/maakunnat/%E0%A4%A', status: 400 },
        { method: 'GET' as const, url: `/en/strategy/${'x'.repeat(70)}`, status: 400 },
        { method: 'GET' as const, url: `/en/strategy/${'x'.repeat(500)}`, status: 414 },
        { method: 'DELETE' as const, url: '/fi', status: 404 },
      ];
      for (const { status, ...request } of cases) {
        const res = await t.app.inject(request);
        assert.equal(res.statusCode, status, `${request.method} ${request.url.slice(0, 60)}`);
      }
    });

    it('keeps a message in garbled percent-encoding as text instead of failing', async () => {
      const agent = await agentFor(t);
      const token = agent.csrfToken();
      const res = await t.app.inject({
        method: 'POST',
        url: '/fi/saavutettavuusseloste',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `s3_csrf=${agent.cookies.get('s3_csrf')}` },
        payload: `_csrf=${token}&message=%E0%A4%A`,
      });
      assert.equal(res.statusCode, 303);
    });

    it('sets a strict content security policy without inline script or style', async () => {
      const res = await get('/fi');
      const csp = res.headers['content-security-policy'] as string;
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.doesNotMatch(res.body, /<script>|style="/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });
  });
}
