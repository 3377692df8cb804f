import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { buildProposal, sealProposal } from '../../src/features/decisions/funding-proposal.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

const FUNDING = (locale: 'fi' | 'sv' | 'en', callId: number) => `${{ fi: '/fi/hallinta/haut', sv: '/sv/administration/utlysningar', en: '/en/admin/calls' }[locale]}/${callId}/funding`;
/** Money as Intl writes it in Finnish and Swedish: no-break spaces between digit groups and before €. */
const nbsp = (text: string) => text.replace(/(\d) (?=\d)/g, '$1\u00a0').replace(/ €/g, '\u00a0€');

for (const dialect of testDialects()) {
  describe(`ranking and funding page: outcomes explained, fixed grants, what-if and the proposal [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: UserRow;
    const db = () => t.database.db;
    const titleOf = async (id: number) => (await db().selectFrom('applications').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;
    const audits = (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

    before(async () => {
      t = await buildTestApp(dialect);
      officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] });
    });
    after(async () => t?.close());

    /**
     * Three projects each asking 112,000 € of the councils of 17, 18 and 19 (300,000 € each): the two
     * best are funded and the third goes on the reserve list, 36,000 € short at each council.
     */
    async function rankedCall(): Promise<{ call: CallRow; ids: number[] }> {
      const { call, applicationIds } = await buildReviewedCall(db(), { scores: [3, 5, 4] });
      return { call, ids: applicationIds };
    }

    it('lists the ranking with each outcome explained in Finnish, Swedish and English, naming the council short of money', async () => {
      const { call, ids } = await rankedCall();
      const agent = await agentFor(t, officer);
      const [second, first, reserve] = [ids[2]!, ids[1]!, ids[0]!];

      const fi = await agent.get(FUNDING('fi', call.id));
      assert.equal(fi.statusCode, 200);
      const order = [first, second, reserve].map((id) => fi.body.indexOf(`/fi/hallinta/haut/${call.id}/review/applications/${id}"`));
      assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, 'ranked by score, linked to the review page');
      assert.match(fi.body, /Varasijalla 1: jäljellä oleva budjetti ei riitä avustukseen\./);
      assert.match(fi.body, /Tasapisteissä järjestyksen ratkaisevat tässä järjestyksessä: sisältökriteerien painotetut pisteet, pienempi haettu avustus, aiempi jättöaika ja pienempi hakemusnumero\./);
      assert.ok(fi.body.includes(nbsp('Pohjois-Pohjanmaan liitto: hankkeen osuus on 112 000,00 €, mutta budjettia oli jäljellä vain 76 000,00 €, joten 36 000,00 € puuttuu.')));
      assert.ok(fi.body.includes(nbsp('Kainuun liitto rahoittaa 112 000,00 €.')));

      const sv = await agent.get(FUNDING('sv', call.id));
      assert.equal(sv.statusCode, 200);
      assert.ok(sv.body.includes(nbsp('Norra Österbottens förbund: projektets andel är 112 000,00 €, men av budgeten återstod bara 76 000,00 €, så 36 000,00 € saknas.')));

      const en = await agent.get(FUNDING('en', call.id));
      assert.equal(en.statusCode, 200);
      assert.ok(en.body.includes('Council of Oulu Region: the project’s share is €112,000.00, but only €76,000.00 was left of its budget, €36,000.00 short.'));
      assert.match(en.body, /Reserve list, position 1/);
      // The councils' table: 224,000 € granted of 300,000 €, 76,000 € left.
      assert.match(en.body, /<th scope="row">Council of Oulu Region<\/th><td class="numeric">€300,000.00<\/td><td class="numeric">€224,000.00<\/td><td class="numeric">€76,000.00<\/td>/);
    });

    it('lists the applications that cannot be funded with their reasons', async () => {
      const { call } = await rankedCall();
      const pending = await buildSubmittedApplication(db(), { call, title: 'Odottaa arvioita' });
      await buildAssignment(db(), { applicationId: pending.id, reviewer: await buildReviewer(db()) });
      await db()
        .insertInto('application_assessments')
        .values({ application_id: (await buildSubmittedApplication(db(), { call, title: 'Muodollisesti puutteellinen' })).id, ineligible_reason: 'Päätoteuttaja on yksityishenkilö', ineligible_by: null, ineligible_at: '2026-11-20T10:00:00.000Z', fixed_grant_cents: null, fixed_reason: null, fixed_by: null, fixed_at: null })
        .execute();
      const page = await (await agentFor(t, officer)).get(FUNDING('en', call.id));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Odottaa arvioita<\/a><\/th>[\s\S]*?0 of 1 reviews have been submitted\./);
      assert.match(page.body, /Muodollisesti puutteellinen<\/a><\/th>[\s\S]*?The application was found formally ineligible: Päätoteuttaja on yksityishenkilö\./);
      assert.match(page.body, /The proposal cannot be confirmed until every review of these applications is in/);
    });

    it('previews a fixed grant without storing anything, and shows whose outcome it changes', async () => {
      const { call, ids } = await rankedCall();
      const agent = await agentFor(t, officer);
      // 228,000 € for the top project leaves 112,000 € at each council: enough for the reserve project.
      const preview = await agent.post(`${FUNDING('en', call.id)}/fixed`, { applicationId: String(ids[1]), amount: '228 000', reason: '', action: 'preview' });
      assert.equal(preview.statusCode, 200);
      assert.ok(preview.body.includes(`Preview: a grant of €228,000.00 for ${await titleOf(ids[1]!)}. Nothing has been saved.`));
      assert.match(preview.body, /In the preview the outcome of these applications changes:/);
      assert.match(preview.body, new RegExp(`<tr id="application-${ids[0]}" class="funding-row--changed">`));
      assert.doesNotMatch(preview.body, new RegExp(`<tr id="application-${ids[2]}" class="funding-row--changed">`));
      assert.match(preview.body, /Funded with a grant of €228,000.00; €336,000.00 was requested\./);
      assert.match(preview.body, /name="amount"[^>]*value="228 000"/);
      assert.equal((await db().selectFrom('application_assessments').selectAll().where('application_id', 'in', ids).execute()).length, 0);
      assert.equal((await audits('funding.fixed-grant-set')).filter((a) => ids.map(String).includes(a.entity_id ?? '')).length, 0);
    });

    it('saves a fixed grant and clears it again, each with an audit entry', async () => {
      const { call, ids } = await rankedCall();
      const agent = await agentFor(t, officer);
      const saved = await agent.post(`${FUNDING('fi', call.id)}/fixed`, { applicationId: String(ids[1]), amount: '228 000,50', reason: 'Matkakulut karsittu.', action: 'save' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${FUNDING('fi', call.id)}?done=fixedSaved#fixed`);
      const row = await db().selectFrom('application_assessments').selectAll().where('application_id', '=', ids[1]!).executeTakeFirstOrThrow();
      assert.deepEqual([Number(row.fixed_grant_cents), row.fixed_reason, row.fixed_by, row.fixed_at], [22_800_050, 'Matkakulut karsittu.', officer.id, '2026-11-28T10:00:00.000Z']);
      const setAudit = (await audits('funding.fixed-grant-set')).find((a) => a.entity_id === String(ids[1]));
      assert.ok(setAudit);
      assert.equal(JSON.parse(setAudit.after_json!).fixedGrantCents, 22_800_050);
      const page = await agent.get(`${FUNDING('fi', call.id)}?done=fixedSaved`);
      assert.match(page.body, /Avustus on tallennettu\./);
      assert.ok(page.body.includes(nbsp('Saa rahoitusta: avustus on 228 000,50 €, vaikka haettu summa oli 336 000,00 €.')));

      const cleared = await agent.post(`${FUNDING('fi', call.id)}/fixed/clear`, { applicationId: String(ids[1]) });
      assert.equal(cleared.statusCode, 303);
      const after = await db().selectFrom('application_assessments').selectAll().where('application_id', '=', ids[1]!).executeTakeFirstOrThrow();
      assert.equal(after.fixed_grant_cents, null);
      const clearAudit = (await audits('funding.fixed-grant-cleared')).find((a) => a.entity_id === String(ids[1]));
      assert.equal(JSON.parse(clearAudit!.before_json!).fixedGrantCents, 22_800_050);
    });

    it('refuses an amount above the request, of zero or with fractions of a cent, or a save without a reason, keeping what was typed', async () => {
      const { call, ids } = await rankedCall();
      const agent = await agentFor(t, officer);
      const url = `${FUNDING('fi', call.id)}/fixed`;
      const cases: Array<[string, string, string, RegExp]> = [
        ['400 000', 'Perustelu.', 'save', new RegExp(nbsp('”Avustus euroina” voi olla enintään haettu avustus 336 000,00 €\\.'))],
        ['0', 'Perustelu.', 'preview', /”Avustus euroina” on oltava suurempi kuin 0 euroa\./],
        ['1000,555', 'Perustelu.', 'save', /”Avustus euroina” annetaan sentin tarkkuudella: pilkun jälkeen enintään kaksi numeroa\./],
        ['1000,50', '', 'save', /Kirjoita perustelu kenttään ”Perustelu”\./],
      ];
      for (const [amount, reason, action, message] of cases) {
        const res = await agent.post(url, { applicationId: String(ids[1]), amount, reason, action });
        assert.equal(res.statusCode, 400, amount);
        assert.match(res.body, message);
        assert.match(res.body, new RegExp(`id="field-amount-${ids[1]}" name="amount"[^>]*value="${amount}"`));
        assert.match(res.body, new RegExp(`href="#field-(amount|reason)-${ids[1]}"`), 'the error summary links to the field');
      }
      assert.equal((await db().selectFrom('application_assessments').selectAll().where('application_id', '=', ids[1]!).execute()).length, 0);
    });

    it('shows the what-if beside the standard outcome for both objectives, as advice only', async () => {
      // A (best) asks 200,000 € of each council, B and C 150,000 € each: the rule funds A alone; B and C together would fit.
      const call = await buildClosedCall(db(), { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const reviewer = await buildReviewer(db());
      const project = async (title: string, cents: number, score: number) => {
        const app = await buildSubmittedApplication(db(), {
          call,
          title,
          lead: { organisation: await buildOrganisation(db(), { region: '17' }), requestedCents: cents },
          partners: [{ region: '18', requestedCents: cents }, { region: '19', requestedCents: cents }],
        });
        await submitScores(db(), await buildAssignment(db(), { applicationId: app.id, reviewer }), {}, score);
        return app.id;
      };
      const a = await project('Hanke A', 20_000_000, 5);
      const b = await project('Hanke B', 15_000_000, 4);
      const c = await project('Hanke C', 15_000_000, 3);
      await startReview(db(), call);
      const agent = await agentFor(t, officer);
      for (const objective of ['score', 'amount'] as const) {
        const page = await agent.get(`${FUNDING('en', call.id)}?objective=${objective}`);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /The what-if is advice only\. It never decides anything/);
        assert.match(page.body, new RegExp(`value="${objective}" checked`));
        // Standard: 1 project, 600,000 €, 28 points; what-if: 2 projects, 900,000 €, 23 + 18 = 41 points.
        assert.match(page.body, /Projects funded<\/th><td class="numeric">1<\/td><td class="numeric">2<\/td>/);
        assert.match(page.body, /Granted in total<\/th><td class="numeric">€600,000.00<\/td><td class="numeric">€900,000.00<\/td>/);
        assert.match(page.body, /Total score of the projects funded<\/th><td class="numeric">28<\/td><td class="numeric">41<\/td>/);
        const adds = page.body.slice(page.body.indexOf('The what-if would also fund:'));
        assert.match(adds, new RegExp(`applications/${b}">Hanke B<[\\s\\S]*applications/${c}">Hanke C<[\\s\\S]*The what-if would not fund:[\\s\\S]*applications/${a}">Hanke A<`));
      }
      // The rule still decides: A is funded, B and C wait on the reserve list.
      const assessed = await assessCall(db(), call.id);
      assert.deepEqual(assessed!.standard.outcomes.map((o) => o.kind), ['funded', 'reserve', 'reserve']);
    });

    it('confirms the proposal as canonical JSON whose SHA-256 matches, then shows it frozen and locks fixed grants', async () => {
      const { call, ids } = await rankedCall();
      const expected = sealProposal(buildProposal((await assessCall(db(), call.id))!));
      const agent = await agentFor(t, officer);
      const confirmed = await agent.post(`${FUNDING('en', call.id)}/confirm`);
      assert.equal(confirmed.statusCode, 303);
      assert.equal(confirmed.headers.location, `${FUNDING('en', call.id)}?done=confirmed`);
      const row = await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).executeTakeFirstOrThrow();
      assert.equal(row.snapshot, expected.json);
      assert.equal(row.sha256, sha256Hex(row.snapshot));
      assert.equal(row.confirmed_by, officer.id);
      const audit = (await audits('funding.proposal-confirmed')).find((x) => x.entity_id === String(call.id));
      assert.equal(JSON.parse(audit!.after_json!).sha256, row.sha256);

      // A budget changed afterwards does not move the proposal: the page reads the snapshot.
      await db().updateTable('call_regions').set({ budget_cents: 99_900_000 }).where('call_id', '=', call.id).where('region_code', '=', '17').execute();
      const page = await agent.get(`${FUNDING('en', call.id)}?done=confirmed`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The funding proposal has been confirmed\./);
      assert.ok(page.body.includes(`<code class="funding-proposal__hash">${row.sha256}</code>`));
      assert.ok(page.body.includes(`href="/en/admin/calls/${call.id}/decisions"`));
      assert.match(page.body, /Council of Oulu Region<\/th><td class="numeric">€300,000.00<\/td>/);
      assert.doesNotMatch(page.body, /€999,000.00/);
      assert.doesNotMatch(page.body, /name="amount"/);

      const locked = await agent.post(`${FUNDING('en', call.id)}/fixed`, { applicationId: String(ids[1]), amount: '200 000', reason: 'Karsittu.', action: 'save' });
      assert.equal(locked.statusCode, 409);
      assert.match(locked.body, /The funding proposal has been confirmed, so grants cannot be changed\./);
      assert.equal((await db().selectFrom('application_assessments').selectAll().where('application_id', '=', ids[1]!).execute()).length, 0);
      const again = await agent.post(`${FUNDING('en', call.id)}/confirm`);
      assert.equal(again.statusCode, 409);
    });

    it('refuses to confirm while an application waits for reviews, naming it', async () => {
      const { call } = await rankedCall();
      const pending = await buildSubmittedApplication(db(), { call, title: 'Kesken arvioitu hanke' });
      await buildAssignment(db(), { applicationId: pending.id, reviewer: await buildReviewer(db()) });
      const res = await (await agentFor(t, officer)).post(`${FUNDING('fi', call.id)}/confirm`);
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Rahoitusehdotusta ei voi vielä vahvistaa/);
      assert.match(res.body, new RegExp(`/review/applications/${pending.id}">Kesken arvioitu hanke</a>: 1 arviosta on annettu 0\\.`));
      assert.equal((await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).execute()).length, 0);
    });

    it('cancels a proposal with an audit entry, but not once a council has recorded a decision on it', async () => {
      const { call } = await rankedCall();
      const agent = await agentFor(t, officer);
      assert.equal((await agent.post(`${FUNDING('en', call.id)}/confirm`)).statusCode, 303);
      const first = await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).executeTakeFirstOrThrow();
      const cancelled = await agent.post(`${FUNDING('en', call.id)}/cancel`);
      assert.equal(cancelled.statusCode, 303);
      assert.equal((await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).execute()).length, 0);
      const audit = (await audits('funding.proposal-cancelled')).find((x) => x.entity_id === String(call.id));
      assert.equal(JSON.parse(audit!.before_json!).sha256, first.sha256);

      assert.equal((await agent.post(`${FUNDING('en', call.id)}/confirm`)).statusCode, 303);
      const proposal = await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).executeTakeFirstOrThrow();
      await db()
        .insertInto('council_decisions')
        .values({
          call_id: call.id,
          proposal_id: proposal.id,
          region_code: '17',
          decision_number: 'PPL 12/2026',
          decision_date: '2026-11-27',
          decision_maker: 'Maakuntahallitus',
          grounds: 'Ehdotuksen mukaisesti.',
          recorded_by: officer.id,
          recorded_at: '2026-11-27T12:00:00.000Z',
        })
        .execute();
      const page = await agent.get(FUNDING('en', call.id));
      assert.match(page.body, /A council has already recorded its decision on this proposal, so it can no longer be cancelled\./);
      const refused = await agent.post(`${FUNDING('en', call.id)}/cancel`);
      assert.equal(refused.statusCode, 409);
      assert.equal((await db().selectFrom('funding_proposals').selectAll().where('call_id', '=', call.id).execute()).length, 1);
    });

    it('is closed to an officer whose council takes no part in the call', async () => {
      const { call } = await buildReviewedCall(db(), { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const outsider = await buildUser(db(), { roles: [{ role: 'officer', region: '10' }] });
      const agent = await agentFor(t, outsider);
      assert.equal((await agent.get(FUNDING('fi', call.id))).statusCode, 403);
      assert.equal((await agent.post(`${FUNDING('fi', call.id)}/confirm`)).statusCode, 403);
    });
  });
}
