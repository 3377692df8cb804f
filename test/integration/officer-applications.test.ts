import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

for (const dialect of testDialects()) {
  describe(`officers' list of a call's applications [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let lead: OrganisationRow;
    let member: UserRow;
    let officer: UserRow;
    const ids = { eligible: 0, notEligible: 0, withdrawn: 0, draft: 0, attachment: 0 };
    const receipts = { eligible: '', notEligible: '', withdrawn: '' };
    const db = () => t.database.db;
    const list = () => `/fi/hallinta/haut/${call.id}/applications`;

    before(async () => {
      t = await buildTestApp(dialect);
      lead = await buildOrganisation(db(), { region: '17', name: 'Oulun testiyliopisto' });
      member = await buildUser(db(), { memberOf: [{ organisation: lead }] });
      officer = await buildUser(db(), { roles: [{ role: 'officer', region: '11' }] });
      call = await buildCall(db());
      const agent = await agentFor(t, member);
      const submit = async (id: number) => {
        const res = await agent.post(`/fi/hakemukset/${id}/submit`, { step: 'confirm', declaration: '1' });
        assert.equal(res.statusCode, 303, res.body.slice(0, 500));
        return (await db().selectFrom('application_submissions').select('receipt_number').where('application_id', '=', id).executeTakeFirstOrThrow()).receipt_number;
      };

      ids.eligible = (await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member, title: 'Kelpoinen hanke' })).id;
      ids.attachment = (
        await db()
          .insertInto('attachments')
          .values({
            application_id: ids.eligible,
            question_id: null,
            filename: 'Liite ä.pdf',
            description: 'Aiesopimus',
            content_type: 'application/pdf',
            size_bytes: PDF.length,
            sha256: sha256Hex(PDF),
            content: PDF,
            uploaded_by: member.id,
            uploaded_at: '2026-11-20T10:00:00.000Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      receipts.eligible = await submit(ids.eligible);

      // Submitted while it met the rules; then the call asked for more regions than it has (as a correction might).
      ids.notEligible = (await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member, title: 'Kapea hanke', partners: [{ region: '18' }, { region: '19' }, { region: '10' }] })).id;
      receipts.notEligible = await submit(ids.notEligible);

      ids.withdrawn = (await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member, title: 'Peruttu hanke' })).id;
      receipts.withdrawn = await submit(ids.withdrawn);
      assert.equal((await agent.post(`/fi/hakemukset/${ids.withdrawn}/withdraw`, { confirm: '1' })).statusCode, 303);

      ids.draft = (await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member, title: 'Salainen luonnos' })).id;
      await db().updateTable('calls').set({ max_grant_cents: 40_000_000 }).where('id', '=', call.id).execute();
    });
    after(async () => t?.close());

    it('lists the submitted applications with their eligibility, the withdrawn apart and drafts only as a count', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.get(list());
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Haussa on lisäksi 1 keskeneräinen luonnos\./);
      assert.doesNotMatch(res.body, /Salainen luonnos/);
      assert.match(res.body, /Jätetyt hakemukset \(2\)/);
      assert.match(res.body, /Perutut hakemukset \(1\)/);
      const rowOf = (receipt: string) => {
        const start = res.body.indexOf(`>${receipt}</a>`);
        assert.ok(start > 0, `${receipt} listed`);
        return res.body.slice(start, res.body.indexOf('</tr>', start));
      };
      const good = rowOf(receipts.eligible);
      assert.match(good, /Kelpoinen hanke/);
      assert.match(good, /Oulun testiyliopisto \(Pohjois-Pohjanmaa\)/);
      assert.match(good, /336\s000,00\s€/);
      assert.match(good, /Kainuun liitto: 112\s000,00\s€/);
      assert.match(good, /80\s%/);
      assert.match(good, /tag--success">Tukikelpoinen/);
      assert.match(good, /<time datetime="2026-11-28T10:00:00.000Z">28\.11\.2026 klo 12\.00\.00<\/time>/);
      const bad = rowOf(receipts.notEligible);
      assert.match(bad, /Ei tukikelpoinen/);
      assert.match(bad, /Haettu tuki 448\s000,00\s€ ylittää haun enimmäismäärän 400\s000,00\s€\./);
      assert.match(rowOf(receipts.withdrawn), /Peruttu hanke/);
    });

    it('filters by eligibility', async () => {
      const agent = await agentFor(t, officer);
      const eligible = await agent.get(`${list()}?eligibility=eligible`);
      assert.match(eligible.body, new RegExp(receipts.eligible));
      assert.doesNotMatch(eligible.body, new RegExp(`>${receipts.notEligible}<`));
      assert.match(eligible.body, /<option value="eligible" selected/);
      const not = await agent.get(`${list()}?eligibility=not-eligible`);
      assert.doesNotMatch(not.body, new RegExp(`>${receipts.eligible}<`));
      assert.match(not.body, new RegExp(`>${receipts.notEligible}<`));
      assert.equal((await agent.get(`${list()}?eligibility=whatever`)).statusCode, 200);
    });

    it('shows a whole submitted application, business secrets marked, with its attachments to download', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.get(`${list()}/${ids.eligible}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`${receipts.eligible}: Kelpoinen hanke`));
      assert.match(res.body, /snapshot__section--secret/);
      assert.match(res.body, /Liikesalaisuus/);
      assert.match(res.body, /Osio implementation\./);
      assert.match(res.body, /mailto:contact/);
      assert.match(res.body, /Aiesopimus/);
      const href = `${list()}/${ids.eligible}/attachments/${ids.attachment}`;
      assert.match(res.body, new RegExp(`href="${href}"`));
      const file = await agent.get(href);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.match(String(file.headers['content-disposition']), /^attachment; filename="Liite a\.pdf"; filename\*=UTF-8''Liite%20%C3%A4\.pdf$/);
      assert.equal(file.headers['x-content-type-options'], 'nosniff');
      assert.equal(file.headers['cache-control'], 'private, no-store');
      assert.equal(sha256Hex(file.rawPayload), sha256Hex(PDF));
      // Drafts are not officers' business; an attachment of another application is not found through this one.
      assert.equal((await agent.get(`${list()}/${ids.draft}`)).statusCode, 404);
      assert.equal((await agent.get(`${list()}/${ids.notEligible}/attachments/${ids.attachment}`)).statusCode, 404);
      assert.equal((await agent.get(`${list()}/${ids.eligible}/attachments/999999`)).statusCode, 404);
    });

    it('exports a CSV for Finnish Excel that parses back to the same figures', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.get(`${list()}/export?format=csv`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(res.headers['content-disposition']), new RegExp(`^attachment; filename="hakemukset-${call.reference}\\.csv"`));
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.equal(res.body.charCodeAt(0), 0xfeff, 'UTF-8 byte-order mark');
      const lines = res.body.slice(1).split('\r\n').filter((l) => l !== '');
      assert.equal(lines.length, 4, 'a header and three applications');
      const header = lines[0]!.split(';');
      const col = (name: string) => {
        const i = header.indexOf(name);
        assert.ok(i >= 0, `column ${name}`);
        return i;
      };
      const records = new Map(lines.slice(1).map((l) => {
        const cells = l.split(';');
        return [cells[0]!, cells];
      }));
      const good = records.get(receipts.eligible)!;
      assert.equal(good[col('Hankkeen nimi')], 'Kelpoinen hanke');
      assert.equal(good[col('Haettu tuki yhteensä (€)')], '336000,00');
      assert.equal(good[col('Kustannukset yhteensä (€)')], '420000,00');
      assert.equal(good[col('Haettu tuki: Kainuun liitto (€)')], '112000,00');
      assert.equal(good[col('Haettu tuki: Etelä-Savon maakuntaliitto (€)')], '0,00');
      assert.equal(good[col('Tukiosuus (%)')], '80,00');
      assert.equal(good[col('Tukikelpoinen')], 'kyllä');
      assert.equal(good[col('Jätetty (Suomen aikaa)')], '2026-11-28 12:00:00');
      assert.equal(good[col('Tila')], 'Jätetty');
      const stored = await db().selectFrom('application_submissions').select('content_sha256').where('receipt_number', '=', receipts.eligible).executeTakeFirstOrThrow();
      assert.equal(good[col('SHA-256')], stored.content_sha256);
      const bad = records.get(receipts.notEligible)!;
      assert.equal(bad[col('Tukikelpoinen')], 'ei');
      assert.equal(bad[col('Haettu tuki yhteensä (€)')], '448000,00');
      assert.match(bad[col('Puutteet')]!, /ylittää haun enimmäismäärän/);
      assert.equal(records.get(receipts.withdrawn)![col('Tila')], 'Peruttu');
      // Without a format the list comes as CSV; an unknown format is a bad request, not a server error.
      assert.equal((await agent.get(`${list()}/export`)).headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal((await agent.get(`${list()}/export?format=pdf`)).statusCode, 400);
    });

    it('exports an XLSX with euro formats, a frozen header and the amounts per council', async () => {
      const agent = await agentFor(t, officer);
      const res = await agent.get(`/en/admin/calls/${call.id}/applications/export?format=xlsx`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(String(res.headers['content-disposition']), new RegExp(`filename="applications-${call.reference}\\.xlsx"`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [sheet, councils] = book.worksheets;
      assert.ok(sheet && councils);
      assert.equal(sheet.name, 'Applications');
      assert.equal(sheet.views[0]?.state, 'frozen');
      assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
      const header = (sheet.getRow(1).values as unknown[]).map(String);
      const col = (name: string) => {
        const i = header.indexOf(name);
        assert.ok(i > 0, `column ${name}`);
        return i;
      };
      const rowOf = (receipt: string) => {
        for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === receipt) return sheet.getRow(r);
        throw new Error(`${receipt} not in the sheet`);
      };
      const good = rowOf(receipts.eligible);
      assert.equal(good.getCell(col('Grant requested in total (EUR)')).value, 336000);
      assert.match(good.getCell(col('Grant requested in total (EUR)')).numFmt ?? '', /€/);
      assert.equal(good.getCell(col('Total costs (EUR)')).value, 420000);
      assert.equal(good.getCell(col('Grant requested: Regional Council of Kainuu (EUR)')).value, 112000);
      assert.equal(good.getCell(col('Aid rate (%)')).value, 0.8);
      assert.equal(good.getCell(col('Eligible')).value, 'yes');
      const submitted = good.getCell(col('Submitted (Helsinki time)')).value as Date;
      assert.equal(submitted.toISOString(), '2026-11-28T12:00:00.000Z', 'Helsinki wall-clock time as the spreadsheet date');
      assert.equal(rowOf(receipts.notEligible).getCell(col('Eligible')).value, 'no');

      assert.equal(councils.name, 'By council');
      const councilHeader = (councils.getRow(1).values as unknown[]).map(String);
      const kainuu = councilHeader.indexOf('Regional Council of Kainuu');
      assert.ok(kainuu > 0);
      const rows = Array.from({ length: councils.rowCount - 1 }, (_, i) => councils.getRow(i + 2));
      assert.equal(rows.length, 2 + 2, 'the two applications still in the call, the sums and the budgets');
      const byLabel = (label: string) => rows.find((r) => r.getCell(1).value === label)!;
      assert.equal(byLabel(receipts.eligible).getCell(kainuu).value, 112000);
      assert.equal(byLabel('Requested in total').getCell(kainuu).value, 224000);
      assert.equal(byLabel('Council’s budget').getCell(kainuu).value, 300000);
      assert.ok(!rows.some((r) => r.getCell(1).value === receipts.withdrawn));
    });

    it('is for the call’s councils’ officers: an officer of another region, an expert and an applicant get 403', async () => {
      const northern = await buildCall(db(), { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const { id } = await buildApplication(db(), { call: northern, lead: { organisation: lead }, createdBy: member });
      assert.equal((await (await agentFor(t, member)).post(`/fi/hakemukset/${id}/submit`, { step: 'confirm', declaration: '1' })).statusCode, 303);
      const base = `/fi/hallinta/haut/${northern.id}/applications`;
      const expert = await buildUser(db(), { roles: [{ role: 'expert', region: '18' }] });
      for (const user of [officer, expert, member]) {
        const agent = await agentFor(t, user);
        for (const path of [base, `${base}/export?format=csv`, `${base}/export?format=xlsx`, `${base}/${id}`, `${base}/${id}/attachments/1`]) {
          assert.equal((await agent.get(path)).statusCode, 403, `${path} as user ${user.id}`);
        }
      }
      const kainuu = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '18' }] }));
      assert.equal((await kainuu.get(base)).statusCode, 200);
      assert.equal((await kainuu.get(`${base}/${id}`)).statusCode, 200);
      const admin = await agentFor(t, await buildUser(db(), { roles: [{ role: 'admin' }] }));
      assert.equal((await admin.get(base)).statusCode, 200);
      assert.equal((await (await agentFor(t)).get(base)).statusCode, 303);
    });
  });
}
