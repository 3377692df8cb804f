import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { decisionsApplicantMessages } from '../../src/features/decisions/decisions.applicant.messages.js';
import { decisionsPublicMessages } from '../../src/features/decisions/decisions.public.messages.js';
import { formatMoney } from '../../src/i18n/format.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { decideCall, type DecidedCall } from '../helpers/decision-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

/**
 * Published decisions (DESIGN.md §3): a project is public with its grants once every council it asks
 * funding from has decided, and only if funded; the applicant sees their own decision and letter.
 */
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const SECRET = `LIIKESALAISUUS-${suffix}`;
const CONTACT = `yhteys-${suffix.toLowerCase()}@example.test`;
const pub = decisionsPublicMessages;
const own = decisionsApplicantMessages;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const dialect of testDialects()) {
  describe(`published decisions and the applicant's decision [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    /** A: funded (a fixed grant of 300,000 € over 17, 18, 19), final. B: funded by 10 and 11, 12 not yet decided. C: not fundable, final. */
    const ids = { a: 0, b: 0, c: 0 };
    let applicant: UserRow;
    let applicantB: UserRow;
    let partnerUser: UserRow;
    let decided: DecidedCall;

    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/api/') ? 'application/json' : 'text/html', ...headers } });
    const pages = (id: number) => [`/fi/haut/${id}/decisions`, `/sv/utlysningar/${id}/decisions`, `/en/calls/${id}/decisions`];

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      call = await buildClosedCall(db, { title: 'Päätöshaku' });
      const leadA = await buildOrganisation(db, { region: '17', name: 'Pohjoisen Akkuyliopisto' });
      const partnerA = await buildOrganisation(db, { region: '18', name: 'Kainuun Kehitys Oy' });
      const leadB = await buildOrganisation(db, { region: '10', name: 'Savon Vesiopisto' });
      applicant = await buildUser(db, { memberOf: [{ organisation: leadA }] });
      applicantB = await buildUser(db, { memberOf: [{ organisation: leadB }] });
      partnerUser = await buildUser(db, { memberOf: [{ organisation: partnerA }] });
      const a = await buildSubmittedApplication(db, {
        call,
        lead: { organisation: leadA },
        partners: [{ organisation: partnerA, region: '18' }, { region: '19' }],
        title: 'Akkumateriaalien kiertotalous',
        submitter: applicant,
      });
      const b = await buildSubmittedApplication(db, { call, lead: { organisation: leadB }, partners: [{ region: '11' }, { region: '12' }], title: 'Savon vesiviisaus' });
      const c = await buildSubmittedApplication(db, { call, title: 'Heikosti arvioitu hanke' });
      Object.assign(ids, { a: a.id, b: b.id, c: c.id });
      const reviewer = await buildReviewer(db, { region: '16' });
      for (const [id, score] of [[a.id, 5], [b.id, 4], [c.id, 1]] as const) await submitScores(db, await buildAssignment(db, { applicationId: id, reviewer }), {}, score);
      await db
        .insertInto('application_assessments')
        .values({ application_id: a.id, ineligible_reason: null, ineligible_by: null, ineligible_at: null, fixed_grant_cents: 30_000_000, fixed_reason: 'Matkakulut karsittu.', fixed_by: null, fixed_at: '2026-11-22T10:00:00.000Z' })
        .execute();
      // A business secret and a contact person's e-mail in the funded application: neither is public.
      await db.updateTable('application_sections').set({ body: `Salainen toteutustapa ${SECRET}`, is_secret: 1 }).where('application_id', '=', a.id).where('section', '=', 'implementation').execute();
      await db.updateTable('application_partners').set({ contact_email: CONTACT }).where('application_id', '=', a.id).execute();
      await startReview(db, call);
      decided = await decideCall(db, call.id, ['17', '18', '19', '10', '11']);
    });
    after(async () => t?.close());

    it('the API lists only the final funded project, with each council’s grant and decision', async () => {
      const res = await get(`/api/v1/calls/${call.id}/decisions`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      const body = res.json();
      assert.deepEqual(
        body.projects.map((p: { applicationId: number }) => p.applicationId),
        [ids.a],
        'B awaits council 12; C was not funded',
      );
      const [project] = body.projects;
      assert.equal(project.title, 'Akkumateriaalien kiertotalous');
      assert.equal(project.leadOrganisation, 'Pohjoisen Akkuyliopisto');
      assert.deepEqual(project.regions, ['17', '18', '19']);
      assert.equal(project.grantedCents, 30_000_000);
      assert.deepEqual(project.grants, ['17', '18', '19'].map((r) => ({ regionCode: r, grantedCents: 10_000_000, decisionNumber: `${r}/2026/${call.id}`, decisionDate: '2026-11-27' })));
      assert.equal(project.finalAt, '2026-11-27T12:00:00.000Z');

      const council = (code: string) => body.councils.find((c: { regionCode: string }) => c.regionCode === code);
      assert.deepEqual(council('17'), { regionCode: '17', budgetCents: 30_000_000, grantedCents: 10_000_000, decision: { number: `17/2026/${call.id}`, date: '2026-11-27', maker: 'Maakuntahallitus 17' } });
      // Council 10 has decided, but B's outcome is not final: its grant is not yet public.
      assert.equal(council('10').grantedCents, 0);
      assert.equal(council('10').decision.number, `10/2026/${call.id}`);
      assert.equal(council('12').decision, null);
      assert.equal(body.grantedCents, 30_000_000);
      assert.equal(body.totalBudgetCents, 7 * 30_000_000);
    });

    it('the page shows the councils’ decisions and the funded project in Finnish, Swedish and English', async () => {
      for (const [i, url] of pages(call.id).entries()) {
        const locale = (['fi', 'sv', 'en'] as const)[i]!;
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        const body = res.body;
        assert.ok(body.includes('Akkumateriaalien kiertotalous'), `${url} lists A`);
        assert.ok(!body.includes('Savon vesiviisaus'), `${url} does not list B before it is final`);
        assert.ok(!body.includes('Heikosti arvioitu hanke'), `${url} does not list C, which was not funded`);
        assert.ok(body.includes(formatMoney(10_000_000, locale, { wholeEuros: true })), `${url} shows a council's grant`);
        assert.ok(body.includes(formatMoney(30_000_000, locale, { wholeEuros: true })), `${url} shows the project's total`);
        assert.ok(body.includes(`18/2026/${call.id}`), `${url} shows Kainuu's decision number`);
        assert.ok(body.includes(html(pub[locale].notDecided)), `${url} says council 12 has not decided`);
        assert.ok(body.includes('Pohjoisen Akkuyliopisto'), `${url} names the lead partner`);
      }
    });

    it('never shows a business secret or a contact person’s e-mail of a funded application', async () => {
      const db = t.database.db;
      const secret = await db.selectFrom('application_sections').select('body').where('application_id', '=', ids.a).where('is_secret', '=', 1).execute();
      assert.ok(secret.some((s) => s.body.includes(SECRET)), 'the marker is stored in a secret section');
      const contacts = await db.selectFrom('application_partners').select('contact_email').where('application_id', '=', ids.a).execute();
      assert.ok(contacts.every((c) => c.contact_email === CONTACT), 'the marker is every partner’s contact e-mail');
      const urls = [...pages(call.id), `/api/v1/calls/${call.id}/decisions`];
      for (const url of urls) {
        const body = (await get(url)).body;
        assert.ok(body.includes('Akkumateriaalien kiertotalous'), `${url} shows the project`);
        assert.ok(!body.includes(SECRET), `${url} must not contain the business secret`);
        assert.ok(!body.includes(CONTACT), `${url} must not contain the contact e-mail`);
      }
    });

    it('says plainly when no decision has been made, and when none is final yet', async () => {
      const db = t.database.db;
      const { call: other } = await buildReviewedCall(db, { count: 1 });
      const url = `/fi/haut/${other.id}/decisions`;
      assert.ok((await get(url)).body.includes(html(pub.fi.nothingDecided)));
      await decideCall(db, other.id, ['17']);
      const page = (await get(url)).body;
      assert.ok(page.includes(html(pub.fi.noneFinal)));
      const api = (await get(`/api/v1/calls/${other.id}/decisions`)).json();
      assert.deepEqual(api.projects, []);
      assert.equal(api.grantedCents, 0);
      assert.equal(api.councils.find((c: { regionCode: string }) => c.regionCode === '17').decision.number, `17/2026/${other.id}`);
    });

    it('a draft or unknown call has no decisions page: 404, and CALL_NOT_FOUND as problem details in the API', async () => {
      const draft = await buildCall(t.database.db, { status: 'draft' });
      for (const id of [draft.id, 999_999]) {
        assert.equal((await get(`/fi/haut/${id}/decisions`)).statusCode, 404);
        const res = await get(`/api/v1/calls/${id}/decisions`);
        assert.equal(res.statusCode, 404);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.json().code, 'CALL_NOT_FOUND');
      }
    });

    it('the call page links to the decisions once the call is in review, not while it is open', async () => {
      const link = `href="/fi/haut/${call.id}/decisions"`;
      assert.ok((await get(`/fi/haut/${call.id}`)).body.includes(link));
      const open = await buildCall(t.database.db);
      assert.ok(!(await get(`/fi/haut/${open.id}`)).body.includes(`/fi/haut/${open.id}/decisions`));
    });

    it('answers 304 to a client that has the same content', async () => {
      const url = `/api/v1/calls/${call.id}/decisions`;
      const etag = String((await get(url)).headers.etag);
      assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304);
    });

    it('documents the route in the OpenAPI document under calls', async () => {
      const doc = (await get('/api/openapi.json')).json();
      const route = doc.paths['/api/v1/calls/{id}/decisions']?.get;
      assert.ok(route, 'the route is documented');
      assert.deepEqual(route.tags, ['calls']);
      assert.ok(route.responses['200'] && route.responses['404']);
    });

    it('the applicant sees the final decision, each council’s decision, and downloads the letter byte for byte', async () => {
      const agent = await agentFor(t, applicant);
      const receipt = await agent.get(`/fi/hakemukset/${ids.a}/receipt`);
      assert.ok(receipt.body.includes(`href="/fi/hakemukset/${ids.a}/decision"`), 'the receipt links to the decision');
      const page = await agent.get(`/fi/hakemukset/${ids.a}/decision`);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(own.fi.outcomes.funded));
      for (const r of ['17', '18', '19']) assert.ok(page.body.includes(`${r}/2026/${call.id}`), `decision of council ${r}`);
      assert.ok(page.body.includes('Maakuntahallitus 18'));
      assert.ok(page.body.includes(formatMoney(11_200_000, 'fi')), 'the share applied for');
      assert.ok(page.body.includes(formatMoney(10_000_000, 'fi')), 'the share granted');
      assert.ok(page.body.includes(`href="/fi/hakemukset/${ids.a}/decision/letter"`));

      const letter = decided.letters.get(ids.a);
      assert.ok(letter);
      const download = await agent.get(`/fi/hakemukset/${ids.a}/decision/letter`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match(String(download.headers['content-disposition']), /^attachment;/);
      assert.ok(String(download.headers['content-disposition']).includes(encodeURIComponent(letter.filename)));
      assert.ok(download.rawPayload.equals(letter.content), 'the letter is the stored one, byte for byte');
    });

    it('before the outcome is final the applicant sees which councils have decided, and the letter is not found', async () => {
      const agent = await agentFor(t, applicantB);
      const page = (await agent.get(`/en/applications/${ids.b}/decision`)).body;
      assert.ok(page.includes(html(own.en.decided('27 November 2026', `10/2026/${call.id}`))));
      assert.ok(page.includes(html(own.en.decided('27 November 2026', `11/2026/${call.id}`))));
      assert.ok(page.includes(own.en.notDecided));
      assert.ok(!page.includes(`/en/applications/${ids.b}/decision/letter`));
      const letter = await agent.get(`/en/applications/${ids.b}/decision/letter`, { accept: 'application/json' });
      assert.equal(letter.statusCode, 404);
      assert.equal(letter.json().code, 'LETTER_NOT_FOUND');
    });

    it('a user of another organisation – even a partner’s – is refused the decision and the letter', async () => {
      const agent = await agentFor(t, partnerUser);
      assert.equal((await agent.get(`/fi/hakemukset/${ids.a}/decision`)).statusCode, 403);
      assert.equal((await agent.get(`/fi/hakemukset/${ids.a}/decision/letter`)).statusCode, 403);
      assert.equal((await (await agentFor(t, applicantB)).get(`/fi/hakemukset/${ids.a}/decision/letter`)).statusCode, 403);
    });
  });
}
