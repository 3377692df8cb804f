import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { locales } from '../../src/i18n/locales.js';
import { pagePath } from '../../src/http/page-paths.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

const reviewPage = (callId: number, ...rest: string[]) => pagePath('fi', 'adminCalls', String(callId), 'review', ...rest);
const reviewerPage = (...rest: string[]) => pagePath('fi', 'reviews', ...rest);

for (const dialect of testDialects()) {
  describe(`review assignments: by hand, removal, declarations and what reviewers see [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: UserRow;
    const db = () => t.database.db;

    before(async () => {
      t = await buildTestApp(dialect);
      officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
    });
    after(async () => t?.close());

    /** A call in review with one submitted application led by `lead` (a new organisation by default). */
    async function callInReview(lead?: OrganisationRow): Promise<{ call: CallRow; applicationId: number }> {
      const call = await buildClosedCall(db());
      const application = await buildSubmittedApplication(db(), { call, ...(lead ? { lead: { organisation: lead } } : {}), title: 'Akkumateriaalien kierto' });
      await startReview(db(), call);
      return { call, applicationId: application.id };
    }

    const assignmentsOf = (applicationId: number) => db().selectFrom('review_assignments').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
    const auditOf = (action: string, entityId: number) =>
      db().selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', String(entityId)).execute();

    it('assigns a reviewer by hand: awaiting declaration, audited, and one e-mail in the reviewer’s language linking to their reviews', async () => {
      const { call, applicationId } = await callInReview();
      const reviewer = await buildReviewer(db(), { name: 'Sara Bedömare', locale: 'sv', region: '10' });
      const agent = await agentFor(t, officer);
      const res = await agent.post(reviewPage(call.id, 'assign'), { application_id: String(applicationId), [`reviewer_${applicationId}`]: String(reviewer.id) });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reviewPage(call.id)}?done=assigned&name=Sara%20Bed%C3%B6mare#application-${applicationId}`);

      const [row] = await assignmentsOf(applicationId);
      assert.deepEqual([row!.reviewer_id, row!.method, row!.status, row!.assigned_by], [reviewer.id, 'manual', 'awaiting-declaration', officer.id]);
      const [audit] = await auditOf('review.assigned', row!.id);
      assert.deepEqual(JSON.parse(audit!.after_json!), { callId: call.id, applicationId, reviewerId: reviewer.id, method: 'manual', status: 'awaiting-declaration', barredReason: null });
      const mails = await db().selectFrom('email_messages').selectAll().where('user_id', '=', reviewer.id).execute();
      assert.equal(mails.length, 1);
      assert.deepEqual([mails[0]!.purpose, mails[0]!.locale], ['review-assigned', 'sv']);
      assert.match(mails[0]!.body_text, /du har utsetts att bedöma en ansökan/);
      assert.ok(mails[0]!.body_text.includes('http://s3.test/sv/bedomningar'));

      const page = await agent.get(res.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Sara Bedömare on määrätty arvioijaksi\./);
      assert.match(page.body, /<th scope="row">Sara Bedömare<\/th><td>Etelä-Savo<\/td><td>Käsin<\/td><td><span class="tag tag--pending">Odottaa esteellisyysilmoitusta<\/span>/);
    });

    it('records a member of a partner organisation as barred, tells the officer, and counts them neither in load nor in expected reviews', async () => {
      const lead = await buildOrganisation(db(), { region: '17' });
      const { call, applicationId } = await callInReview(lead);
      const member = await buildReviewer(db(), { name: 'Pekka Jäsen', memberOf: [lead] });
      const agent = await agentFor(t, officer);
      const form = await agent.get(reviewPage(call.id));
      assert.match(form.body, new RegExp(`<option value="${member.id}">Pekka Jäsen \\(Pohjois-Karjala\\) – osatoteuttajan jäsen, esteellinen</option>`));

      const res = await agent.post(reviewPage(call.id, 'assign'), { application_id: String(applicationId), [`reviewer_${applicationId}`]: String(member.id) });
      assert.equal(res.statusCode, 303);
      const [row] = await assignmentsOf(applicationId);
      assert.deepEqual([row!.status, row!.barred_reason], ['barred', 'partner-member']);
      assert.equal((await auditOf('review.assigned', row!.id)).length, 1);
      assert.equal((await db().selectFrom('email_messages').select('id').where('user_id', '=', member.id).execute()).length, 0);
      const page = await agent.get(res.headers.location as string);
      assert.match(page.body, /Pekka Jäsen on hakemuksen osatoteuttajaorganisaation jäsen, joten hän on esteellinen\./);
      assert.match(page.body, /Estetty: osatoteuttajan jäsen/);
      assert.match(page.body, /<th scope="row">Pekka Jäsen<\/th><td>Pohjois-Karjala<\/td><td class="numeric">0<\/td>/);

      // One cleared reviewer who has submitted is all the application needs: the barred one is not waited for.
      await submitScores(db(), await buildAssignment(db(), { applicationId, reviewer: await buildReviewer(db()) }));
      const assessed = await assessCall(db(), call.id);
      assert.equal(assessed!.applications.find((a) => a.applicationId === applicationId)!.standing, 'fundable');
    });

    it('refuses the same reviewer twice on one application at the field, keeping the choice', async () => {
      const { call, applicationId } = await callInReview();
      const reviewer = await buildReviewer(db(), { name: 'Kaisa Kahdesti' });
      await buildAssignment(db(), { applicationId, reviewer, status: 'awaiting-declaration' });
      const agent = await agentFor(t, officer);
      const res = await agent.post(reviewPage(call.id, 'assign'), { application_id: String(applicationId), [`reviewer_${applicationId}`]: String(reviewer.id) });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, new RegExp(`<a href="#field-reviewer_${applicationId}">Valittu asiantuntija on jo tämän hakemuksen arvioija\\.</a>`));
      const empty = await agent.post(reviewPage(call.id, 'assign'), { application_id: String(applicationId), [`reviewer_${applicationId}`]: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Valitse asiantuntija, joka lisätään arvioijaksi\./);
      assert.equal((await assignmentsOf(applicationId)).length, 1);
    });

    it('removes an assignment without submitted scores, audited; one with submitted scores stays (409)', async () => {
      const { call, applicationId } = await callInReview();
      const waiting = await buildAssignment(db(), { applicationId, reviewer: await buildReviewer(db()), status: 'awaiting-declaration' });
      const submitted = await buildAssignment(db(), { applicationId, reviewer: await buildReviewer(db()) });
      await submitScores(db(), submitted);
      const agent = await agentFor(t, officer);
      const removed = await agent.post(reviewPage(call.id, 'assignments', String(waiting), 'remove'));
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, `${reviewPage(call.id)}?done=removed`);
      assert.equal((await auditOf('review.assignment-removed', waiting)).length, 1);

      const refused = await agent.post(reviewPage(call.id, 'assignments', String(submitted), 'remove'));
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Arvioijaa ei voi poistaa, koska hän on jo lähettänyt arvionsa\./);
      assert.deepEqual((await assignmentsOf(applicationId)).map((a) => a.id), [submitted]);
      const page = await agent.get(reviewPage(call.id));
      assert.doesNotMatch(page.body, new RegExp(`assignments/${submitted}/remove`));
    });

    it('keeps a disqualified reviewer on record: no remove button, and a forced removal is refused (409)', async () => {
      const { call, applicationId } = await callInReview();
      const disqualified = await buildAssignment(db(), { applicationId, reviewer: await buildReviewer(db()), status: 'disqualified' });
      const agent = await agentFor(t, officer);
      const page = await agent.get(reviewPage(call.id));
      assert.doesNotMatch(page.body, new RegExp(`assignments/${disqualified}/remove`));
      const refused = await agent.post(reviewPage(call.id, 'assignments', String(disqualified), 'remove'));
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Esteellisyysmerkintää ei poisteta/);
      assert.deepEqual((await assignmentsOf(applicationId)).map((a) => a.id), [disqualified]);
    });

    it('changes nothing once the funding proposal is confirmed, and says why (409)', async () => {
      const { call, applicationId } = await callInReview();
      const waiting = await buildAssignment(db(), { applicationId, reviewer: await buildReviewer(db()), status: 'awaiting-declaration' });
      const reviewer = await buildReviewer(db());
      await db().insertInto('funding_proposals').values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: officer.id, confirmed_at: '2026-11-27T10:00:00.000Z' }).execute();
      const agent = await agentFor(t, officer);
      const phase = /Rahoitusehdotus on vahvistettu, joten arvioijia ei voi enää lisätä eikä poistaa\./;
      const assign = await agent.post(reviewPage(call.id, 'assign'), { application_id: String(applicationId), [`reviewer_${applicationId}`]: String(reviewer.id) });
      assert.equal(assign.statusCode, 409);
      assert.match(assign.body, phase);
      const automatic = await agent.post(reviewPage(call.id, 'automatic'), { per_application: '2' });
      assert.equal(automatic.statusCode, 409);
      const remove = await agent.post(reviewPage(call.id, 'assignments', String(waiting), 'remove'));
      assert.equal(remove.statusCode, 409);
      assert.deepEqual((await assignmentsOf(applicationId)).map((a) => a.id), [waiting]);
      const page = await agent.get(reviewPage(call.id));
      assert.match(page.body, phase);
      assert.doesNotMatch(page.body, /name="per_application"|\/review\/assign"/);
    });

    it('lets reviewers be assigned only after the officers have started the review', async () => {
      const call = await buildClosedCall(db());
      const application = await buildSubmittedApplication(db(), { call });
      const agent = await agentFor(t, officer);
      const page = await agent.get(reviewPage(call.id));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Hakuaika on päättynyt\. Aloita arviointi haun yleissivulta, niin voit määrätä arvioijat\./);
      assert.match(page.body, new RegExp(`href="${pagePath('fi', 'adminCalls', String(call.id))}">Haun yleissivulle`));
      const automatic = await agent.post(reviewPage(call.id, 'automatic'), { per_application: '2' });
      assert.equal(automatic.statusCode, 409);
      assert.equal((await assignmentsOf(application.id)).length, 0);
    });

    it('refuses a number per application outside 1–5 at the field, keeping what was typed', async () => {
      const { call } = await callInReview();
      const agent = await agentFor(t, officer);
      for (const typed of ['0', '6', 'kolme', '']) {
        const res = await agent.post(reviewPage(call.id, 'automatic'), { per_application: typed });
        assert.equal(res.statusCode, 400, typed);
        assert.match(res.body, /<a href="#field-per_application">Anna arvioijien määrä hakemusta kohden lukuna 1–5\.<\/a>/);
        assert.match(res.body, new RegExp(`name="per_application" type="text" value${typed === '' ? '' : `="${typed}"`} `));
      }
    });

    it('clears a reviewer who declares no grounds and sends them to scoring; the audit entry holds no note text', async () => {
      const { applicationId } = await callInReview();
      const reviewer = await buildReviewer(db());
      const assignmentId = await buildAssignment(db(), { applicationId, reviewer, status: 'awaiting-declaration' });
      const agent = await agentFor(t, reviewer);
      const form = await agent.get(reviewerPage(String(assignmentId)));
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Mikään näistä ei koske minua\. En ole esteellinen arvioimaan tätä hakemusta\./);
      const res = await agent.post(reviewerPage(String(assignmentId), 'declaration'), { grounds: 'none', note: 'Tunnen hankkeen vetäjän vain nimeltä.' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, reviewerPage(String(assignmentId), 'scores'));
      const [row] = await assignmentsOf(applicationId);
      assert.deepEqual([row!.status, row!.disqualification_grounds, row!.declaration_note, row!.declared_at], ['cleared', '[]', 'Tunnen hankkeen vetäjän vain nimeltä.', '2026-11-28T10:00:00.000Z']);
      const [audit] = await auditOf('review.declared', assignmentId);
      assert.deepEqual(JSON.parse(audit!.after_json!), { applicationId, status: 'cleared', grounds: [], note: true });
      const again = await agent.get(reviewerPage(String(assignmentId)));
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, reviewerPage(String(assignmentId), 'scores'));
    });

    it('disqualifies a reviewer who declares grounds, with the grounds and note, and shows them only the public facts', async () => {
      const { applicationId } = await callInReview();
      const reviewer = await buildReviewer(db());
      const assignmentId = await buildAssignment(db(), { applicationId, reviewer, status: 'awaiting-declaration' });
      const agent = await agentFor(t, reviewer);
      const res = await agent.post(reviewerPage(String(assignmentId), 'declaration'), { grounds: ['other', 'employment'], note: 'Olen hakijan palveluksessa.' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${reviewerPage(String(assignmentId))}?declared=1`);
      const [row] = await assignmentsOf(applicationId);
      assert.deepEqual([row!.status, JSON.parse(row!.disqualification_grounds!), row!.declaration_note], ['disqualified', ['employment', 'other'], 'Olen hakijan palveluksessa.']);
      const page = await agent.get(res.headers.location as string);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Olet esteellinen: Akkumateriaalien kierto<\/h1>/);
      assert.match(page.body, /Ilmoituksesi on tallennettu\./);
      assert.match(page.body, /Olen työ- tai virkasuhteessa tai toimeksiantosuhteessa hakijaan/);
      const scores = await agent.get(reviewerPage(String(assignmentId), 'scores'));
      assert.notEqual(scores.statusCode, 200);
      const officerView = await (await agentFor(t, officer)).get(reviewPage((await db().selectFrom('applications').select('call_id').where('id', '=', applicationId).executeTakeFirstOrThrow()).call_id));
      assert.match(officerView.body, /Perusteet: palvelus- tai toimeksiantosuhde, muu erityinen syy<br\/>Lisätieto: Olen hakijan palveluksessa\./);
    });

    it('refuses a declaration without a choice, or with both a ground and “none”, at the field, keeping the ticks', async () => {
      const { applicationId } = await callInReview();
      const reviewer = await buildReviewer(db());
      const assignmentId = await buildAssignment(db(), { applicationId, reviewer, status: 'awaiting-declaration' });
      const agent = await agentFor(t, reviewer);
      const nothing = await agent.post(reviewerPage(String(assignmentId), 'declaration'), { note: 'Mietin vielä.' });
      assert.equal(nothing.statusCode, 400);
      assert.match(nothing.body, /<a href="#field-grounds">Valitse kohdat, jotka koskevat sinua, tai valitse ”Mikään näistä ei koske minua”\.<\/a>/);
      assert.match(nothing.body, /Mietin vielä\.<\/textarea>/);
      const both = await agent.post(reviewerPage(String(assignmentId), 'declaration'), { grounds: ['party', 'none'] });
      assert.equal(both.statusCode, 400);
      assert.match(both.body, /Valitsit sekä esteellisyysperusteen että kohdan/);
      assert.match(both.body, /value="party" checked/);
      assert.equal((await assignmentsOf(applicationId))[0]!.status, 'awaiting-declaration');
    });

    it('shows a reviewer who has not declared, is disqualified or is barred no business secret and no contact e-mail, in any page or language', async () => {
      const lead = await buildOrganisation(db(), { region: '17', name: 'Kiertotalouden Tutkimus Oy' });
      const { applicationId } = await callInReview(lead);
      const secret = (await db().selectFrom('application_sections').select('body').where('application_id', '=', applicationId).where('is_secret', '=', 1).executeTakeFirstOrThrow()).body;
      const contacts = (await db().selectFrom('application_partners').select('contact_email').where('application_id', '=', applicationId).execute()).map((p) => p.contact_email);
      assert.ok(contacts.length >= 3 && contacts.every((c) => c.includes('@')));
      const waiting = await buildReviewer(db());
      const disqualified = await buildReviewer(db());
      const barred = await buildReviewer(db(), { memberOf: [lead] });
      const ids = [
        [waiting, await buildAssignment(db(), { applicationId, reviewer: waiting, status: 'awaiting-declaration' })],
        [disqualified, await buildAssignment(db(), { applicationId, reviewer: disqualified, status: 'disqualified' })],
        [barred, await buildAssignment(db(), { applicationId, reviewer: barred, status: 'barred' })],
      ] as const;
      for (const [reviewer, assignmentId] of ids) {
        const agent = await agentFor(t, reviewer);
        for (const locale of locales) {
          const pages = ['', String(assignmentId), `${assignmentId}/scores`].map((rest) => (rest ? `${pagePath(locale, 'reviews')}/${rest}` : pagePath(locale, 'reviews')));
          for (const url of pages) {
            const res = await agent.get(url);
            assert.ok(!res.body.includes(secret), `${url} shows the secret section`);
            for (const email of contacts) assert.ok(!res.body.includes(email), `${url} shows ${email}`);
          }
          // The pages did render: the public facts are there.
          const own = await agent.get(`${pagePath(locale, 'reviews')}/${assignmentId}`);
          assert.equal(own.statusCode, 200);
          assert.match(own.body, /Akkumateriaalien kierto/);
          assert.match(own.body, /Kiertotalouden Tutkimus Oy/);
          assert.match(own.body, /Hankkeen julkinen tiivistelmä\./);
        }
      }
      // The same check finds the secret where it is shown: on the scoring page of a cleared reviewer.
      const cleared = await buildReviewer(db());
      const clearedId = await buildAssignment(db(), { applicationId, reviewer: cleared });
      const scoring = await (await agentFor(t, cleared)).get(reviewerPage(String(clearedId), 'scores'));
      assert.equal(scoring.statusCode, 200);
      assert.ok(scoring.body.includes(secret));
    });

    it('refuses another reviewer’s assignment (404) and officers the reviewer’s pages (403)', async () => {
      const { applicationId } = await callInReview();
      const owner = await buildReviewer(db());
      const assignmentId = await buildAssignment(db(), { applicationId, reviewer: owner, status: 'awaiting-declaration' });
      const other = await agentFor(t, await buildReviewer(db()));
      assert.equal((await other.get(reviewerPage(String(assignmentId)))).statusCode, 404);
      assert.equal((await other.post(reviewerPage(String(assignmentId), 'declaration'), { grounds: 'none' })).statusCode, 404);
      assert.equal((await (await agentFor(t, officer)).get(reviewerPage(String(assignmentId)))).statusCode, 403);
      assert.equal((await assignmentsOf(applicationId))[0]!.status, 'awaiting-declaration');
    });

    it('lists a reviewer’s assignments by call with what to do next, in three languages', async () => {
      const { call, applicationId } = await callInReview();
      const reviewer = await buildReviewer(db());
      const assignmentId = await buildAssignment(db(), { applicationId, reviewer, status: 'awaiting-declaration' });
      const agent = await agentFor(t, reviewer);
      const expected = {
        fi: [/<h1>Omat arvioinnit<\/h1>/, new RegExp(`<h2 id="call-${call.id}">Testihaku`), /Tee esteellisyysilmoitus/],
        sv: [/<h1>Mina bedömningar<\/h1>/, new RegExp(`<h2 id="call-${call.id}">Testutlysning`), /Gör en jävsanmälan/],
        en: [/<h1>My reviews<\/h1>/, new RegExp(`<h2 id="call-${call.id}">Test call`), /Make your declaration/],
      } as const;
      for (const locale of locales) {
        const res = await agent.get(pagePath(locale, 'reviews'));
        assert.equal(res.statusCode, 200);
        for (const pattern of expected[locale]) assert.match(res.body, pattern, locale);
        assert.ok(res.body.includes(`href="${pagePath(locale, 'reviews', String(assignmentId))}"`), locale);
      }
      // Experts find the page from their account.
      const account = await agent.get(pagePath('fi', 'account'));
      assert.match(account.body, /<a href="\/fi\/arvioinnit">Omat arvioinnit<\/a>/);
      assert.doesNotMatch((await (await agentFor(t, officer)).get(pagePath('fi', 'account'))).body, /\/fi\/arvioinnit/);
    });

    it('shows the officers’ review page in three languages', async () => {
      const { call } = await callInReview();
      const agent = await agentFor(t, officer);
      const titles = { fi: 'Arviointi: Testihaku', sv: 'Bedömning: Testutlysning', en: 'Review: Test call' } as const;
      for (const locale of locales) {
        const res = await agent.get(pagePath(locale, 'adminCalls', String(call.id), 'review'));
        assert.equal(res.statusCode, 200);
        assert.match(res.body, new RegExp(`<h1>${titles[locale]} \\d+</h1>`));
        assert.match(res.body, /aria-current="page"/);
      }
    });
  });

  describe(`review assignments: automatic [${dialect.name}]`, { skip: dialect.skip }, () => {
    // A database of its own per test: the pool is every expert of the service, so each test states it whole.
    let t: TestApp;
    let officer: UserRow;
    const db = () => t.database.db;
    beforeEach(async () => {
      t = await buildTestApp(dialect, { demo: false });
      officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
    });
    afterEach(async () => t?.close());

    it('fills each application to the number asked, spreads the load, prefers reviewers from regions not involved, and mails each reviewer once', async () => {
      const call = await buildClosedCall(db());
      const leads = [await buildOrganisation(db(), { region: '17' }), await buildOrganisation(db(), { region: '17' }), await buildOrganisation(db(), { region: '17' })];
      // Each application involves Pohjois-Pohjanmaa (17), Kainuu (18) and Lappi (19).
      const apps = [];
      for (const lead of leads) apps.push((await buildSubmittedApplication(db(), { call, lead: { organisation: lead } })).id);
      await startReview(db(), call);
      const a = await buildReviewer(db(), { name: 'A Oulu', region: '17' });
      const b = await buildReviewer(db(), { name: 'B Mikkeli', region: '10' });
      const c = await buildReviewer(db(), { name: 'C Kuopio', region: '11' });
      const d = await buildReviewer(db(), { name: 'D Joensuu', region: '12' });
      const member = await buildReviewer(db(), { name: 'E Jäsen', region: '16', memberOf: [leads[0]!, leads[1]!, leads[2]!] });

      const agent = await agentFor(t, officer);
      const res = await agent.post(pagePath('fi', 'adminCalls', String(call.id), 'review', 'automatic'), { per_application: '2' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${pagePath('fi', 'adminCalls', String(call.id), 'review')}?done=automatic&added=6&mailed=4&n=2`);
      const rows = await db().selectFrom('review_assignments').select(['application_id', 'reviewer_id', 'method', 'status']).orderBy('id').execute();
      // 1st: B and C (load 0, not involved). 2nd: D (load 0, not involved), then A (the only one left at load 0).
      // 3rd: everyone has 1; B and C are not involved. E is a member of every lead partner and is never taken.
      assert.deepEqual(
        rows.map((r) => [r.application_id, r.reviewer_id]),
        [
          [apps[0], b.id],
          [apps[0], c.id],
          [apps[1], d.id],
          [apps[1], a.id],
          [apps[2], b.id],
          [apps[2], c.id],
        ],
      );
      assert.ok(rows.every((r) => r.method === 'automatic' && r.status === 'awaiting-declaration'));
      assert.ok(!rows.some((r) => r.reviewer_id === member.id));
      const mails = await db().selectFrom('email_messages').select(['user_id', 'body_text']).where('purpose', '=', 'review-assigned').orderBy('user_id').execute();
      assert.deepEqual(mails.map((m) => m.user_id), [a.id, b.id, c.id, d.id]);
      assert.match(mails.find((m) => m.user_id === b.id)!.body_text, /arvioimaan 2 hakemusta/);
      const audit = await db().selectFrom('audit_log').select('after_json').where('action', '=', 'review.assigned-automatically').execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]!.after_json!).assignments.length, 6);

      const page = await agent.get(res.headers.location as string);
      assert.match(page.body, /Arvioijia määrättiin 6\. Ilmoitus lähetettiin sähköpostilla 4 asiantuntijalle\./);
      assert.match(page.body, /<th scope="row">B Mikkeli<\/th><td>Etelä-Savo<\/td><td class="numeric">2<\/td>/);
      assert.match(page.body, /<th scope="row">A Oulu<\/th><td>Pohjois-Pohjanmaa<\/td><td class="numeric">1<\/td>/);
    });

    it('adds on a second run only what is missing, and says which places it cannot fill and why', async () => {
      const call = await buildClosedCall(db());
      const lead = await buildOrganisation(db(), { region: '17' });
      const application = await buildSubmittedApplication(db(), { call, lead: { organisation: lead } });
      await startReview(db(), call);
      const first = await buildReviewer(db(), { region: '10' });
      await buildReviewer(db(), { region: '12', memberOf: [lead] });
      const agent = await agentFor(t, officer);
      const url = pagePath('fi', 'adminCalls', String(call.id), 'review', 'automatic');
      const once = await agent.post(url, { per_application: '3' });
      assert.equal(once.headers.location, `${pagePath('fi', 'adminCalls', String(call.id), 'review')}?done=automatic&added=1&mailed=1&n=3`);
      const page = await agent.get(once.headers.location as string);
      assert.match(page.body, /Arvioijia puuttuu 2\. Muita sopivia asiantuntijoita ei ole\. Asiantuntijoita yhteensä: 2; arvioi hakemusta: 1; osatoteuttajan jäseniä: 1; ilmoittanut olevansa esteellinen: 0\./);

      const second = await buildReviewer(db(), { region: '11' });
      const twice = await agent.post(url, { per_application: '3' });
      assert.match(twice.headers.location as string, /added=1&mailed=1&n=3$/);
      const rows = await db().selectFrom('review_assignments').select('reviewer_id').where('application_id', '=', application.id).orderBy('id').execute();
      assert.deepEqual(rows.map((r) => r.reviewer_id), [first.id, second.id]);
      const none = await agent.post(url, { per_application: '2' });
      const after = await agent.get(none.headers.location as string);
      assert.match(after.body, /Uusia arvioijia ei määrätty/);
      assert.equal((await db().selectFrom('audit_log').select('seq').where('action', '=', 'review.assigned-automatically').execute()).length, 2);
    });
  });
}
