import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '../../src/features/audit/audit.repository.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { recordCouncilDecision } from '../../src/features/decisions/council-decisions.service.js';
import { buildProposal, sealProposal } from '../../src/features/decisions/funding-proposal.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

const decision = (region: string) => ({ number: `MH ${region}/2026 § 5`, date: '2026-11-27', maker: 'Maakuntahallitus', grounds: 'Perustelut.' });

for (const dialect of testDialects()) {
  describe(`a funded application becomes a project [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    it('when the last council involved decides: partners, each council’s grant and search keys, in the same transaction; nothing for the reserve', async () => {
      const db = t.database.db;
      const call = await buildClosedCall(db, { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const reviewer = await buildReviewer(db);
      const submit = async (score: number, title: string, partners?: Array<{ region: string }>) => {
        const lead = { organisation: await buildOrganisation(db, { region: '17' }) };
        const app = await buildSubmittedApplication(db, { call, lead, title, ...(partners ? { partners } : {}) });
        await submitScores(db, await buildAssignment(db, { applicationId: app.id, reviewer }), {}, score);
        return app.id;
      };
      const a = await submit(5, 'Kiertotalous teollisuudessa');
      const b = await submit(4, 'Datatalouden pilotit', [{ region: '18' }]);
      const c = await submit(3, 'Varasijan hanke');
      await startReview(db, call);
      const assessment = await assessCall(db, call.id);
      assert.ok(assessment);
      const proposal = buildProposal(assessment);
      const sealed = sealProposal(proposal);
      await db.insertInto('funding_proposals').values({ call_id: call.id, snapshot: sealed.json, sha256: sealed.sha256, confirmed_by: null, confirmed_at: '2026-11-27T09:00:00.000Z' }).execute();
      const funded = proposal.outcomes.filter((o) => o.kind === 'funded').map((o) => o.applicationId).sort((x, y) => x - y);
      assert.deepEqual(funded, [a, b]);

      const now = new Date('2026-11-27T12:00:00.000Z');
      await recordCouncilDecision(db, systemActor, { callId: call.id, regionCode: '18', decision: decision('18') }, { deliverMail: false }, now);
      assert.equal((await db.selectFrom('projects').select('id').where('call_id', '=', call.id).execute()).length, 0, 'b waits for 17');
      await recordCouncilDecision(db, systemActor, { callId: call.id, regionCode: '17', decision: decision('17') }, { deliverMail: false }, now);
      const afterTwo = await db.selectFrom('projects').select(['application_id']).where('call_id', '=', call.id).execute();
      assert.deepEqual(afterTwo.map((p) => p.application_id), [b], 'b is final; a still waits for 19');
      await recordCouncilDecision(db, systemActor, { callId: call.id, regionCode: '19', decision: decision('19') }, { deliverMail: false }, now);

      const projects = await db.selectFrom('projects').selectAll().where('call_id', '=', call.id).orderBy('application_id').execute();
      assert.deepEqual(projects.map((p) => p.application_id), [a, b]);
      assert.ok(!projects.some((p) => p.application_id === c));
      const projectA = projects[0]!;
      assert.equal(projectA.title, 'Kiertotalous teollisuudessa');
      assert.equal(projectA.status, 'ongoing');
      assert.equal(projectA.decision_year, 2026);
      assert.equal(projectA.region_count, 3);
      const outcomeA = proposal.outcomes.find((o) => o.applicationId === a)!;
      assert.ok(outcomeA.kind === 'funded');
      const fundingA = await db.selectFrom('project_funding').select(['region_code', 'granted_cents']).where('project_id', '=', projectA.id).orderBy('region_code').execute();
      assert.deepEqual(fundingA, Object.entries(outcomeA.sharesByRegion).filter(([, c]) => c > 0).sort().map(([region_code, granted_cents]) => ({ region_code, granted_cents })));
      assert.equal(projectA.granted_cents, fundingA.reduce((s, f) => s + f.granted_cents, 0));
      const partners = await db.selectFrom('project_partners').select(['region_code', 'is_lead']).where('project_id', '=', projectA.id).orderBy('sort_order').execute();
      assert.deepEqual(partners, [{ region_code: '17', is_lead: 1 }, { region_code: '18', is_lead: 0 }, { region_code: '19', is_lead: 0 }]);
      const keys = (await db.selectFrom('project_search_terms').select(['term', 'weight']).where('project_id', '=', projectA.id).execute()).map((k) => `${k.term}:${k.weight}`);
      assert.ok(keys.includes('kiertotalous:3'), keys.join(' '));
      const audit = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'project.created').execute();
      assert.deepEqual(audit.map((e) => Number(e.entity_id)).sort((x, y) => x - y), projects.map((p) => p.id).sort((x, y) => x - y));
    });
  });
}
