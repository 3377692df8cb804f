import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import type { CallRow, CriterionKind, UserRow } from '../../src/db/schema.js';
import { fraction } from '../../src/domain/fraction.js';
import { findApplicationDetails } from '../../src/features/applications/applications.repository.js';
import { insertAttachment } from '../../src/features/applications/attachments.repository.js';
import { findCallDetails } from '../../src/features/calls/calls.repository.js';
import { buildSnapshot, sealSnapshot } from '../../src/features/applications/submission.snapshot.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { pagePath } from '../../src/http/page-paths.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

const scoresPath = (assignmentId: number) => pagePath('fi', 'reviews', String(assignmentId), 'scores');
const reviewPath = (callId: number, applicationId: number, ...rest: string[]) =>
  pagePath('fi', 'adminCalls', String(callId), 'review', 'applications', String(applicationId), ...rest);

/** A radio button of the form, chosen. */
const chosen = (name: string, value: string) => new RegExp(`name="${name}"[^>]*value="${value}"[^>]*checked`);

interface Scene {
  call: CallRow;
  applicationId: number;
  /** The call's criteria by kind (buildCall makes one of each: general, content ×3, specifying ×2, horizontal ×1). */
  criterion: Record<CriterionKind, number>;
}

async function reviewScene(db: Db): Promise<Scene> {
  const call = await buildClosedCall(db);
  const application = await buildSubmittedApplication(db, { call });
  await startReview(db, call);
  const rows = await db.selectFrom('call_criteria').select(['id', 'kind']).where('call_id', '=', call.id).execute();
  const criterion = Object.fromEntries(rows.map((r) => [r.kind, r.id])) as Record<CriterionKind, number>;
  return { call, applicationId: application.id, criterion };
}

/** A complete review as the form posts it. */
function completeReview(c: Scene['criterion'], comment = 'Perusteltu arvio.', action = 'submit'): Record<string, string> {
  return {
    [`score_${c.general}`]: '1',
    [`comment_${c.general}`]: `Sopii strategiaan. ${comment}`,
    [`score_${c.content}`]: '4',
    [`comment_${c.content}`]: `Vahva yhteistyö. ${comment}`,
    [`score_${c.specifying}`]: '3',
    [`comment_${c.specifying}`]: `Toteutettavissa. ${comment}`,
    [`score_${c.horizontal}`]: '2',
    [`comment_${c.horizontal}`]: `Kestävyys huomioitu. ${comment}`,
    independent: '1',
    action,
  };
}

for (const dialect of testDialects()) {
  describe(`reviewers' scores and the officers' view of a review [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let db: Db;
    before(async () => {
      t = await buildTestApp(dialect);
      db = t.database.db;
    });
    after(async () => t?.close());

    const officerOf = (region = '17') => buildUser(db, { roles: [{ role: 'officer', region }] });
    const storedScores = (assignmentId: number) =>
      db.selectFrom('review_scores').select(['criterion_id', 'score', 'comment']).where('assignment_id', '=', assignmentId).orderBy('criterion_id').execute();

    it('saves a draft the reviewer comes back to, then submits it: final, stamped and audited', async () => {
      const s = await reviewScene(db);
      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      const agent = await agentFor(t, reviewer);

      const draft = await agent.post(scoresPath(assignmentId), { [`score_${s.criterion.content}`]: '4', [`comment_${s.criterion.content}`]: 'Alustava arvio.', action: 'save' });
      assert.equal(draft.statusCode, 303);
      assert.equal(draft.headers.location, `${scoresPath(assignmentId)}?done=saved#scoring`);
      const page = await agent.get(scoresPath(assignmentId));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, chosen(`score_${s.criterion.content}`, '4'));
      assert.match(page.body, /Alustava arvio\./);
      assert.equal((await db.selectFrom('audit_log').select('seq').where('action', '=', 'review.scores-submitted').where('entity_id', '=', String(s.applicationId)).execute()).length, 0);

      const submitted = await agent.post(scoresPath(assignmentId), completeReview(s.criterion));
      assert.equal(submitted.statusCode, 303);
      assert.equal(submitted.headers.location, `${scoresPath(assignmentId)}?done=submitted#scoring`);
      const assignment = await db.selectFrom('review_assignments').select('submitted_at').where('id', '=', assignmentId).executeTakeFirstOrThrow();
      assert.equal(assignment.submitted_at, t.clock.now().toISOString());
      assert.deepEqual(
        (await storedScores(assignmentId)).map((r) => r.score),
        [1, 4, 3, 2],
      );
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'review.scores-submitted').where('entity_id', '=', String(s.applicationId)).execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.actor_user_id, reviewer.id);

      const again = await agent.post(scoresPath(assignmentId), { ...completeReview(s.criterion, 'Muutettu.'), [`score_${s.criterion.content}`]: '0' });
      assert.equal(again.statusCode, 409);
      assert.deepEqual(
        (await storedScores(assignmentId)).map((r) => r.score),
        [1, 4, 3, 2],
      );
      const readOnly = await agent.get(scoresPath(assignmentId));
      assert.doesNotMatch(readOnly.body, /name="action" value="submit"/);
    });

    it('refuses an incomplete submission with a message at each missing field, keeping everything typed and storing nothing', async () => {
      const s = await reviewScene(db);
      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      const agent = await agentFor(t, reviewer);
      const form = completeReview(s.criterion);
      delete form[`score_${s.criterion.specifying}`];
      form[`comment_${s.criterion.horizontal}`] = '   ';
      delete form.independent;

      const res = await agent.post(scoresPath(assignmentId), form);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /Valitse pisteet perusteelle ”Toteutuskelpoisuus”\./);
      assert.match(res.body, /Kirjoita perustelu perusteelle ”Kestävä kehitys”\./);
      assert.match(res.body, /Vahvista, että olet arvioinut hakemuksen itsenäisesti/);
      assert.match(res.body, /href="#field-score_\d+"/);
      assert.match(res.body, chosen(`score_${s.criterion.content}`, '4'));
      assert.match(res.body, /Vahva yhteistyö\. Perusteltu arvio\./);
      assert.deepEqual(await storedScores(assignmentId), []);
      const assignment = await db.selectFrom('review_assignments').select('submitted_at').where('id', '=', assignmentId).executeTakeFirstOrThrow();
      assert.equal(assignment.submitted_at, null);
    });

    it('refuses a score off the criterion’s scale, even in a draft', async () => {
      const s = await reviewScene(db);
      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      const res = await (await agentFor(t, reviewer)).post(scoresPath(assignmentId), { [`score_${s.criterion.horizontal}`]: '5', action: 'save' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Valitse perusteelle ”Kestävä kehitys” jokin annetuista vaihtoehdoista\./);
      assert.deepEqual(await storedScores(assignmentId), []);
    });

    it('shows nothing of another reviewer’s review before the reviewer’s own is submitted, and all of it after', async () => {
      const s = await reviewScene(db);
      const first = await buildReviewer(db, { name: 'Aino Arvioija' });
      const second = await buildReviewer(db, { name: 'Bertta Bedömare' });
      const firstId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: first });
      const secondId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: second });
      const secret = 'Verkosto kattaa neljä maakuntaa ja yritykset ovat sitoutuneet.';
      assert.equal((await (await agentFor(t, second)).post(scoresPath(secondId), completeReview(s.criterion, secret))).statusCode, 303);

      const agent = await agentFor(t, first);
      const before = await agent.get(scoresPath(firstId));
      assert.equal(before.statusCode, 200);
      assert.ok(!before.body.includes(secret), 'the other reviewer’s comment is not shown');
      assert.ok(!before.body.includes('Bertta Bedömare'), 'nor their name');
      assert.ok(!before.body.includes('Keskiarvot'), 'nor any means');

      assert.equal((await agent.post(scoresPath(firstId), completeReview(s.criterion, 'Oma arvio.'))).statusCode, 303);
      const after = await agent.get(scoresPath(firstId));
      assert.ok(after.body.includes(secret));
      assert.ok(after.body.includes('Bertta Bedömare'));
      assert.match(after.body, /Keskiarvot/);
    });

    it('sends a reviewer still to declare to the declaration, and refuses the disqualified, the barred and other experts', async () => {
      const s = await reviewScene(db);
      const awaiting = await buildReviewer(db);
      const awaitingId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: awaiting, status: 'awaiting-declaration' });
      const redirected = await (await agentFor(t, awaiting)).get(scoresPath(awaitingId));
      assert.equal(redirected.statusCode, 303);
      assert.equal(redirected.headers.location, pagePath('fi', 'reviews', String(awaitingId)));

      for (const status of ['disqualified', 'barred'] as const) {
        const reviewer = await buildReviewer(db);
        const id = await buildAssignment(db, { applicationId: s.applicationId, reviewer, status });
        const agent = await agentFor(t, reviewer);
        const page = await agent.get(scoresPath(id));
        assert.equal(page.statusCode, 403, status);
        assert.ok(!page.body.includes('Osio implementation.'), `a ${status} reviewer sees nothing of the application`);
        assert.equal((await agent.post(scoresPath(id), completeReview(s.criterion))).statusCode, 403);
        assert.deepEqual(await storedScores(id), []);
      }

      const owner = await buildReviewer(db);
      const ownId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: owner });
      const stranger = await agentFor(t, await buildReviewer(db));
      assert.equal((await stranger.get(scoresPath(ownId))).statusCode, 403);
      assert.equal((await stranger.post(scoresPath(ownId), completeReview(s.criterion))).statusCode, 403);
      assert.deepEqual(await storedScores(ownId), []);
    });

    it('shows the cleared reviewer the application as submitted, business secrets marked, with its attachments to download', async () => {
      const s = await reviewScene(db);
      const content = Buffer.from('%PDF-1.4\n% liite\n');
      const attachmentId = await insertAttachment(
        db,
        { applicationId: s.applicationId, questionId: null, filename: 'budjetti.pdf', description: 'Talousarvio', contentType: 'application/pdf', sha256: sha256Hex(content), content, uploadedBy: null },
        t.clock.now(),
      );
      const call = await findCallDetails(db, s.call.id);
      const details = await findApplicationDetails(db, s.applicationId);
      assert.ok(call && details);
      const sealed = sealSnapshot(buildSnapshot(call, details));
      await db.updateTable('application_submissions').set({ snapshot: sealed.json, content_sha256: sealed.sha256 }).where('application_id', '=', s.applicationId).execute();

      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      const agent = await agentFor(t, reviewer);
      const page = await agent.get(scoresPath(assignmentId));
      assert.match(page.body, /Osio implementation\./);
      assert.match(page.body, /class="tag tag--warning">Liikesalaisuus</);
      const href = pagePath('fi', 'reviews', String(assignmentId), 'attachments', String(attachmentId));
      assert.ok(page.body.includes(`href="${href}"`));
      const file = await agent.get(href);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.deepEqual(file.rawPayload, content);

      const barred = await buildReviewer(db);
      const barredId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: barred, status: 'barred' });
      const refused = await (await agentFor(t, barred)).get(pagePath('fi', 'reviews', String(barredId), 'attachments', String(attachmentId)));
      assert.equal(refused.statusCode, 403);
    });

    it('shows officers the submitted reviews with their justifications, never a draft', async () => {
      const s = await reviewScene(db);
      const done = await buildReviewer(db, { name: 'Valmis Arvioija' });
      const drafting = await buildReviewer(db, { name: 'Kesken Arvioija' });
      const doneId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: done });
      const draftId = await buildAssignment(db, { applicationId: s.applicationId, reviewer: drafting });
      assert.equal((await (await agentFor(t, done)).post(scoresPath(doneId), completeReview(s.criterion, 'Lähetetty perustelu.'))).statusCode, 303);
      const draft = { ...completeReview(s.criterion, 'Luonnoksen perustelu.', 'save') };
      assert.equal((await (await agentFor(t, drafting)).post(scoresPath(draftId), draft)).statusCode, 303);

      const page = await (await agentFor(t, await officerOf())).get(reviewPath(s.call.id, s.applicationId));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Vahva yhteistyö\. Lähetetty perustelu\./);
      assert.ok(!page.body.includes('Luonnoksen perustelu'), 'a draft is not shown');
      assert.match(page.body, /Kesken Arvioija/, 'the drafting reviewer is listed among the assignments');
      assert.match(page.body, /1 \/ 2/, 'one of two reviews is in');
      assert.match(page.body, /Ei rahoituskelpoinen/);
      assert.match(page.body, /2 arviosta on annettu 1\./);
    });

    it('lets a consensus settle a disagreement and count instead of the mean, in the ranking’s total too', async () => {
      const s = await reviewScene(db);
      const reviewers = [await buildReviewer(db), await buildReviewer(db)];
      const ids = [await buildAssignment(db, { applicationId: s.applicationId, reviewer: reviewers[0]! }), await buildAssignment(db, { applicationId: s.applicationId, reviewer: reviewers[1]! })];
      // Content 2 and 5 (3 apart: a disagreement); the rest at the top of their scales.
      await submitScores(db, ids[0]!, { [s.criterion.content]: 2 });
      await submitScores(db, ids[1]!, { [s.criterion.content]: 5 });
      const before = (await assessCall(db, s.call.id))?.applications.find((a) => a.applicationId === s.applicationId);
      // 3 × 7/2 + 2 × 5 + 1 × 3
      assert.deepEqual(before?.score.total, fraction(47, 2));
      assert.deepEqual(before?.score.disagreements, [s.criterion.content]);

      const officer = await agentFor(t, await officerOf());
      const shown = await officer.get(reviewPath(s.call.id, s.applicationId));
      assert.match(shown.body, /Kyllä, arviot eroavat paljon/);
      assert.match(shown.body, /23,5/);

      const missing = await officer.post(reviewPath(s.call.id, s.applicationId, 'consensus'), { criterion: String(s.criterion.content), [`consensus_${s.criterion.content}`]: '4', [`justification_${s.criterion.content}`]: '' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kirjoita yhteisen kannan perustelu perusteelle ”Ylimaakunnallinen lisäarvo”\./);
      assert.match(missing.body, chosen(`consensus_${s.criterion.content}`, '4'));

      const saved = await officer.post(reviewPath(s.call.id, s.applicationId, 'consensus'), {
        criterion: String(s.criterion.content),
        [`consensus_${s.criterion.content}`]: '4',
        [`justification_${s.criterion.content}`]: 'Arvioijien kokouksessa 24.11. todettiin verkoston kattavan kolme maakuntaa.',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${reviewPath(s.call.id, s.applicationId)}?done=consensusSaved#criterion-${s.criterion.content}`);
      const agreed = (await assessCall(db, s.call.id))?.applications.find((a) => a.applicationId === s.applicationId);
      assert.deepEqual(agreed?.score.total, fraction(25));
      assert.deepEqual(agreed?.score.disagreements, []);
      assert.equal((await db.selectFrom('audit_log').select('seq').where('action', '=', 'review.consensus-recorded').where('entity_id', '=', String(s.applicationId)).execute()).length, 1);
      assert.doesNotMatch((await officer.get(reviewPath(s.call.id, s.applicationId))).body, /Kyllä, arviot eroavat paljon/);

      const removed = await officer.post(reviewPath(s.call.id, s.applicationId, 'consensus'), { criterion: String(s.criterion.content), action: 'remove' });
      assert.equal(removed.statusCode, 303);
      const back = (await assessCall(db, s.call.id))?.applications.find((a) => a.applicationId === s.applicationId);
      assert.deepEqual(back?.score.total, fraction(47, 2));
      assert.equal((await db.selectFrom('audit_log').select('seq').where('action', '=', 'review.consensus-removed').where('entity_id', '=', String(s.applicationId)).execute()).length, 1);
    });

    it('takes an application marked formally ineligible out of the ranking, with the reason, until the marking is removed', async () => {
      const { call, applicationIds } = await buildReviewedCall(db, { scores: [5, 4] });
      const [top, second] = applicationIds as [number, number];
      const officer = await agentFor(t, await officerOf());

      const empty = await officer.post(reviewPath(call.id, top, 'eligibility'), { ineligible_reason: ' ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Kirjoita peruste, joka kerrotaan hakijalle\./);

      const reason = 'Hakijana on yritys, vaikka haku on tarkoitettu vain julkisille toimijoille';
      assert.equal((await officer.post(reviewPath(call.id, top, 'eligibility'), { ineligible_reason: reason, action: 'mark' })).statusCode, 303);
      const marked = await assessCall(db, call.id);
      assert.deepEqual(marked?.ranking.map((r) => r.entry.applicationId), [second]);
      const topAssessed = marked?.applications.find((a) => a.applicationId === top);
      assert.equal(topAssessed?.standing, 'ineligible');
      assert.deepEqual(topAssessed?.reasons, [{ code: 'formally-ineligible', reason }]);
      assert.match((await officer.get(reviewPath(call.id, top))).body, /Hakemus ei täytä haun muodollisia edellytyksiä: Hakijana on yritys/);

      assert.equal((await officer.post(reviewPath(call.id, top, 'eligibility'), { action: 'clear' })).statusCode, 303);
      assert.deepEqual((await assessCall(db, call.id))?.ranking.map((r) => r.entry.applicationId), [top, second]);
      const actions = await db.selectFrom('audit_log').select('action').where('entity_id', '=', String(top)).where('action', 'like', 'review.ineligible-%').orderBy('seq').execute();
      assert.deepEqual(actions.map((a) => a.action), ['review.ineligible-marked', 'review.ineligible-cleared']);
    });

    it('locks scores, consensus and eligibility once the funding proposal is confirmed, giving back what was typed', async () => {
      const s = await reviewScene(db);
      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      await db
        .insertInto('funding_proposals')
        .values({ call_id: s.call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: t.clock.now().toISOString() })
        .execute();

      const res = await (await agentFor(t, reviewer)).post(scoresPath(assignmentId), completeReview(s.criterion, 'Myöhässä kirjoitettu.'));
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /rahoitusehdotus on vahvistettu/);
      assert.match(res.body, /Vahva yhteistyö\. Myöhässä kirjoitettu\./);
      assert.deepEqual(await storedScores(assignmentId), []);

      const officer = await agentFor(t, await officerOf());
      const consensus = await officer.post(reviewPath(s.call.id, s.applicationId, 'consensus'), {
        criterion: String(s.criterion.content),
        [`consensus_${s.criterion.content}`]: '3',
        [`justification_${s.criterion.content}`]: 'Liian myöhään kirjattu kanta.',
      });
      assert.equal(consensus.statusCode, 409);
      assert.match(consensus.body, /Liian myöhään kirjattu kanta\./);
      const eligibility = await officer.post(reviewPath(s.call.id, s.applicationId, 'eligibility'), { ineligible_reason: 'Myöhäinen peruste.', action: 'mark' });
      assert.equal(eligibility.statusCode, 409);
      assert.match(eligibility.body, /Myöhäinen peruste\./);
      assert.equal(await db.selectFrom('consensus_scores').select('score').where('application_id', '=', s.applicationId).executeTakeFirst(), undefined);
      assert.equal(await db.selectFrom('application_assessments').select('ineligible_reason').where('application_id', '=', s.applicationId).executeTakeFirst(), undefined);
    });

    it('takes no scores while the call is not in review', async () => {
      const s = await reviewScene(db);
      const reviewer = await buildReviewer(db);
      const assignmentId = await buildAssignment(db, { applicationId: s.applicationId, reviewer });
      await db.updateTable('calls').set({ status: 'decided' }).where('id', '=', s.call.id).execute();
      const agent = await agentFor(t, reviewer);
      const page = await agent.get(scoresPath(assignmentId));
      assert.match(page.body, /Haku ei ole arviointivaiheessa/);
      assert.doesNotMatch(page.body, /name="action" value="submit"/);
      assert.equal((await agent.post(scoresPath(assignmentId), completeReview(s.criterion))).statusCode, 409);
      assert.deepEqual(await storedScores(assignmentId), []);
    });

    it('finds only submitted applications of the call, for officers of its councils', async () => {
      const s = await reviewScene(db);
      const other = await reviewScene(db);
      const officer = await agentFor(t, await officerOf());
      assert.equal((await officer.get(reviewPath(s.call.id, other.applicationId))).statusCode, 404);
      const outsider: UserRow = await officerOf('12');
      await db.deleteFrom('call_regions').where('call_id', '=', s.call.id).where('region_code', '=', '12').execute();
      assert.equal((await (await agentFor(t, outsider)).get(reviewPath(s.call.id, s.applicationId))).statusCode, 403);
    });
  });
}
