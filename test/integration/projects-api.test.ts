import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, TEST_BASE_URL, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';

/** The projects API: search with the page's parameters, keyset pages, one project, cache headers, errors, OpenAPI. */
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const NARRATIVE = `KERTOMUS-${suffix}`;
const CONTACT = `yhteys-${suffix.toLowerCase()}@example.test`;

for (const dialect of testDialects()) {
  describe(`projects API [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const built: BuiltProject[] = [];
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'application/json', ...headers } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      const call = await buildCall(db, { title: 'Rajapintahaku' });
      await db
        .insertInto('funding_proposals')
        .values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
        .execute();
      const lead = await buildOrganisation(db, { region: '16', name: 'Keskipohjalainen Vetylaboratorio' });
      built.push(await buildProject(db, { call, title: 'Vetytalous Keski-Pohjanmaalla', summary: 'Vedyn tuotanto ja varastointi.', partners: [{ region: '16', organisation: lead }, { region: '17' }], decisionYear: 2025 }));
      built.push(await buildProject(db, { call, title: 'Vedyn jakeluverkosto', summary: 'Tankkausasemat.', partners: [{ region: '19' }, { region: '18' }], decisionYear: 2026, status: 'completed' }));
      built.push(await buildProject(db, { call, title: 'Matkailun digitalisaatio', summary: 'Palvelut verkkoon.', partners: [{ region: '10' }, { region: '11' }], decisionYear: 2026 }));
      await db.updateTable('application_partners').set({ contact_email: CONTACT }).where('application_id', '=', built[0]!.applicationId).execute();
      const period = await buildReportingPeriod(db, built[0]!.id);
      await buildReport(db, built[0]!, period, { narrative: NARRATIVE, spending: [5_000_000, 1_000_000], indicators: { RCO01: 3 } });
      await setProjectTarget(db, built[0]!.id, 'RCO01', 6);
    });
    after(async () => t?.close());

    it('searches with the query and filters, best first, with links and cache headers', async () => {
      const res = await get('/api/v1/projects?q=vety');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      assert.match(String(res.headers.etag), /^"[A-Za-z0-9_-]+"$/);
      const body = res.json();
      // Vetytalous…: "vety" is not a word of the title, "Vedyn" of the summary (2); Vedyn jakeluverkosto: title (3).
      assert.deepEqual(body.items.map((i: { id: number }) => i.id), [built[1]!.id, built[0]!.id]);
      assert.deepEqual(body.items.map((i: { score: number }) => i.score), [3, 2]);
      assert.equal(body.total, 2);
      assert.equal(body.nextCursor, null);
      assert.equal(body.links.self, `${TEST_BASE_URL}/api/v1/projects?q=vety`);
      assert.equal(body.links.next, null);
      const item = body.items[1];
      assert.equal(item.title, 'Vetytalous Keski-Pohjanmaalla');
      assert.deepEqual(item.leadOrganisation, { id: built[0]!.leadOrganisationId, name: 'Keskipohjalainen Vetylaboratorio' });
      assert.deepEqual(item.regions, ['16', '17']);
      assert.equal(item.grantedCents, 20_000_000);
      assert.equal(item.decisionYear, 2025);
      assert.equal(item.priority.slug, 'clean-solutions');
      assert.equal(item.links.self, `${TEST_BASE_URL}/api/v1/projects/${built[0]!.id}`);
      assert.equal(item.links.page.fi, `${TEST_BASE_URL}/fi/hankkeet/${built[0]!.id}`);

      const filtered = (await get('/api/v1/projects?q=vety&status=completed&region=18')).json();
      assert.deepEqual(filtered.items.map((i: { id: number }) => i.id), [built[1]!.id]);
    });

    it('pages by cursor: the pages together are the whole list, without repeats', async () => {
      const ids: number[] = [];
      let url: string | null = '/api/v1/projects?limit=1';
      let pages = 0;
      while (url) {
        const body: { total: number; items: Array<{ id: number }>; links: { next: string | null } } = (await get(url)).json();
        assert.equal(body.total, 3);
        ids.push(...body.items.map((i: { id: number }) => i.id));
        url = body.links.next ? String(body.links.next).replace(TEST_BASE_URL, '') : null;
        pages++;
      }
      assert.equal(pages, 3);
      // Without q: the latest funded first (2026 before 2025), the newer id first within a year.
      assert.deepEqual(ids, [built[2]!.id, built[1]!.id, built[0]!.id]);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const first = await get(`/api/v1/projects/${built[0]!.id}`);
      assert.equal(first.statusCode, 200);
      const again = await get(`/api/v1/projects/${built[0]!.id}`, { 'if-none-match': String(first.headers.etag) });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const list = await get('/api/v1/projects');
      assert.equal((await get('/api/v1/projects', { 'if-none-match': String(list.headers.etag) })).statusCode, 304);
    });

    it('gives one project with funding, progress, spending and indicators, and nothing confidential', async () => {
      const res = await get(`/api/v1/projects/${built[0]!.id}`);
      const body = res.json();
      assert.equal(body.title, 'Vetytalous Keski-Pohjanmaalla');
      assert.deepEqual(body.partners.map((p: { region: string; isLead: boolean }) => [p.region, p.isLead]), [['16', true], ['17', false]]);
      assert.deepEqual(body.funding.map((f: { regionCode: string; grantedCents: number }) => [f.regionCode, f.grantedCents]), [['16', 10_000_000], ['17', 10_000_000]]);
      assert.equal(body.funding[0].decisionDate, '2026-11-27');
      assert.equal(body.progress.accepted, 1);
      assert.equal(body.progress.periods.length, 1);
      assert.equal(body.progress.periods[0].state, 'accepted');
      // 60,000 € of 200,000 € = 30 %.
      assert.deepEqual(body.spending, { spentCents: 6_000_000, shareBp: 3000 });
      assert.deepEqual(body.indicators.map((i: { code: string; targetHundredths: number; valueHundredths: number }) => [i.code, i.targetHundredths, i.valueHundredths]), [['RCO01', 600, 300]]);
      assert.equal(body.links.call, `${TEST_BASE_URL}/api/v1/calls/${built[0]!.callId}`);
      assert.ok(!res.body.includes(NARRATIVE) && !res.body.includes(CONTACT));
      assert.ok(!('narrative' in body) && !('applicationId' in body));
    });

    it('answers 400 with problem details for bad parameters, 404 for an unknown project', async () => {
      for (const query of ['limit=0', 'limit=101', 'status=maybe', 'year=abc', 'region=99', 'priority=no-such-priority', 'after=***', `after=${Buffer.from('["s",1,1]').toString('base64url')}`, 'call=-1']) {
        const res = await get(`/api/v1/projects?${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/, query);
        assert.equal(res.json().status, 400);
      }
      const wrongCursor = (await get('/api/v1/projects?q=vety&limit=1')).json().nextCursor;
      assert.equal((await get(`/api/v1/projects?after=${wrongCursor}`)).statusCode, 400, 'a score cursor without q');
      const missing = await get('/api/v1/projects/999999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'PROJECT_NOT_FOUND');
      assert.equal((await get('/api/v1/projects/abc')).statusCode, 400);
    });

    it('is documented in the OpenAPI document', async () => {
      const doc = (await get('/api/openapi.json')).json();
      for (const path of ['/api/v1/projects', '/api/v1/projects/{id}']) {
        const op = doc.paths[path]?.get;
        assert.ok(op, path);
        assert.deepEqual(op.tags, ['projects']);
        assert.ok(op.summary && op.description, path);
        assert.ok(op.responses['200'].content['application/json'].schema, path);
      }
      const names = doc.paths['/api/v1/projects'].get.parameters.map((p: { name: string }) => p.name).sort();
      assert.deepEqual(names, ['after', 'call', 'limit', 'organisation', 'priority', 'q', 'region', 'status', 'year']);
    });
  });
}
