import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { projectsPublicMessages } from '../../src/features/projects/projects.public.messages.js';
import { formatMoney, formatRate } from '../../src/i18n/format.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';

/**
 * The public project page and search page: the public facts of a funded project (partners, each
 * council's grant and decision, progress, spending, indicators) and never a report's narrative, an
 * officer's comment, a contact person's e-mail or a business secret of the application.
 */
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const NARRATIVE = `KERTOMUS-${suffix}`;
const RETURNED_NARRATIVE = `PALAUTETTU-${suffix}`;
const SECRET = `LIIKESALAISUUS-${suffix}`;
const CONTACT = `yhteys-${suffix.toLowerCase()}@example.test`;
const CONTACT_NAME = `Yhteyshenkilö ${suffix}`;
const m = projectsPublicMessages.fi;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const money = (cents: number) => formatMoney(cents, 'fi', { wholeEuros: true });

for (const dialect of testDialects()) {
  describe(`public project page [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let project: BuiltProject;
    let other: BuiltProject;

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      const call = await buildCall(db, { title: 'Akkuhaku 2026' });
      await db
        .insertInto('funding_proposals')
        .values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
        .execute();
      const lead = await buildOrganisation(db, { region: '17', name: 'Pohjoisen Akkuyliopisto' });
      const partner = await buildOrganisation(db, { region: '18', name: 'Kainuun Kehitys Oy' });
      project = await buildProject(db, {
        call,
        title: 'Akkumateriaalien kiertotalous',
        summary: 'Akkumateriaalien talteenotto ja uusiokäyttö.',
        partners: [{ region: '17', organisation: lead }, { region: '18', organisation: partner }, { region: '19' }],
        funding: { '17': 15_000_000, '18': 10_000_000, '19': 5_000_000 },
        decisionYear: 2026,
      });
      other = await buildProject(db, { call, title: 'Matkailun palvelumallit', summary: 'Matkailupalvelut harvaan asutulla alueella.', partners: [{ region: '12' }, { region: '10' }] });
      // Confidential parts of the application and of the reports.
      await db.updateTable('application_sections').set({ body: `Salainen toteutustapa ${SECRET}`, is_secret: 1 }).where('application_id', '=', project.applicationId).execute();
      await db.updateTable('application_partners').set({ contact_email: CONTACT, contact_name: CONTACT_NAME }).where('application_id', '=', project.applicationId).execute();
      const p1 = await buildReportingPeriod(db, project.id, { start: '2027-01-01', end: '2027-12-31', due: '2028-01-31' });
      const p2 = await buildReportingPeriod(db, project.id, { start: '2028-01-01', end: '2028-06-30', due: '2028-07-31' });
      await buildReportingPeriod(db, project.id, { kind: 'final', start: '2028-07-01', end: '2028-12-31', due: '2029-01-31' });
      await buildReport(db, project, p1, { status: 'accepted', narrative: NARRATIVE, spending: [3_000_000, 2_000_000, 1_000_000], indicators: { RCO01: 4, RCR01: 2.25 } });
      await buildReport(db, project, p2, { status: 'returned', narrative: RETURNED_NARRATIVE, spending: [9_000_000, 0, 0], indicators: { RCO01: 9 }, submittedAt: '2028-07-20T10:00:00.000Z' });
      await setProjectTarget(db, project.id, 'RCO01', 10);
      await setProjectTarget(db, project.id, 'RCR01', 5.5);
      await setProjectTarget(db, project.id, 'RCO02', 3);
      // After the final report's due date, with nothing submitted for it.
      t.clock.set('2029-02-10T10:00:00Z');
    });
    after(async () => t?.close());

    it('shows the facts: partners and regions, each council’s grant and decision, the call', async () => {
      const res = await get(`/fi/hankkeet/${project.id}`);
      assert.equal(res.statusCode, 200);
      const body = res.body;
      assert.match(body, /<h1>Akkumateriaalien kiertotalous/);
      assert.ok(body.includes('Akkumateriaalien talteenotto ja uusiokäyttö.'));
      assert.ok(body.includes('Pohjoisen Akkuyliopisto') && body.includes('Kainuun Kehitys Oy'));
      assert.ok(body.includes('Pohjois-Pohjanmaa') && body.includes('Kainuu') && body.includes('Lappi'));
      assert.ok(body.includes(money(15_000_000)) && body.includes(money(10_000_000)) && body.includes(money(5_000_000)));
      assert.ok(body.includes(money(30_000_000)), 'the total grant');
      // Decisions from the factory: number "<region>/<call>", dated 27.11.2026.
      assert.ok(body.includes(`17/${project.callId}, 27.11.2026`));
      assert.ok(body.includes(`href="/fi/haut/${project.callId}"`));
      assert.ok(body.includes('Akkuhaku 2026'));
      assert.ok(body.includes(m.statuses.ongoing));
    });

    it('shows progress, spending to date and indicators from the latest accepted report', async () => {
      const body = (await get(`/fi/hankkeet/${project.id}`)).body;
      assert.ok(body.includes(html(m.progressSummary(1, 3))), 'one accepted of three');
      assert.ok(body.includes(html(m.lateSummary(1))), 'the final report is late');
      assert.ok(body.includes(m.states.accepted) && body.includes(m.states['in-review']) && body.includes(m.states.late));
      // 60,000 € of 300,000 € granted = 20 %: the returned report's figures do not count.
      assert.ok(body.includes(html(m.spendingText(money(6_000_000), money(30_000_000), formatRate(2000, 'fi')))));
      assert.ok(body.includes('Tuetut yritykset'));
      assert.ok(body.includes('4 kpl') && body.includes('10 kpl') && body.includes(formatRate(4000, 'fi')));
      assert.ok(body.includes('2,25 htv') && body.includes('5,5 htv') && body.includes(formatRate(4091, 'fi')));
      assert.ok(body.includes(m.notReported), 'RCO02 has a target but no value');
      assert.ok(!body.includes('9 kpl'), 'not the returned report’s value');
    });

    it('never shows a narrative, an officer’s comment, a contact person or a business secret', async () => {
      for (const url of [`/fi/hankkeet/${project.id}`, `/sv/projekt/${project.id}`, `/en/projects/${project.id}`, '/fi/hankkeet', '/fi/hankkeet?q=akkumateriaali', '/fi/kumppanihaku?q=akkumateriaali']) {
        const body = (await get(url)).body;
        for (const marker of [NARRATIVE, RETURNED_NARRATIVE, SECRET, CONTACT, CONTACT_NAME, 'Täydennä kustannukset']) assert.ok(!body.includes(marker), `${url} shows ${marker}`);
      }
    });

    it('an unknown or malformed project is not found', async () => {
      assert.equal((await get('/fi/hankkeet/999999')).statusCode, 404);
      assert.equal((await get('/en/projects/abc')).statusCode, 400);
    });

    it('the search page finds by an inflected word, links each project and offers the partner search', async () => {
      const res = await get('/fi/hankkeet?q=kiertotaloudessa');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(`href="/fi/hankkeet/${project.id}"`));
      assert.ok(!res.body.includes(`href="/fi/hankkeet/${other.id}"`));
      assert.ok(res.body.includes(html(m.resultCount(1))));
      assert.ok(res.body.includes('href="/fi/kumppanihaku"'));
      assert.match(res.body, /<label class="field__label" for="field-q">Hakusanat<\/label>/);
      const none = await get('/fi/hankkeet?q=olematonsana');
      assert.ok(none.body.includes(html(m.noResults)));
    });

    it('pages with a cursor link, keeps the filters, and ignores what it does not recognise', async () => {
      const first = (await get('/fi/hankkeet?region=17')).body;
      assert.ok(first.includes(html(m.resultCount(1))));
      // Two projects, one a page is not possible from the page (20 a page): read the API's cursor instead.
      const api = (await t.app.inject({ method: 'GET', url: '/api/v1/projects?limit=1' })).json();
      assert.equal(api.total, 2);
      const next = await get(`/fi/hankkeet?after=${api.nextCursor}`);
      assert.ok(next.body.includes(`href="/fi/hankkeet/${project.id}"`), 'the older project on the second page');
      assert.ok(!next.body.includes(`href="/fi/hankkeet/${other.id}"`));
      assert.ok(next.body.includes(`>${m.firstPage}</a>`));
      const odd = await get('/fi/hankkeet?region=99&status=maybe&after=garbage&year=abc');
      assert.equal(odd.statusCode, 200);
      assert.ok(odd.body.includes(m.ignored));
      assert.ok(odd.body.includes(html(m.resultCount(2))));
    });
  });
}
