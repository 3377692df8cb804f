import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { datasetIds, datasets, flatCell, formats, type Cell, type Row } from '../../src/features/open-data/datasets.js';
import { neutraliseFormula, parseCsv } from '../../src/features/open-data/serialise.csv.js';
import { readXlsxSheet, xlsxCell } from '../../src/features/open-data/serialise.xlsx.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { decideCall } from '../helpers/decision-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';
import { buildAssignment, buildClosedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

/**
 * Open data (issue 6): calls, decisions, projects and indicator values as CSV, XLSX and JSON, with
 * cache headers, and never a confidential field. A call decided the real way (decideCall makes the
 * projects): A and B funded, C not; sentinels planted wherever the public must not look.
 */
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
const sentinels = {
  secret: `LIIKESALAISUUS-${tag}`,
  contactName: `Yhteyshenkilö-${tag}`,
  contactEmail: `yhteys-${tag.toLowerCase()}@example.test`,
  narrative: `KERTOMUS-${tag}`,
  reviewComment: `KOMMENTTI-${tag}`,
  grounds: `PERUSTELUT-${tag}`,
  draftCall: `LUONNOSHAKU-${tag}`,
  unfunded: `RAHOITTAMATON-${tag}`,
};
const TITLE_A = 'Ääni, "kuva" ja liike';
const SUMMARY_A = 'Rivi 1\r\nRivi 2, "lainaus"';
const TITLE_B = '=SUM(A1)';
const LEAD_A = 'Pohjoisen Akku; Oy';

const fileUrl = (id: string, format: string) => `/api/v1/open-data/${id}.${format}`;

/** A JSON row as the CSV and XLSX cells of its dataset's columns. */
const cellsOf = (id: (typeof datasetIds)[number], row: Row): Cell[] => datasets[id].columns.map((c) => flatCell(row[c.name]));

for (const dialect of testDialects()) {
  describe(`open data files and page [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let callId = 0;
    const ids = { a: 0, b: 0, c: 0 };
    const projects = { a: 0, b: 0 };
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    const json = async (id: string) => (await get(fileUrl(id, 'json'))).json() as { rows: Row[] };

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      const call = await buildClosedCall(db, { title: 'Avoimen datan haku', budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      callId = call.id;
      const reviewer = await buildReviewer(db, { region: '16' });
      const submit = async (title: string, score: number, lead?: string) => {
        const organisation = await buildOrganisation(db, { region: '17', ...(lead ? { name: lead } : {}) });
        const app = await buildSubmittedApplication(db, { call, lead: { organisation }, title });
        await submitScores(db, await buildAssignment(db, { applicationId: app.id, reviewer }), {}, score);
        return app.id;
      };
      ids.a = await submit(TITLE_A, 5, LEAD_A);
      ids.b = await submit(TITLE_B, 4);
      ids.c = await submit(sentinels.unfunded, 3);
      await db.updateTable('applications').set({ summary: SUMMARY_A }).where('id', '=', ids.a).execute();
      await db.updateTable('application_sections').set({ body: `Salainen ${sentinels.secret}`, is_secret: 1 }).where('application_id', 'in', [ids.a, ids.b]).execute();
      await db
        .updateTable('application_partners')
        .set({ contact_name: sentinels.contactName, contact_email: sentinels.contactEmail })
        .where('application_id', 'in', [ids.a, ids.b, ids.c])
        .execute();
      await startReview(db, call);
      await decideCall(db, call.id, ['17', '18', '19']);
      await db.updateTable('council_decisions').set({ grounds: sentinels.grounds }).where('call_id', '=', call.id).execute();
      await buildCall(db, { status: 'draft', title: sentinels.draftCall });

      const rows = await db.selectFrom('projects').select(['id', 'application_id']).where('call_id', '=', call.id).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => r.application_id), [ids.a, ids.b], 'A and B are funded, C is not');
      projects.a = rows[0]!.id;
      projects.b = rows[1]!.id;
      const partnerIds = (await db.selectFrom('project_partners').select('id').where('project_id', '=', projects.a).orderBy('sort_order').execute()).map((p) => p.id);
      const built: BuiltProject = { id: projects.a, applicationId: ids.a, callId, leadOrganisationId: 0, partnerIds };
      // Two accepted reports (the later one counts), then a submitted one that is not accepted yet.
      await buildReport(db, built, await buildReportingPeriod(db, projects.a, { start: '2027-01-01', end: '2027-06-30' }), { narrative: sentinels.narrative, indicators: { RCO01: 3, RCR01: 0.5 } });
      const second = await buildReport(db, built, await buildReportingPeriod(db, projects.a, { start: '2027-07-01', end: '2027-12-31' }), {
        narrative: sentinels.narrative,
        indicators: { RCO01: 7, RCR01: 1.25 },
      });
      await db.updateTable('project_reports').set({ review_comment: sentinels.reviewComment }).where('id', '=', second).execute();
      await buildReport(db, built, await buildReportingPeriod(db, projects.a, { start: '2028-01-01', end: '2028-06-30', due: '2028-07-31' }), {
        status: 'submitted',
        narrative: sentinels.narrative,
        indicators: { RCO01: 99 },
      });
      await setProjectTarget(db, projects.a, 'RCO01', 12);
    });
    after(async () => t?.close());

    it('the catalogue lists the four datasets with a link to each format, cached for five minutes', async () => {
      const res = await get('/api/v1/open-data');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
      const body = res.json();
      assert.deepEqual(body.licence, { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: 'Itä- ja Pohjois-Suomen maakuntaliitot' });
      assert.deepEqual(body.datasets.map((d: { id: string }) => d.id), ['calls', 'decisions', 'projects', 'indicator-values']);
      assert.deepEqual(body.datasets[2].links, { csv: 'http://s3.test/api/v1/open-data/projects.csv', xlsx: 'http://s3.test/api/v1/open-data/projects.xlsx', json: 'http://s3.test/api/v1/open-data/projects.json' });
      assert.equal(body.links.page.sv, 'http://s3.test/sv/oppna-data');
      const again = await get('/api/v1/open-data', { 'if-none-match': String(res.headers.etag) });
      assert.equal(again.statusCode, 304);
    });

    it('no confidential field in any dataset in any format', async () => {
      for (const id of datasetIds) {
        for (const format of formats) {
          const res = await get(fileUrl(id, format));
          assert.equal(res.statusCode, 200, `${id}.${format}`);
          const text = format === 'xlsx' ? JSON.stringify(await readXlsxSheet(res.rawPayload)) : res.body;
          for (const [what, sentinel] of Object.entries(sentinels)) assert.ok(!text.includes(sentinel), `${id}.${format} holds the ${what}`);
          if (id === 'projects') assert.ok(text.includes('Pohjoisen Akku'), `${id}.${format} is searched as text`);
        }
      }
    });

    it('JSON: the shape, and the hand-computed rows of the decided call', async () => {
      const res = await get(fileUrl('projects', 'json'));
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      const doc = res.json();
      assert.deepEqual(Object.keys(doc), ['dataset', 'title', 'description', 'licence', 'generatedAt', 'columns', 'rows']);
      assert.equal(doc.dataset, 'projects');
      assert.equal(doc.generatedAt, '2026-11-28T10:00:00.000Z');
      assert.deepEqual(doc.columns[0], { name: 'id', type: 'integer', description: { fi: 'Hankkeen tunniste', sv: 'Projektets identifierare', en: 'The project’s identifier' } });

      // Each partner: staff 100,000 € + 40 % flat rate = 140,000 €, 80 % requested = 112,000 € from its council, granted in full.
      const a = (doc.rows as Row[]).find((r) => r.id === projects.a)!;
      assert.equal(a.application_id, ids.a);
      assert.equal(a.call_id, callId);
      assert.equal(a.title, TITLE_A);
      assert.equal(a.summary, SUMMARY_A);
      assert.equal(a.lead_organisation, LEAD_A);
      assert.equal(a.lead_region_code, '17');
      assert.deepEqual(a.partner_region_codes, ['17', '18', '19']);
      assert.equal((a.partner_organisations as string[])[0], LEAD_A);
      assert.equal(a.region_count, 3);
      assert.equal(a.priority, 'clean-solutions');
      assert.equal(a.instrument, 'erdf');
      assert.equal(a.decision_year, 2026);
      assert.equal(a.funded_at, '2026-11-27T12:00:00.000Z');
      assert.deepEqual(a.granted_by_region, { '17': 11_200_000, '18': 11_200_000, '19': 11_200_000 });
      assert.equal(a.granted_cents, 33_600_000);
      assert.equal(a.status, 'ongoing');
      assert.deepEqual((doc.rows as Row[]).map((r) => r.application_id), [ids.a, ids.b], 'C, unfunded, is not a project');

      const calls = (await json('calls')).rows;
      assert.deepEqual(calls, [
        {
          id: callId,
          reference: calls[0]!.reference,
          title_fi: 'Avoimen datan haku',
          title_sv: calls[0]!.title_sv,
          title_en: calls[0]!.title_en,
          strategy: 'ita-ja-pohjois-suomi-2024',
          instrument: 'erdf',
          phase: 'in_review',
          opens_at: '2026-10-01T07:00:00.000Z',
          closes_at: '2026-11-15T14:15:00.000Z',
          min_regions: 3,
          regions: ['17', '18', '19'],
          budget_by_region: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 },
          total_budget_cents: 90_000_000,
          priorities: ['clean-solutions'],
        },
      ], 'the draft call is not listed');

      const decisions = (await json('decisions')).rows;
      assert.deepEqual(decisions.map((d) => d.region_code), ['17', '18', '19']);
      assert.deepEqual(decisions[0], {
        call_id: callId,
        call_reference: calls[0]!.reference,
        region_code: '17',
        council_fi: 'Pohjois-Pohjanmaan liitto',
        council_sv: decisions[0]!.council_sv,
        council_en: decisions[0]!.council_en,
        decision_number: `17/2026/${callId}`,
        decision_date: '2026-11-27',
        decision_maker: 'Maakuntahallitus 17',
        budget_cents: 30_000_000,
        granted_cents: 22_400_000,
        funded_projects: 2,
        project_ids: [String(projects.a), String(projects.b)],
      });

      const values = (await json('indicator-values')).rows;
      assert.deepEqual(
        values.map((v) => [v.project_id, v.indicator_code, v.unit, v.value, v.target, v.report_kind, v.period_end, v.accepted_at]),
        [
          [projects.a, 'RCO01', 'count', 7, 12, 'progress', '2027-12-31', '2028-01-20T10:00:00.000Z'],
          [projects.a, 'RCR01', 'fte', 1.25, null, 'progress', '2027-12-31', '2028-01-20T10:00:00.000Z'],
        ],
        'the latest accepted report; the submitted one is not yet public',
      );
    });

    it('CSV: RFC 4180 with a BOM, read back equal to the JSON rows; formulas neutralised', async () => {
      for (const id of datasetIds) {
        const res = await get(fileUrl(id, 'csv'));
        assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
        assert.ok(res.body.startsWith('\uFEFF'), 'a byte-order mark');
        const records = parseCsv(res.body);
        assert.deepEqual(records[0], datasets[id].columns.map((c) => c.name));
        const expected = (await json(id)).rows.map((row) =>
          cellsOf(id, row).map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : neutraliseFormula(cell))),
        );
        assert.deepEqual(records.slice(1), expected, id);
      }
      const records = parseCsv((await get(fileUrl('projects', 'csv'))).body);
      const column = (name: string) => records[0]!.indexOf(name);
      const rowA = records.find((r) => r[0] === String(projects.a))!;
      const rowB = records.find((r) => r[0] === String(projects.b))!;
      assert.equal(rowA[column('title')], TITLE_A);
      assert.equal(rowA[column('summary')], SUMMARY_A);
      assert.equal(rowA[column('granted_by_region')], '17:11200000;18:11200000;19:11200000');
      assert.equal(rowA[column('partner_region_codes')], '17;18;19');
      assert.match(rowA[column('partner_organisations')]!, /^"Pohjoisen Akku; Oy";Test Organisation \d+;Test Organisation \d+$/, 'an item with ";" is quoted in the list');
      assert.equal(rowB[column('title')], "'=SUM(A1)");
      const raw = (await get(fileUrl('projects', 'csv'))).body;
      assert.ok(raw.includes('"Ääni, ""kuva"" ja liike"'), 'a quoted field with doubled quotes');
      assert.ok(raw.includes('\r\n'), 'CRLF records');
    });

    it('XLSX: read back with exceljs equals the JSON rows; texts are not neutralised, a cell is never a formula', async () => {
      for (const id of datasetIds) {
        const res = await get(fileUrl(id, 'xlsx'));
        assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const sheet = await readXlsxSheet(res.rawPayload);
        assert.deepEqual(sheet[0], datasets[id].columns.map((c) => c.name));
        assert.deepEqual(sheet.slice(1), (await json(id)).rows.map((row) => cellsOf(id, row).map(xlsxCell)), id);
      }
      const sheet = await readXlsxSheet((await get(fileUrl('projects', 'xlsx'))).rawPayload);
      assert.ok(sheet.some((r) => r[4] === TITLE_B), 'the text as it is, never a formula');
      assert.ok(sheet.some((r) => r[5] === 'Rivi 1\nRivi 2, "lainaus"'), 'a line break is LF in a cell');
    });

    it('answers with a download name, a weak ETag and five minutes of caching; 304 for the same data, 200 after a change', async () => {
      for (const id of datasetIds) {
        for (const format of formats) {
          const res = await get(fileUrl(id, format));
          assert.equal(res.headers['content-disposition'], `attachment; filename="${id}.${format}"; filename*=UTF-8''${id}.${format}`);
          assert.equal(res.headers['cache-control'], 'public, max-age=300');
          assert.equal(res.headers['access-control-allow-origin'], '*');
          assert.match(String(res.headers.etag), /^W\/"[A-Za-z0-9_-]{32}"$/);
          const again = await get(fileUrl(id, format), { 'if-none-match': String(res.headers.etag) });
          assert.equal(again.statusCode, 304, `${id}.${format}`);
          assert.equal(again.body, '');
          assert.equal(again.headers.etag, res.headers.etag);
        }
      }
      const csv = await get(fileUrl('projects', 'csv'));
      const xlsx = await get(fileUrl('projects', 'xlsx'));
      assert.notEqual(csv.headers.etag, xlsx.headers.etag, 'each format has its own tag');
      await t.database.db.updateTable('projects').set({ status: 'completed' }).where('id', '=', projects.b).execute();
      const changed = await get(fileUrl('projects', 'csv'), { 'if-none-match': String(csv.headers.etag) });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, csv.headers.etag);
      await t.database.db.updateTable('projects').set({ status: 'ongoing' }).where('id', '=', projects.b).execute();
    });

    it('an unknown dataset or format is a 404 problem', async () => {
      for (const file of ['applications.csv', 'projects.pdf', 'projects', 'PROJECTS.CSV', 'projects.csv.json']) {
        const res = await get(`/api/v1/open-data/${file}`, { accept: 'application/json' });
        assert.equal(res.statusCode, 404, file);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, file);
        assert.equal(res.json().code, 'NOT_FOUND', file);
      }
      const res = await get('/api/v1/open-data/applications.csv', { accept: 'application/json' });
      assert.match(res.json().detail, /calls, decisions, projects, indicator-values/);
    });

    it('the OpenAPI document has both paths under the open-data tag', async () => {
      const doc = (await get('/api/openapi.json')).json();
      assert.deepEqual(doc.paths['/api/v1/open-data'].get.tags, ['open-data']);
      const file = doc.paths['/api/v1/open-data/{file}'].get;
      assert.deepEqual(file.tags, ['open-data']);
      assert.deepEqual(Object.keys(file.responses['200'].content).sort(), [
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv; charset=utf-8',
      ]);
    });

    it('the page lists every dataset with its columns and a working link to each file, in each language', async () => {
      const pages = { fi: '/fi/avoin-data', sv: '/sv/oppna-data', en: '/en/open-data' } as const;
      for (const [locale, url] of Object.entries(pages) as Array<[keyof typeof pages, string]>) {
        const res = await get(url, { accept: 'text/html' });
        assert.equal(res.statusCode, 200, url);
        const html = res.body;
        assert.equal(html.match(/<h1[ >]/g)?.length, 1);
        for (const id of datasetIds) {
          assert.ok(html.includes(`<h2 id="dataset-${id}">${datasets[id].title[locale]}</h2>`), `${url}: ${id}`);
          for (const column of datasets[id].columns) assert.ok(html.includes(`<code>${column.name}</code>`), `${url}: ${id}.${column.name}`);
          for (const format of formats) assert.ok(html.includes(`href="${fileUrl(id, format)}"`), `${url}: ${id}.${format}`);
        }
        assert.ok(html.includes(`href="/api/docs?lang=${locale}"`));
        assert.ok(html.includes(`href="/${locale}/${{ fi: 'seuranta', sv: 'uppfoljning', en: 'monitoring' }[locale]}"`));
        assert.ok(html.includes('href="https://creativecommons.org/licenses/by/4.0/"'));
        assert.ok(html.includes('Itä- ja Pohjois-Suomen maakuntaliitot'));
        const links = [...html.matchAll(/href="(\/api\/v1\/open-data[^"]*)"/g)].map((m) => m[1]!);
        assert.equal(links.length, 13, 'twelve files and the catalogue');
        for (const link of links) assert.equal((await get(link)).statusCode, 200, link);
      }
      const fi = (await get('/fi/avoin-data')).body;
      assert.ok(fi.includes('Hankkeen tunniste'), 'column descriptions in the page’s language');
      assert.ok((await get('/en/open-data')).body.includes('The project’s identifier'));
    });
  });
}
