import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OrganisationRow, UserRow } from '../../src/db/schema.js';
import { reportsMessages } from '../../src/features/projects/reports.messages.js';
import { formatMoney } from '../../src/i18n/format.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildProject, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';

/**
 * The lead partner's reports (issue 6): "My projects" for partners' members, the report form for the
 * lead's members only, drafts, submission with its checks, the officers' e-mail and the audit entry,
 * resubmission after a return, read-only submitted reports and the optimistic lock.
 */
const m = reportsMessages;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const dialect of testDialects()) {
  describe(`the lead partner's reports [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let project: BuiltProject;
    let otherProject: BuiltProject;
    let leadOrg: OrganisationRow;
    let partnerOrg: OrganisationRow;
    let leadUser: UserRow;
    let partnerUser: UserRow;
    let stranger: UserRow;
    const officers: Record<string, UserRow> = {};
    const periods = { first: 0, second: 0, final: 0 };
    const indicator = { enterprises: 0, jobs: 0, cross: 0 };
    let thirdName = '';

    const reportUrl = (periodId: number, locale: 'fi' | 'sv' | 'en' = 'fi') =>
      `/${locale}/${{ fi: 'omat-hankkeet', sv: 'mina-projekt', en: 'my-projects' }[locale]}/${project.id}/reports/${periodId}`;
    const report = (periodId: number) => t.database.db.selectFrom('project_reports').selectAll().where('period_id', '=', periodId).executeTakeFirst();
    /** A complete report of the first period with the version the form was loaded at. */
    const complete = (version: number, change: Record<string, string> = {}) => ({
      version: String(version),
      action: 'submit',
      narrative: 'Kausi eteni suunnitelman mukaan: kolme yritystä mukana.',
      [`spending_${project.partnerIds[0]}`]: '12 345,67',
      [`spending_${project.partnerIds[1]}`]: '8 000',
      [`spending_${project.partnerIds[2]}`]: '0',
      [`indicator_${indicator.enterprises}`]: '3',
      [`indicator_${indicator.jobs}`]: '1,5',
      confirm: '1',
      ...change,
    });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      leadOrg = await buildOrganisation(db, { region: '17', name: 'Pohjoisen Akkuyliopisto' });
      partnerOrg = await buildOrganisation(db, { region: '18', name: 'Kainuun Kehitys Oy' });
      leadUser = await buildUser(db, { memberOf: [{ organisation: leadOrg }] });
      partnerUser = await buildUser(db, { memberOf: [{ organisation: partnerOrg }] });
      stranger = await buildUser(db, { memberOf: [{ organisation: await buildOrganisation(db, { region: '10' }) }] });
      // Officers of the funding councils 17 and 18 get the notice; 10's officer, a disabled officer and an administrator do not.
      officers['17'] = await buildUser(db, { roles: [{ role: 'officer', region: '17' }] });
      officers['18'] = await buildUser(db, { roles: [{ role: 'officer', region: '18' }], locale: 'sv' });
      officers['10'] = await buildUser(db, { roles: [{ role: 'officer', region: '10' }] });
      officers.disabled = await buildUser(db, { roles: [{ role: 'officer', region: '17' }], status: 'disabled' });
      officers.admin = await buildUser(db, { roles: [{ role: 'admin' }] });
      // Lead 17 and partner 18 asked EUR 100,000 and 50,000; the partner in 19 asked nothing.
      project = await buildProject(db, {
        call: await buildCall(db),
        title: 'Akkumateriaalien kiertotalous',
        partners: [{ region: '17', organisation: leadOrg }, { region: '18', organisation: partnerOrg }, { region: '19' }],
        funding: { '17': 10_000_000, '18': 5_000_000 },
      });
      thirdName = (await db.selectFrom('organisations').innerJoin('project_partners', 'project_partners.organisation_id', 'organisations.id').select('organisations.name').where('project_partners.id', '=', project.partnerIds[2]!).executeTakeFirstOrThrow()).name;
      otherProject = await buildProject(db, { call: await buildCall(db), title: 'Vieras hanke' });
      await setProjectTarget(db, project.id, 'RCO01', 10);
      await setProjectTarget(db, project.id, 'RCR01', 5.5);
      await setProjectTarget(db, project.id, 'S3-CROSS', 1);
      const ids = await db.selectFrom('indicators').select(['id', 'code']).where('code', 'in', ['RCO01', 'RCR01', 'S3-CROSS']).execute();
      indicator.enterprises = ids.find((i) => i.code === 'RCO01')!.id;
      indicator.jobs = ids.find((i) => i.code === 'RCR01')!.id;
      indicator.cross = ids.find((i) => i.code === 'S3-CROSS')!.id;
      periods.first = await buildReportingPeriod(db, project.id, { start: '2027-01-01', end: '2027-06-30', due: '2027-07-31' });
      periods.second = await buildReportingPeriod(db, project.id, { start: '2027-07-01', end: '2027-12-31', due: '2028-01-31' });
      periods.final = await buildReportingPeriod(db, project.id, { kind: 'final', start: '2027-01-01', end: '2028-12-31', due: '2029-02-28' });
      // The first period is over and its report is late; the second is under way.
      t.clock.set('2027-08-15T09:00:00.000Z');
    });
    after(async () => t?.close());

    it('lists the project for the lead’s members with the next report, and read-only for a partner’s', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.get('/fi/omat-hankkeet');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(`href="/fi/omat-hankkeet/${project.id}"`), 'the lead’s members open the project');
      assert.ok(res.body.includes('Akkumateriaalien kiertotalous'));
      assert.ok(res.body.includes(m.fi.nextReport(m.fi.kinds.progress, '30.6.2027', '31.7.2027')), 'the first period is next');
      assert.ok(res.body.includes(m.fi.states.late), 'and it is late');
      assert.ok(!res.body.includes('Vieras hanke'));
      assert.ok(res.body.includes('href="/fi/omat-hankkeet" aria-current="page">Omat hankkeet</a>'), 'the user menu links to the page');

      const partner = await agentFor(t, partnerUser);
      const listed = await partner.get('/fi/omat-hankkeet');
      assert.equal(listed.statusCode, 200);
      assert.ok(listed.body.includes('Akkumateriaalien kiertotalous'));
      assert.ok(listed.body.includes(m.fi.partnerNote));
      assert.ok(listed.body.includes(m.fi.rolePartner));
      assert.ok(!listed.body.includes(`href="/fi/omat-hankkeet/${project.id}"`), 'a partner has no report link');

      const other = await (await agentFor(t, stranger)).get('/en/my-projects');
      assert.equal(other.statusCode, 200);
      assert.ok(other.body.includes(m.en.listEmpty));
      assert.ok(!other.body.includes('Akkumateriaalien kiertotalous'));

      const anonymous = await (await agentFor(t)).get('/fi/omat-hankkeet');
      assert.equal(anonymous.statusCode, 303);
    });

    it('shows the overview to the lead’s members only', async () => {
      const res = await (await agentFor(t, leadUser)).get(`/fi/omat-hankkeet/${project.id}`);
      assert.equal(res.statusCode, 200);
      for (const text of ['Pohjoisen Akkuyliopisto', 'Kainuun Kehitys Oy', thirdName, 'Tuetut yritykset', m.fi.computed, formatMoney(15_000_000, 'fi'), `/fi/omat-hankkeet/${project.id}/reports/${periods.first}`]) {
        assert.ok(res.body.includes(html(text)), `overview shows ${text}`);
      }
      const sv = await (await agentFor(t, leadUser)).get(`/sv/mina-projekt/${project.id}`);
      assert.equal(sv.statusCode, 200);
      assert.ok(sv.body.includes(m.sv.periodsCaption));
      assert.equal((await (await agentFor(t, partnerUser)).get(`/fi/omat-hankkeet/${project.id}`)).statusCode, 403);
      assert.equal((await (await agentFor(t, stranger)).get(`/fi/omat-hankkeet/${project.id}`)).statusCode, 403);
      assert.equal((await (await agentFor(t, leadUser)).get(`/fi/omat-hankkeet/${otherProject.id}`)).statusCode, 403);
    });

    it('shows the form to the lead’s members, never a computed indicator, and refuses everyone else', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.get(reportUrl(periods.first));
      assert.equal(res.statusCode, 200);
      for (const id of project.partnerIds) assert.ok(res.body.includes(`name="spending_${id}"`));
      assert.ok(res.body.includes(`name="indicator_${indicator.enterprises}"`));
      assert.ok(res.body.includes(`name="indicator_${indicator.jobs}"`));
      assert.ok(!res.body.includes(`name="indicator_${indicator.cross}"`), 'computed indicators are never asked');
      assert.ok(res.body.includes('name="version" value="0"'));
      assert.ok(res.body.includes(html(m.fi.spendingHint(formatMoney(10_000_000, 'fi')))), 'the requested grant is a hint');
      assert.ok(res.body.includes('value="submit"'), 'the period has ended: the report may be submitted');

      const partner = await agentFor(t, partnerUser);
      assert.equal((await partner.get(reportUrl(periods.first))).statusCode, 403);
      assert.equal((await partner.post(reportUrl(periods.first), complete(0))).statusCode, 403);
      assert.equal((await (await agentFor(t, stranger)).post(reportUrl(periods.first), complete(0))).statusCode, 403);
      assert.equal((await lead.get(`/fi/omat-hankkeet/${project.id}/reports/999999`)).statusCode, 404);
      const otherPeriod = await buildReportingPeriod(t.database.db, otherProject.id);
      assert.equal((await lead.get(`/fi/omat-hankkeet/${project.id}/reports/${otherPeriod}`)).statusCode, 404, 'a period of another project');
      assert.equal((await lead.post(reportUrl(periods.first), {})).statusCode, 400, 'a post without the form changes nothing');
      assert.equal(await report(periods.first), undefined);
    });

    it('saves a draft with what is filled in, and shows it back', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), {
        version: '0',
        action: 'draft',
        narrative: 'Ensimmäinen puolivuotiskausi.',
        [`spending_${project.partnerIds[0]}`]: '12 345,67',
        [`indicator_${indicator.jobs}`]: '1 234,5',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reportUrl(periods.first)}?saved=1`);
      const row = (await report(periods.first))!;
      assert.equal(row.status, 'draft');
      assert.equal(row.version, 1);
      assert.equal(row.narrative, 'Ensimmäinen puolivuotiskausi.');
      assert.equal(row.submitted_at, null);
      const db = t.database.db;
      const spending = await db.selectFrom('report_spending').select(['project_partner_id', 'spent_cents']).where('report_id', '=', row.id).execute();
      assert.deepEqual(spending.map((s) => [s.project_partner_id, Number(s.spent_cents)]), [[project.partnerIds[0], 1_234_567]]);
      const values = await db.selectFrom('report_indicator_values').select(['indicator_id', 'value_hundredths']).where('report_id', '=', row.id).execute();
      assert.deepEqual(values.map((v) => [v.indicator_id, Number(v.value_hundredths)]), [[indicator.jobs, 123_450]]);
      const audit = await db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('entity_type', '=', 'project_report').where('entity_id', '=', String(row.id)).execute();
      assert.deepEqual(audit, [{ action: 'report.draft-saved', actor_user_id: leadUser.id }]);

      const page = await lead.get(`${reportUrl(periods.first)}?saved=1`);
      assert.ok(page.body.includes(m.fi.draftSaved));
      assert.ok(page.body.includes('value="12 345,67"'));
      assert.ok(page.body.includes('value="1 234,5"'));
      assert.ok(page.body.includes('Ensimmäinen puolivuotiskausi.'));
      assert.ok(page.body.includes('name="version" value="1"'));
    });

    it('refuses an incomplete submission naming each field, keeping what was typed', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), {
        version: '1',
        action: 'submit',
        narrative: '   ',
        [`spending_${project.partnerIds[0]}`]: '12 345,67',
        [`spending_${project.partnerIds[1]}`]: '-5',
        [`indicator_${indicator.enterprises}`]: '2,5',
      });
      assert.equal(res.statusCode, 400);
      const e = m.fi.errors;
      for (const message of [
        e.narrativeMissing,
        e.spendingNegative('Kainuun Kehitys Oy'),
        e.spendingMissing(thirdName),
        e.valueDecimals('Tuetut yritykset', 0),
        e.valueMissing('Tuetuissa yksiköissä syntyneet työpaikat'),
        e.confirmMissing,
      ]) {
        assert.ok(res.body.includes(html(message)), `says: ${message}`);
      }
      assert.ok(!res.body.includes(html(e.spendingMissing('Pohjoisen Akkuyliopisto'))), 'the lead’s spending was given');
      assert.ok(res.body.includes('value="12 345,67"') && res.body.includes('value="-5"') && res.body.includes('value="2,5"'), 'typed values are kept');
      const row = (await report(periods.first))!;
      assert.equal(row.version, 1, 'nothing was stored');
      assert.equal(row.narrative, 'Ensimmäinen puolivuotiskausi.');

      const sv = await lead.post(reportUrl(periods.first, 'sv'), { version: '1', action: 'submit' });
      assert.equal(sv.statusCode, 400);
      assert.ok(sv.body.includes(html(m.sv.errors.spendingMissing('Kainuun Kehitys Oy'))));
      assert.ok(sv.body.includes(html(m.sv.errors.confirmMissing)));
      const en = await lead.post(reportUrl(periods.first, 'en'), { version: '1', action: 'submit' });
      assert.equal(en.statusCode, 400);
      assert.ok(en.body.includes(html(m.en.errors.valueMissing('Enterprises supported'))));
    });

    it('refuses spending ten times the grant as a typo', async () => {
      // The partner in 19 asked nothing: its limit is ten times the project's EUR 150,000.
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), complete(1, { [`spending_${project.partnerIds[0]}`]: '1 000 000,01', [`spending_${project.partnerIds[2]}`]: '1 500 000' }));
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(html(m.fi.errors.spendingTooLarge('Pohjoisen Akkuyliopisto'))));
      assert.ok(!res.body.includes(html(m.fi.errors.spendingTooLarge(thirdName))), 'EUR 1.5 million is within ten times the project’s grant');
    });

    it('answers a stale form with the conflict message, keeping what was typed', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), { version: '0', action: 'draft', narrative: 'Toisen käyttäjän versio.' });
      assert.equal(res.statusCode, 409);
      assert.ok(res.body.includes(html(m.fi.conflict)));
      assert.ok(res.body.includes('Toisen käyttäjän versio.'));
      assert.ok(res.body.includes('name="version" value="1"'), 'the form now carries the stored version');
      const row = (await report(periods.first))!;
      assert.equal(row.version, 1);
      assert.equal(row.narrative, 'Ensimmäinen puolivuotiskausi.');
    });

    it('refuses to submit before the period has ended, but saves a draft', async () => {
      const lead = await agentFor(t, leadUser);
      const page = await lead.get(reportUrl(periods.second));
      assert.ok(page.body.includes(html(m.fi.notDueNote)));
      assert.ok(!page.body.includes('value="submit"'));
      const res = await lead.post(reportUrl(periods.second), complete(0));
      assert.equal(res.statusCode, 409);
      assert.ok(res.body.includes(html(m.fi.notDueRefused)));
      assert.ok(res.body.includes('value="12 345,67"'));
      assert.equal(await report(periods.second), undefined);
    });

    it('submits: status, times, audit entry and e-mails to the funding councils’ officers only', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), complete(1));
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reportUrl(periods.first)}?submitted=1`);
      const row = (await report(periods.first))!;
      assert.equal(row.status, 'submitted');
      assert.equal(row.version, 2);
      assert.equal(row.submitted_by, leadUser.id);
      assert.equal(row.submitted_at, '2027-08-15T09:00:00.000Z');
      assert.equal(row.first_submitted_at, '2027-08-15T09:00:00.000Z');
      const db = t.database.db;
      const spending = await db.selectFrom('report_spending').select(['project_partner_id', 'spent_cents']).where('report_id', '=', row.id).orderBy('project_partner_id').execute();
      assert.deepEqual(spending.map((s) => Number(s.spent_cents)), [1_234_567, 800_000, 0]);
      const values = await db.selectFrom('report_indicator_values').select(['indicator_id', 'value_hundredths']).where('report_id', '=', row.id).orderBy('indicator_id').execute();
      assert.deepEqual(
        values.map((v) => [v.indicator_id, Number(v.value_hundredths)]),
        [[indicator.enterprises, 300], [indicator.jobs, 150]].sort((a, b) => a[0]! - b[0]!),
      );
      const audit = await db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'project_report').where('entity_id', '=', String(row.id)).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['report.draft-saved', 'report.submitted']);
      assert.equal(JSON.parse(audit[1]!.after_json!).emails, 2);

      const mails = await db.selectFrom('email_messages').select(['user_id', 'to_address', 'subject', 'body_text', 'locale']).where('purpose', '=', 'project-report-submitted').orderBy('user_id').execute();
      assert.deepEqual(mails.map((e) => e.user_id), [officers['17']!.id, officers['18']!.id]);
      assert.equal(mails[0]!.subject, 'Väliraportti lähetetty: Akkumateriaalien kiertotalous');
      assert.equal(mails[1]!.subject, 'Lägesrapport skickad: Akkumateriaalien kiertotalous');
      assert.equal(mails[1]!.locale, 'sv');
      assert.ok(mails[0]!.body_text.includes(`/fi/hallinta/hankkeet/${project.id}`));
      assert.ok(mails[0]!.body_text.includes('Pohjoisen Akkuyliopisto on lähettänyt'));

      const page = await lead.get(`${reportUrl(periods.first)}?submitted=1`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(html(m.fi.reportSubmitted)));
      assert.ok(!page.body.includes('name="narrative"'), 'a submitted report is read-only');
      assert.ok(page.body.includes(html(formatMoney(1_234_567, 'fi'))));
    });

    it('refuses to change a submitted report', async () => {
      const lead = await agentFor(t, leadUser);
      const res = await lead.post(reportUrl(periods.first), complete(2, { action: 'draft' }), { headers: { accept: 'application/json' } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'REPORT_STATE');
      const html409 = await lead.post(reportUrl(periods.first), complete(2));
      assert.equal(html409.statusCode, 409);
      assert.equal((await report(periods.first))!.version, 2);
      const list = await lead.get('/fi/omat-hankkeet');
      assert.ok(list.body.includes(m.fi.states['not-due']), 'the next report is now the second, still under way');
    });

    it('resubmits a returned report, keeping the first submission time', async () => {
      const db = t.database.db;
      await db
        .updateTable('project_reports')
        .set({ status: 'returned', review_comment: 'Täydennä työpaikkojen laskentatapa.', reviewed_at: '2027-08-20T10:00:00.000Z', version: 3 })
        .where('period_id', '=', periods.first)
        .execute();
      t.clock.set('2027-09-01T08:00:00.000Z');
      const lead = await agentFor(t, leadUser);
      const page = await lead.get(reportUrl(periods.first));
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(m.fi.returnedHeading));
      assert.ok(page.body.includes('Täydennä työpaikkojen laskentatapa.'));
      assert.ok(page.body.includes('name="narrative"'), 'a returned report is editable');
      assert.ok(page.body.includes(m.fi.states.returned));

      const draft = await lead.post(reportUrl(periods.first), complete(3, { action: 'draft', narrative: 'Laskentatapa lisätty.' }));
      assert.equal(draft.statusCode, 303);
      assert.equal((await report(periods.first))!.status, 'returned', 'a draft of a returned report stays returned');

      const res = await lead.post(reportUrl(periods.first), complete(4, { narrative: 'Laskentatapa lisätty.' }));
      assert.equal(res.statusCode, 303);
      const row = (await report(periods.first))!;
      assert.equal(row.status, 'submitted');
      assert.equal(row.submitted_at, '2027-09-01T08:00:00.000Z');
      assert.equal(row.first_submitted_at, '2027-08-15T09:00:00.000Z');
      const mails = await db.selectFrom('email_messages').select(['body_text']).where('purpose', '=', 'project-report-submitted').orderBy('id').execute();
      assert.equal(mails.length, 4);
      assert.ok(mails[2]!.body_text.includes('täydentänyt ja lähettänyt uudelleen'));
    });

    it('shows the previous accepted figures as hints, and warns when a figure falls', async () => {
      const db = t.database.db;
      await db.updateTable('project_reports').set({ status: 'accepted', reviewed_at: '2027-09-10T10:00:00.000Z' }).where('period_id', '=', periods.first).execute();
      const lead = await agentFor(t, leadUser);
      const save = await lead.post(reportUrl(periods.second), { version: '0', action: 'draft', [`spending_${project.partnerIds[0]}`]: '100' });
      assert.equal(save.statusCode, 303);
      const page = await lead.get(reportUrl(periods.second));
      assert.ok(page.body.includes(html(m.fi.previousHint(formatMoney(1_234_567, 'fi')))));
      assert.ok(page.body.includes(html(m.fi.lowerWarning)), 'EUR 100 is less than the accepted EUR 12,345.67');
      const overview = await lead.get(`/fi/omat-hankkeet/${project.id}`);
      assert.ok(overview.body.includes('1,5 htv'), 'the accepted value of jobs created');
      assert.ok(overview.body.includes(m.fi.states.accepted));
    });
  });
}
