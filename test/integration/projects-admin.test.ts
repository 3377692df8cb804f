import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';

/**
 * The officers' project administration (issue 6): officers follow the projects their councils fund,
 * set reporting periods and indicator targets, and see late reports flagged in words.
 * The test clock stands at 28.11.2026 12.00 Helsinki.
 */
const FI = '/fi/hallinta/hankkeet';
const suffix = Math.random().toString(36).slice(2, 7);


/** The table row of the list that names the project. */
const rowOf = (html: string, title: string) => html.split('<tr>').find((r) => r.includes(`>${title}</a>`)) ?? '';

for (const dialect of testDialects()) {
  describe(`officers' project administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer17: TestAgent;
    let officer18: TestAgent;
    let admin: TestAgent;
    /** Funded by 17, 11 and 12; started at the start of 2026, so a 2026 period can be late. */
    let a: BuiltProject;
    /** Funded by 18 and 19. */
    let b: BuiltProject;
    const titleA = `Akkumateriaalien kiertotalous ${suffix}`;
    const titleB = `Kainuun datakeskus ${suffix}`;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      officer17 = await agentFor(t, await buildUser(db, { roles: [{ role: 'officer', region: '17' }] }));
      officer18 = await agentFor(t, await buildUser(db, { roles: [{ role: 'officer', region: '18' }] }));
      admin = await agentFor(t, await buildUser(db, { roles: [{ role: 'admin' }] }));
      a = await buildProject(db, { title: titleA, partners: [{ region: '17' }, { region: '11' }, { region: '12' }], startDate: '2026-01-01', endDate: '2028-12-31' });
      b = await buildProject(db, { title: titleB, partners: [{ region: '18' }, { region: '19' }] });
      // A's first period ended on 30.6.2026 and its report was due on 31.10.2026: nothing submitted, so it is late.
      await buildReportingPeriod(db, a.id, { start: '2026-01-01', end: '2026-06-30', due: '2026-10-31' });
      // A's second period ended on 31.10.2026, due on 31.12.2026: open. B's period of 2027 has not ended.
      await buildReportingPeriod(db, a.id, { start: '2026-07-01', end: '2026-10-31', due: '2026-12-31' });
      await buildReportingPeriod(db, b.id, { start: '2027-01-01', end: '2027-12-31', due: '2028-01-31' });
    });
    after(async () => t?.close());

    it('lists to an officer only the projects their council funds, and refuses the others’ pages', async () => {
      const list18 = await officer18.get(FI);
      assert.equal(list18.statusCode, 200);
      assert.ok(list18.body.includes(titleB));
      assert.ok(!list18.body.includes(titleA), 'Kainuu does not fund A');
      assert.equal((await officer18.get(`${FI}/${a.id}`)).statusCode, 403);
      assert.equal((await officer18.post(`${FI}/${a.id}/periods`, { kind: 'progress', start: '1.1.2027', end: '30.6.2027', due: '31.8.2027' })).statusCode, 403);

      const list17 = await officer17.get(FI);
      assert.ok(list17.body.includes(titleA));
      assert.ok(!list17.body.includes(titleB));
      assert.equal((await officer17.get(`${FI}/${a.id}`)).statusCode, 200);

      const all = await admin.get(FI);
      assert.ok(all.body.includes(titleA) && all.body.includes(titleB));
      const only18 = await admin.get(`${FI}?council=18`);
      assert.ok(only18.body.includes(titleB) && !only18.body.includes(titleA));
      const completed = await admin.get(`${FI}?status=completed`);
      assert.ok(!completed.body.includes(titleA) && !completed.body.includes(titleB));
      assert.equal((await admin.get(`${FI}/999999`)).statusCode, 404);
    });

    it('flags late reports in words, in the list and on the project page', async () => {
      const list = await admin.get(FI);
      const rowA = rowOf(list.body, titleA);
      assert.match(rowA, /Myöhässä: 1 raportti/);
      // The next report not yet submitted is the earliest one: 31.10.2026.
      assert.match(rowA, /Väliraportti, määräpäivä 31\.10\.2026/);
      assert.match(rowOf(list.body, titleB), /Ei myöhässä/);

      const late = await admin.get(`${FI}?late=1`);
      assert.ok(late.body.includes(titleA) && !late.body.includes(titleB));

      const page = await officer17.get(`${FI}/${a.id}`);
      assert.match(page.body, /<span class="tag tag--error">MYÖHÄSSÄ<\/span>/);
      assert.match(page.body, /<span class="tag tag--info">Avoinna<\/span>/);
      assert.match((await admin.get(`${FI}/${b.id}`)).body, /Kausi kesken/);

      // On 1.2.2028 B's report is late too (a session of that day: the others would have gone idle).
      t.clock.set('2028-02-01T10:00:00Z');
      try {
        const later = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'admin' }] }));
        assert.match(rowOf((await later.get(FI)).body, titleB), /Myöhässä: 1 raportti/);
      } finally {
        t.clock.set('2026-11-28T10:00:00Z');
      }
    });

    it('adds a reporting period typed in Finnish or ISO dates, with an audit entry', async () => {
      const res = await officer17.post(`${FI}/${a.id}/periods`, { kind: 'progress', start: '1.1.2027', end: '2027-06-30', due: '31.8.2027' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${FI}/${a.id}?done=period-added#periods`);
      const row = await t.database.db.selectFrom('reporting_periods').selectAll().where('project_id', '=', a.id).where('period_start', '=', '2027-01-01').executeTakeFirstOrThrow();
      assert.deepEqual([row.kind, row.period_end, row.due_date], ['progress', '2027-06-30', '2027-08-31']);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'reporting_period').where('entity_id', '=', String(row.id)).execute();
      assert.deepEqual(audit.map((x) => x.action), ['project.period-added']);
      assert.match((await officer17.get(`${FI}/${a.id}?done=period-added`)).body, /Raportointikausi lisättiin\./);
    });

    it('refuses a bad period with a message at each field, keeping what was typed', async () => {
      const count = async () => (await t.database.db.selectFrom('reporting_periods').select('id').where('project_id', '=', a.id).execute()).length;
      const before = await count();

      const empty = await officer17.post(`${FI}/${a.id}/periods`, {});
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Valitse raportin laji\./);
      assert.match(empty.body, /Kirjoita kauden alkupäivä\./);

      const typed = await officer17.post(`${FI}/${a.id}/periods`, { kind: 'final', start: '1.7.2028', end: '31.13.2028', due: '' });
      assert.equal(typed.statusCode, 400);
      assert.match(typed.body, /Kauden loppupäivä ei ole oikea päivämäärä\. Kirjoita se muodossa 31\.12\.2027\./);
      assert.match(typed.body, /Kirjoita raportin määräpäivä\./);
      assert.match(typed.body, /value="1\.7\.2028"/);
      assert.match(typed.body, /value="31\.13\.2028"/);
      assert.match(typed.body, /<option value="final" selected>/);

      const overlap = await officer17.post(`${FI}/${a.id}/periods`, { kind: 'progress', start: '1.6.2027', end: '31.12.2027', due: '31.1.2028' });
      assert.equal(overlap.statusCode, 400);
      assert.match(overlap.body, /Kausi menee päällekkäin saman lajin toisen kauden kanssa\./);

      const order = await officer17.post(`${FI}/${a.id}/periods`, { kind: 'progress', start: '1.1.2028', end: '31.12.2027', due: '1.12.2027' });
      assert.match(order.body, /Kauden loppupäivä ei voi olla ennen alkupäivää\./);
      assert.match(order.body, /Raportin määräpäivä ei voi olla ennen kauden loppupäivää\./);

      const outside = await officer17.post(`/sv/administration/projekt/${a.id}/periods`, { kind: 'progress', start: '1.1.2030', end: '30.6.2030', due: '31.8.2030' });
      assert.equal(outside.statusCode, 400);
      assert.match(outside.body, /Perioden måste infalla under projektets genomförandetid \(1\.1\.2026–31\.12\.2028\)\./);
      assert.equal(await count(), before);
    });

    it('deletes a period only after confirmation and only while no report of it has been submitted', async () => {
      const db = t.database.db;
      const free = await buildReportingPeriod(db, a.id, { start: '2028-01-01', end: '2028-06-30', due: '2028-08-31' });
      const drafted = await buildReportingPeriod(db, a.id, { start: '2028-07-01', end: '2028-12-31', due: '2029-01-31', kind: 'final' });
      const draftReport = await buildReport(db, a, drafted, { status: 'draft' });
      const submitted = await buildReportingPeriod(db, b.id, { start: '2028-01-01', end: '2028-06-30', due: '2028-08-31' });
      await buildReport(db, b, submitted, { status: 'submitted' });
      const exists = async (id: number) => (await db.selectFrom('reporting_periods').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

      const ask = await officer17.post(`${FI}/${a.id}/periods/${free}/delete`);
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Poistetaanko raportointikausi\?/);
      assert.match(ask.body, /name="confirm" value="yes"/);
      assert.ok(await exists(free));

      const done = await officer17.post(`${FI}/${a.id}/periods/${free}/delete`, { confirm: 'yes' });
      assert.equal(done.statusCode, 303);
      assert.ok(!(await exists(free)));
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'reporting_period').where('entity_id', '=', String(free)).orderBy('seq').execute();
      assert.deepEqual(audit.map((x) => x.action), ['project.period-deleted']);

      // A draft is not a submitted report: it goes with its period.
      assert.equal((await officer17.post(`${FI}/${a.id}/periods/${drafted}/delete`, { confirm: 'yes' })).statusCode, 303);
      assert.equal(await db.selectFrom('project_reports').select('id').where('id', '=', draftReport).executeTakeFirst(), undefined);

      const refused = await admin.post(`${FI}/${b.id}/periods/${submitted}/delete`, { confirm: 'yes' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Kautta ei voi poistaa, koska sen raportti on jo lähetetty\./);
      assert.ok(await exists(submitted));

      // A period of another project is not found through this one.
      assert.equal((await admin.post(`${FI}/${a.id}/periods/${submitted}/delete`, { confirm: 'yes' })).statusCode, 404);
    });

    it('sets indicator targets from the catalogue, in hundredths, refusing computed indicators and bad numbers', async () => {
      const db = t.database.db;
      const id = async (code: string) => (await db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      const target = async (code: string) =>
        (await db.selectFrom('project_indicators').select('target_hundredths').where('project_id', '=', a.id).where('indicator_id', '=', await id(code)).executeTakeFirst())?.target_hundredths;
      const rco01 = await id('RCO01');
      const rcr01 = await id('RCR01');

      const page = await officer17.get(`${FI}/${a.id}`);
      assert.ok(page.body.includes(`<option value="${rco01}">RCO01 `));
      assert.ok(!page.body.includes(`<option value="${await id('S3-CROSS')}">`), 'computed indicators are not offered');

      assert.equal((await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(rco01), target: '1 234' })).statusCode, 303);
      assert.equal(Number(await target('RCO01')), 123_400);
      assert.equal((await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(rcr01), target: '12,5' })).statusCode, 303);
      assert.equal(Number(await target('RCR01')), 1250);

      const decimals = await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(rcr01), [`target_${rcr01}`]: '12,55' });
      assert.equal(decimals.statusCode, 400);
      assert.match(decimals.body, /Tavoite \(RCR01\): enintään 1 desimaali\./);
      assert.match(decimals.body, /value="12,55"/);
      const negative = await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(rco01), target: '-5' });
      assert.match(negative.body, /Tavoitearvo ei voi olla negatiivinen\./);
      const words = await officer17.post(`/en/admin/projects/${a.id}/indicators`, { indicator: String(rco01), target: 'many' });
      assert.match(words.body, /The target value is not a number\./);
      const computed = await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(await id('S3-CROSS')), target: '1' });
      assert.equal(computed.statusCode, 400);
      assert.match(computed.body, /Tämä indikaattori lasketaan hankkeiden tiedoista/);
      const none = await officer17.post(`${FI}/${a.id}/indicators`, {});
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Valitse indikaattori\./);
      assert.equal((await officer17.post(`${FI}/${a.id}/indicators`, { indicator: '999999', target: '1' })).statusCode, 404);
      assert.equal(Number(await target('RCR01')), 1250);

      // A row's own form changes the target.
      assert.equal((await officer17.post(`${FI}/${a.id}/indicators`, { indicator: String(rco01), [`target_${rco01}`]: '1 500' })).statusCode, 303);
      assert.equal(Number(await target('RCO01')), 150_000);
      const audit = await db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'project').where('entity_id', '=', String(a.id)).where('action', '=', 'project.target-set').orderBy('seq').execute();
      assert.deepEqual(audit.map((x) => JSON.parse(x.after_json!).targetHundredths), [123_400, 1250, 150_000]);
    });

    it('removes an indicator only while no report has a value for it', async () => {
      const db = t.database.db;
      await setProjectTarget(db, b.id, 'RCO02', 10);
      await setProjectTarget(db, b.id, 'RCO07', 3);
      const period = await buildReportingPeriod(db, b.id, { start: '2029-01-01', end: '2029-06-30', due: '2029-08-31' });
      await buildReport(db, b, period, { status: 'draft', indicators: { RCO07: 1 } });
      const rco02 = (await db.selectFrom('indicators').select('id').where('code', '=', 'RCO02').executeTakeFirstOrThrow()).id;
      const rco07 = (await db.selectFrom('indicators').select('id').where('code', '=', 'RCO07').executeTakeFirstOrThrow()).id;

      const page = await admin.get(`${FI}/${b.id}`);
      assert.ok(page.body.includes(`/indicators/${rco02}/delete`));
      assert.ok(!page.body.includes(`/indicators/${rco07}/delete`));

      const refused = await admin.post(`${FI}/${b.id}/indicators/${rco07}/delete`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Indikaattoria ei voi poistaa, koska raportissa on jo arvo sille\./);
      assert.equal((await admin.post(`${FI}/${b.id}/indicators/${rco02}/delete`)).statusCode, 303);
      const left = await db.selectFrom('project_indicators').select('indicator_id').where('project_id', '=', b.id).execute();
      assert.deepEqual(left.map((r) => r.indicator_id), [rco07]);
      assert.equal((await admin.post(`${FI}/${b.id}/indicators/${rco02}/delete`)).statusCode, 404);
    });
  });
}
