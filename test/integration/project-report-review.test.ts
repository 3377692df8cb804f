import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';

/**
 * Officers accept a report or return it with a comment (issue 6): only a submitted report, only the
 * version they saw; the lead partner's submitter is told by e-mail in their language, the audit log
 * records each review, and accepting the final report completes the project.
 */
const FI = '/fi/hallinta/hankkeet';
const NOW = '2026-11-28T10:00:00.000Z';


for (const dialect of testDialects()) {
  describe(`officers' review of project reports [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: TestAgent;
    let outsider: TestAgent;
    let submitter: UserRow;
    let project: BuiltProject;
    let title: string;
    let first: number;
    let second: number;
    let finalPeriod: number;
    let secondReport: number;

    const report = (id: number) => t.database.db.selectFrom('project_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const mails = (purpose: string) =>
      t.database.db.selectFrom('email_messages').select(['to_address', 'locale', 'subject', 'body_text', 'user_id']).where('purpose', '=', purpose).orderBy('id').execute();
    const reportUrl = (period: number) => `${FI}/${project.id}/reports/${period}`;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      officer = await agentFor(t, await buildUser(db, { roles: [{ role: 'officer', region: '11' }] }));
      outsider = await agentFor(t, await buildUser(db, { roles: [{ role: 'officer', region: '18' }] }));
      submitter = await buildUser(db, { locale: 'sv' });
      // Partners in 17 (lead), 11 and 12, each granted EUR 100,000 (10,000,000 cents), EUR 300,000 in all.
      project = await buildProject(db, { partners: [{ region: '17' }, { region: '11' }, { region: '12' }], startDate: '2027-01-01', endDate: '2028-12-31' });
      title = (await db.selectFrom('projects').select('title').where('id', '=', project.id).executeTakeFirstOrThrow()).title;
      await setProjectTarget(db, project.id, 'RCO01', 10);
      first = await buildReportingPeriod(db, project.id, { start: '2027-01-01', end: '2027-06-30', due: '2027-08-31' });
      await buildReport(db, project, first, { status: 'accepted', spending: [1_000_000, 500_000, 0], indicators: { RCO01: 2 } });
      second = await buildReportingPeriod(db, project.id, { start: '2027-07-01', end: '2027-12-31', due: '2028-01-31' });
      secondReport = await buildReport(db, project, second, {
        status: 'submitted',
        narrative: 'Toisella kaudella pilotoitiin akkujen kierrätystä kolmessa maakunnassa.',
        spending: [3_000_000, 1_500_000, 750_000],
        indicators: { RCO01: 5 },
      });
      await db.updateTable('project_reports').set({ submitted_by: submitter.id }).where('id', '=', secondReport).execute();
      finalPeriod = await buildReportingPeriod(db, project.id, { kind: 'final', start: '2028-01-01', end: '2028-12-31', due: '2029-01-31' });
    });
    after(async () => t?.close());

    it('shows the report as submitted: narrative, spending against the grants, values against targets and the previous accepted report', async () => {
      const res = await officer.get(reportUrl(second));
      assert.equal(res.statusCode, 200);
      const body = res.body;
      assert.match(body, /<h1>Raportti: Väliraportti 1\.7\.2027–31\.12\.2027<\/h1>/);
      assert.ok(body.includes('Toisella kaudella pilotoitiin akkujen kierrätystä kolmessa maakunnassa.'));
      // The lead's EUR 30,000 of its EUR 100,000: 30 %; in all EUR 52,500 of EUR 300,000: 17,5 %.
      assert.match(body, /<td class="numeric">30\u00a0000,00\u00a0€<\/td><td class="numeric">100\u00a0000,00\u00a0€<\/td><td class="numeric">30\u00a0%<\/td>/);
      assert.match(body, /<td class="numeric">52\u00a0500,00\u00a0€<\/td><td class="numeric">300\u00a0000,00\u00a0€<\/td><td class="numeric">17,5\u00a0%<\/td>/);
      // RCO01: 5 now, target 10, 2 in the accepted report of the first period.
      assert.match(body, /RCO01 Tuetut yritykset<\/th><td class="numeric">5\u00a0kpl<\/td><td class="numeric">10\u00a0kpl<\/td><td class="numeric">2\u00a0kpl<\/td>/);
      assert.match(body, /Edellinen hyväksytty raportti: Väliraportti 1\.1\.2027–30\.6\.2027\./);
      assert.match(body, /name="version" value="1"/);
      assert.match(body, /formAction="[^"]*\/reports\/\d+\/return"|formaction="[^"]*\/reports\/\d+\/return"/);

      assert.equal((await outsider.get(reportUrl(second))).statusCode, 403);
      assert.equal((await officer.get(reportUrl(999999))).statusCode, 404);
      // A period without a report shows no review form.
      const empty = await officer.get(reportUrl(finalPeriod));
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /ei ole vielä aloittanut/);
      assert.ok(!empty.body.includes('name="version"'));
    });

    it('returns a report only with a comment, tells the submitter in Swedish and records it', async () => {
      const missing = await officer.post(`${reportUrl(second)}/return`, { version: '1', comment: '  ' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kirjoita kommentti: kerro, mitä raportissa pitää täydentää tai korjata\./);
      assert.equal((await report(secondReport)).status, 'submitted');
      assert.equal((await officer.post(`${reportUrl(second)}/return`, {})).statusCode, 400, 'no version: no form');
      assert.equal((await officer.post(`${reportUrl(second)}/accept`, {})).statusCode, 400);
      assert.equal((await report(secondReport)).status, 'submitted');

      const res = await officer.post(`${reportUrl(second)}/return`, { version: '1', comment: 'Lisää kustannuserittely\r\nkumppaneittain.' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reportUrl(second)}?done=returned`);
      const row = await report(secondReport);
      assert.deepEqual([row.status, row.version, row.review_comment, row.reviewed_at], ['returned', 2, 'Lisää kustannuserittely\nkumppaneittain.', NOW]);

      const mail = await mails('report-returned');
      assert.equal(mail.length, 1);
      assert.deepEqual([mail[0]!.to_address, mail[0]!.locale, mail[0]!.user_id], [submitter.email, 'sv', submitter.id]);
      assert.equal(mail[0]!.subject, `Rapporten returnerad för komplettering: ${title}`);
      assert.ok(mail[0]!.body_text.includes('Rapporten (Lägesrapport 1.7.2027–31.12.2027)'));
      assert.ok(mail[0]!.body_text.includes('Handläggarens kommentar:\nLisää kustannuserittely\nkumppaneittain.'));
      assert.ok(mail[0]!.body_text.includes(`http://s3.test/sv/mina-projekt/${project.id}`));

      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'project_report').where('entity_id', '=', String(secondReport)).execute();
      assert.deepEqual(audit.map((a) => [a.action, JSON.parse(a.after_json!).comment]), [['report.returned', 'Lisää kustannuserittely\nkumppaneittain.']]);

      const page = await officer.get(`${reportUrl(second)}?done=returned`);
      assert.match(page.body, /Raportti palautettiin täydennettäväksi/);
      assert.match(page.body, /<th scope="row">Palautettu täydennettäväksi<\/th>/);
      assert.ok(!page.body.includes('name="version"'), 'a returned report waits for the lead partner');
    });

    it('refuses a stale version and a report not awaiting review, then accepts the current version', async () => {
      const db = t.database.db;
      // The lead partner resubmits: a new version awaits review.
      await db.updateTable('project_reports').set({ status: 'submitted', version: 3, submitted_at: '2026-11-28T09:00:00.000Z' }).where('id', '=', secondReport).execute();

      const stale = await officer.post(`${reportUrl(second)}/accept`, { version: '2', comment: 'Hyvä.' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /Raporttia on muutettu sillä välin, kun se oli auki\./);
      assert.match(stale.body, /name="version" value="3"/);
      assert.match(stale.body, />Hyvä\.<\/textarea>/);
      assert.equal((await report(secondReport)).status, 'submitted');

      const ok = await officer.post(`${reportUrl(second)}/accept`, { version: '3', comment: '' });
      assert.equal(ok.statusCode, 303);
      const row = await report(secondReport);
      assert.deepEqual([row.status, row.version, row.review_comment], ['accepted', 4, null]);
      const mail = await mails('report-accepted');
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.subject, `Rapporten godkänd: ${title}`);
      assert.ok(!mail[0]!.body_text.includes('kommentar'));

      const again = await officer.post(`${reportUrl(second)}/accept`, { version: '4' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Raporttia ei voi käsitellä: se ei odota käsittelyä\./);
      assert.equal((await db.selectFrom('projects').select('status').where('id', '=', project.id).executeTakeFirstOrThrow()).status, 'ongoing');
    });

    it('completes the project when the final report is accepted', async () => {
      const db = t.database.db;
      const finalReport = await buildReport(db, project, finalPeriod, { status: 'submitted', spending: [9_000_000, 9_500_000, 10_000_000], indicators: { RCO01: 11 } });
      const res = await officer.post(`${reportUrl(finalPeriod)}/accept`, { version: '1', comment: 'Hanke on toteutettu suunnitellusti.' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reportUrl(finalPeriod)}?done=completed`);
      const p = await db.selectFrom('projects').select(['status', 'completed_at']).where('id', '=', project.id).executeTakeFirstOrThrow();
      assert.deepEqual([p.status, p.completed_at], ['completed', NOW]);
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'project').where('entity_id', '=', String(project.id)).execute();
      assert.deepEqual(audit.map((a) => a.action), ['project.completed']);
      // The report had no submitter on record: the lead partner's contact person is told, in Finnish.
      const mail = (await mails('report-accepted')).at(-1)!;
      assert.equal(mail.locale, 'fi');
      assert.equal(mail.subject, `Raportti hyväksytty: ${title}`);
      assert.ok(mail.body_text.includes('Käsittelijän kommentti:\nHanke on toteutettu suunnitellusti.'));
      assert.ok(mail.body_text.includes('Loppuraportin hyväksymisen myötä hanke on päättynyt.'));
      assert.equal((await report(finalReport)).status, 'accepted');

      const page = await officer.get(`${reportUrl(finalPeriod)}?done=completed`);
      assert.match(page.body, /Loppuraportti hyväksyttiin: hanke on päättynyt\./);
      // The previous accepted report of the final one is the second progress report.
      assert.match(page.body, /RCO01 Tuetut yritykset<\/th><td class="numeric">11\u00a0kpl<\/td><td class="numeric">10\u00a0kpl<\/td><td class="numeric">5\u00a0kpl<\/td>/);
      const list = await officer.get(`${FI}?status=completed`);
      assert.ok(list.body.includes(`>${title}</a>`));
    });
  });
}
