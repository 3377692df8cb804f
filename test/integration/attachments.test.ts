import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { checkEligibility } from '../../src/domain/eligibility.js';
import { MAX_UPLOAD_BYTES } from '../../src/http/app.js';
import { callRules, findCallDetails } from '../../src/features/calls/calls.repository.js';
import { findApplicationDetails, toDraft } from '../../src/features/applications/applications.repository.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const APPS = '/fi/hakemukset';

/** A real one-page PDF 1.4 ("Hei maailma"), with a correct cross-reference table. */
function smallPdf(extraCatalog = ''): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R ${extraCatalog}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Hei maailma) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

function multipart(fields: Record<string, string>, file?: { filename: string; type: string; data: Buffer }): { payload: Buffer; contentType: string } {
  const boundary = `----s3test${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  agent: TestAgent,
  url: string,
  fields: Record<string, string>,
  file?: { filename: string; type?: string; data: Buffer },
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(
    { ...(options.csrf === false ? {} : { _csrf: agent.csrfToken() }), ...fields },
    file && { filename: file.filename, type: file.type ?? 'application/pdf', data: file.data },
  );
  return agent.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      accept: 'text/html',
      'content-type': body.contentType,
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

for (const dialect of testDialects()) {
  describe(`application attachments [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let leadOrg: OrganisationRow;
    let lead: UserRow;
    let partnerMember: UserRow;
    let application: { id: number; partnerIds: number[] };
    let fileQuestionId: number;

    const db = () => t.database.db;
    const stored = () => db().selectFrom('attachments').selectAll().where('application_id', '=', application.id).orderBy('id').execute();
    const url = () => `${APPS}/${application.id}/attachments`;

    before(async () => {
      t = await buildTestApp(dialect);
      leadOrg = await buildOrganisation(db(), { region: '17' });
      lead = await buildUser(db(), { name: 'Liisa Lead', memberOf: [{ organisation: leadOrg }] });
      const partnerOrg = await buildOrganisation(db(), { region: '18' });
      partnerMember = await buildUser(db(), { name: 'Pekka Partner', memberOf: [{ organisation: partnerOrg }] });
      call = await buildCall(db(), { questions: [{ kind: 'text', maxLength: 2000 }, { kind: 'file', required: true }] });
      fileQuestionId = (await db().selectFrom('call_questions').select('id').where('call_id', '=', call.id).where('kind', '=', 'file').executeTakeFirstOrThrow()).id;
      application = await buildApplication(db(), { call, lead: { organisation: leadOrg }, partners: [{ organisation: partnerOrg, region: '18' }, { region: '19' }], createdBy: lead });
    });
    after(async () => t?.close());

    it('stores a valid PDF with its SHA-256, lists it and downloads it byte for byte with safe headers', async () => {
      const agent = await agentFor(t, lead);
      const pdf = smallPdf();
      const res = await upload(agent, url(), { description: 'Kumppanin sitoumus' }, { filename: 'Sitoumus – Kainuu.pdf', data: pdf });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, `${url()}?done=uploaded`);
      const [row] = await stored();
      assert.equal(row!.sha256, sha256(pdf));
      assert.equal(row!.size_bytes, pdf.length);
      assert.equal(row!.filename, 'Sitoumus – Kainuu.pdf');
      assert.equal(row!.description, 'Kumppanin sitoumus');
      assert.equal(row!.content_type, 'application/pdf');
      assert.equal(row!.uploaded_by, lead.id);
      assert.ok(Buffer.from(row!.content).equals(pdf));

      const list = await agent.get(`${url()}?done=uploaded`);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Liite on lisätty/);
      assert.ok(list.body.includes(sha256(pdf)));
      assert.match(list.body, /Kumppanin sitoumus/);

      const download = await agent.get(`${url()}/${row!.id}`);
      assert.equal(download.statusCode, 200);
      assert.ok(download.rawPayload.equals(pdf));
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.equal(download.headers['content-disposition'], `attachment; filename="Sitoumus _ Kainuu.pdf"; filename*=UTF-8''Sitoumus%20%E2%80%93%20Kainuu.pdf`);
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.equal(download.headers['cache-control'], 'private, no-store');
      const audit = await db().selectFrom('audit_log').select('after_json').where('action', '=', 'application.attachment-added').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(audit.after_json!).sha256, sha256(pdf));
      assert.doesNotMatch(audit.after_json!, /Sitoumus/);
    });

    it('refuses what is not a clean PDF with a message at the file field, keeping the description', async () => {
      const agent = await agentFor(t, lead);
      const count = (await stored()).length;
      const cases: Array<[string, { filename: string; type?: string; data: Buffer }, RegExp]> = [
        ['a PNG renamed .pdf', { filename: 'kuva.pdf', data: PNG }, /Tiedosto \(PDF\): tiedosto kuva\.pdf ei ole PDF-tiedosto/],
        ['a PDF with JavaScript', { filename: 'skripti.pdf', data: smallPdf('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ') }, /aktiivista sisältöä \(\/JavaScript\)/],
        ['the EICAR test string', { filename: 'eicar.pdf', data: Buffer.concat([smallPdf().subarray(0, 20), Buffer.from(`%${EICAR}\n`), smallPdf().subarray(20)]) }, /virustorjunnan testitunniste/],
        ['an empty file', { filename: 'tyhja.pdf', data: Buffer.alloc(0) }, /tiedosto tyhja\.pdf on tyhjä/],
      ];
      for (const [what, file, message] of cases) {
        const res = await upload(agent, url(), { description: `Kuvaus: ${what}` }, file);
        assert.equal(res.statusCode, 400, what);
        assert.match(res.body, message, what);
        assert.match(res.body, /href="#field-file"/, what);
        assert.match(res.body, new RegExp(`>Kuvaus: ${what}</textarea>`), what);
      }
      const none = await upload(agent, url(), { description: 'Ei tiedostoa' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /valitse lisättävä tiedosto/);
      assert.equal((await stored()).length, count);
    });

    it('refuses a file over 10 MiB with 413 and a page message, never a server error', async () => {
      const agent = await agentFor(t, lead);
      const big = Buffer.concat([smallPdf(), Buffer.alloc(MAX_UPLOAD_BYTES, 0x20)]);
      const res = await upload(agent, url(), { description: 'Iso' }, { filename: 'iso.pdf', data: big });
      assert.equal(res.statusCode, 413);
      assert.match(res.body, /tiedosto iso\.pdf on liian suuri\. Tiedosto voi olla enintään 10 Mt/);
      assert.match(res.body, />Iso<\/textarea>/);
      // Exactly at the limit is taken.
      const exact = Buffer.concat([smallPdf().subarray(0, 20), Buffer.alloc(MAX_UPLOAD_BYTES - smallPdf().length, 0x20), smallPdf().subarray(20)]);
      assert.equal(exact.length, MAX_UPLOAD_BYTES);
      const ok = await upload(agent, url(), { description: 'Täsmälleen 10 Mt' }, { filename: 'raja.pdf', data: exact });
      assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
      const last = (await stored()).at(-1)!;
      assert.equal(last.size_bytes, MAX_UPLOAD_BYTES);
      assert.equal(last.sha256, sha256(exact));
    });

    it('refuses an upload without the CSRF token', async () => {
      const agent = await agentFor(t, lead);
      const count = (await stored()).length;
      const res = await upload(agent, url(), { description: 'Väärennös' }, { filename: 'x.pdf', data: smallPdf() }, { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /Lomakkeen tarkistus epäonnistui/);
      assert.equal((await stored()).length, count);
    });

    it('lets only the application’s editors see and download attachments', async () => {
      const [row] = await stored();
      const stranger = await buildUser(db(), { memberOf: [{ organisation: await buildOrganisation(db()) }] });
      const other = await agentFor(t, stranger);
      assert.equal((await other.get(`${url()}/${row!.id}`)).statusCode, 403);
      assert.equal((await other.get(url())).statusCode, 403);
      const officer = await agentFor(t, await buildUser(db(), { roles: [{ role: 'officer', region: '17' }] }));
      assert.equal((await officer.get(`${url()}/${row!.id}`)).statusCode, 403);
      const anonymous = await agentFor(t);
      const signIn = await anonymous.get(`${url()}/${row!.id}`);
      assert.equal(signIn.statusCode, 303);
      assert.match(String(signIn.headers.location), /^\/fi\/kirjaudu\?next=/);
      // A partner's member reads the application's attachments.
      const partner = await agentFor(t, partnerMember);
      const download = await partner.get(`${url()}/${row!.id}`);
      assert.equal(download.statusCode, 200);
      assert.ok(download.rawPayload.equals(Buffer.from(row!.content)));
      // An attachment of another application is not found through this one.
      const otherApp = await buildApplication(db(), { call, lead: { organisation: leadOrg }, createdBy: lead });
      assert.equal((await (await agentFor(t, lead)).get(`${APPS}/${otherApp.id}/attachments/${row!.id}`)).statusCode, 404);
      assert.equal((await (await agentFor(t, lead)).get(`${url()}/x1`)).statusCode, 400);
    });

    it('answers a file question: the attachment id becomes the answer the eligibility check reads', async () => {
      const agent = await agentFor(t, lead);
      const rules = callRules((await findCallDetails(db(), call.id))!);
      const problemsBefore = checkEligibility(rules, toDraft((await findApplicationDetails(db(), application.id))!)).problems;
      assert.ok(problemsBefore.some((p) => p.field === `question.${fileQuestionId}` && p.code === 'missing'));

      // The editor's checklist links the missing answer to its place on this page.
      const unanswered = await agent.get(url());
      assert.match(unanswered.body, new RegExp(`<div id="field-question-${fileQuestionId}"><dt>Lisäkysymys 2 \\(pakollinen\\)</dt><dd>Ei vielä vastattu`));
      const first = await upload(agent, url(), { description: 'Liite kysymykseen', purpose: String(fileQuestionId) }, { filename: 'vastaus.pdf', data: smallPdf() });
      assert.equal(first.statusCode, 303);
      const firstId = (await stored()).at(-1)!.id;
      const answer = () => db().selectFrom('application_answers').select('value').where('application_id', '=', application.id).where('question_id', '=', fileQuestionId).executeTakeFirst();
      assert.equal((await answer())?.value, String(firstId));
      assert.match((await agent.get(url())).body, new RegExp(`<div id="field-question-${fileQuestionId}"><dt>[^<]*</dt><dd><a href="${url()}/${firstId}">vastaus\\.pdf`));
      const draft = toDraft((await findApplicationDetails(db(), application.id))!);
      assert.deepEqual(checkEligibility(rules, draft).problems, []);

      // A new file replaces the one that answered before.
      const second = await upload(agent, url(), { description: 'Uusi versio', purpose: String(fileQuestionId) }, { filename: 'vastaus2.pdf', data: smallPdf('/Lang (fi) ') });
      assert.equal(second.statusCode, 303);
      const rows = await stored();
      const secondId = rows.at(-1)!.id;
      assert.equal(rows.some((r) => r.id === firstId), false);
      assert.equal((await answer())?.value, String(secondId));
      const list = await agent.get(url());
      assert.match(list.body, /Vastaus: Lisäkysymys 2/);

      // Removing it leaves the question unanswered again.
      const removed = await agent.post(`${url()}/${secondId}/remove`);
      assert.equal(removed.statusCode, 303);
      assert.equal(await answer(), undefined);

      // A partner's member may add general attachments but not answer the call's questions.
      const partner = await agentFor(t, partnerMember);
      const refused = await upload(partner, url(), { description: 'Osatoteuttaja', purpose: String(fileQuestionId) }, { filename: 'p.pdf', data: smallPdf() });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /vain päätoteuttajan organisaation jäsenet voivat vastata/);
      const general = await upload(partner, url(), { description: 'Osatoteuttajan liite' }, { filename: 'p.pdf', data: smallPdf() });
      assert.equal(general.statusCode, 303);
    });

    it('lets others than the lead organisation remove only what they added', async () => {
      const rows = await stored();
      const leads = rows.find((r) => r.uploaded_by === lead.id)!;
      const partners = rows.find((r) => r.uploaded_by === partnerMember.id)!;
      const partner = await agentFor(t, partnerMember);
      assert.equal((await partner.post(`${url()}/${leads.id}/remove`)).statusCode, 403);
      assert.equal((await partner.post(`${url()}/${partners.id}/remove`)).statusCode, 303);
      const remaining = await stored();
      assert.ok(remaining.some((r) => r.id === leads.id));
      assert.equal(remaining.some((r) => r.id === partners.id), false);
      const audit = await db().selectFrom('audit_log').select('before_json').where('action', '=', 'application.attachment-removed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(JSON.parse(audit.before_json!).attachmentId, partners.id);
    });

    it('takes nothing after the deadline or once the application is submitted', async () => {
      const closedCall = await buildCall(db(), { closesAt: '2026-11-28T09:59:59.000Z' });
      const closed = await buildApplication(db(), { call: closedCall, lead: { organisation: leadOrg }, createdBy: lead });
      const agent = await agentFor(t, lead);
      const late = await upload(agent, `${APPS}/${closed.id}/attachments`, { description: 'Myöhässä' }, { filename: 'myohassa.pdf', data: smallPdf() });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /Haku sulkeutui 28\.11\.2026 klo 11\.59, joten hakemuksen liitteitä ei voi enää muuttaa/);
      assert.equal((await db().selectFrom('attachments').select('id').where('application_id', '=', closed.id).execute()).length, 0);
      const page = await agent.get(`${APPS}/${closed.id}/attachments`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /type="file"/);

      const submitted = await buildApplication(db(), { call, lead: { organisation: leadOrg }, createdBy: lead, status: 'submitted' });
      const res = await upload(agent, `${APPS}/${submitted.id}/attachments`, { description: 'Jätetty' }, { filename: 'jatetty.pdf', data: smallPdf() });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Hakemus on jo lähetetty/);
      // Removal is refused too: the attachment stays.
      const { id } = await db()
        .insertInto('attachments')
        .values({ application_id: submitted.id, question_id: null, filename: 'a.pdf', description: '', content_type: 'application/pdf', size_bytes: 3, sha256: sha256(Buffer.from('abc')), content: Buffer.from('abc'), uploaded_by: lead.id, uploaded_at: '2026-11-20T10:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const remove = await agent.post(`${APPS}/${submitted.id}/attachments/${id}/remove`);
      assert.equal(remove.statusCode, 409);
      assert.equal((await db().selectFrom('attachments').select('id').where('id', '=', id).execute()).length, 1);
    });
  });
}
