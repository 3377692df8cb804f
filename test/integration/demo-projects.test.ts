import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoCalls } from '../../src/db/seed/demo-calls.js';
import { demoProjectOrganisations } from '../../src/db/seed/demo-projects.js';
import { parseBusinessId } from '../../src/domain/business-id.js';
import { reportTiming } from '../../src/domain/project-reporting.js';
import { queryKeys } from '../../src/domain/search-terms.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

const tables = ['calls', 'applications', 'council_decisions', 'decision_letters', 'projects', 'project_partners', 'project_funding', 'reporting_periods', 'project_reports', 'report_spending', 'project_indicators', 'report_indicator_values', 'strategy_indicator_targets', 'project_search_terms'] as const;

for (const dialect of testDialects()) {
  describe(`demo projects [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const now = new Date('2027-03-20T10:00:00Z');
    let counts: Record<string, number>;

    const countAll = async () => {
      const result: Record<string, number> = {};
      for (const table of tables) {
        const row = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        result[table] = Number(row.n);
      }
      return result;
    };

    before(async () => {
      t = await buildTestApp(dialect);
      assert.equal(await seedDemoCalls(t.database.db, now), 6);
      counts = await countAll();
    });
    after(async () => t?.close());

    it('adds nothing when seeded a second time', async () => {
      assert.equal(await seedDemoCalls(t.database.db, now), 0);
      assert.deepEqual(await countAll(), counts);
      assert.equal(counts.projects, 10);
      assert.equal(counts.applications, 6 + 1 + 8 + 3);
    });

    it('decides two calls of earlier years through the councils, all demo data', async () => {
      const db = t.database.db;
      const calls = await db.selectFrom('calls').select(['id', 'reference', 'status', 'title_fi', 'is_demo']).where('status', '=', 'decided').orderBy('reference').execute();
      assert.deepEqual(calls.map((c) => [c.reference, c.status, c.is_demo]), [['DEMO-2025-01', 'decided', 1], ['DEMO-2026-01', 'decided', 1]]);
      assert.ok(calls.every((c) => c.title_fi.endsWith('(demo)')));
      const decisions = await db.selectFrom('council_decisions').select(['call_id', 'region_code', 'decision_date']).where('call_id', '=', calls[1]!.id).orderBy('region_code').execute();
      assert.deepEqual(decisions.map((d) => [d.region_code, d.decision_date]), ['10', '11', '12', '16', '17', '18', '19'].map((r) => [r, '2026-02-15']));
      const letters = await db.selectFrom('decision_letters').select(['application_id', 'outcome']).execute();
      assert.equal(letters.length, 11);
      assert.equal(letters.filter((l) => l.outcome === 'funded').length, 10);
      const projects = await db.selectFrom('projects').select(['title', 'is_demo', 'decision_year']).orderBy('id').execute();
      assert.ok(projects.every((p) => p.is_demo === 1 && p.title.endsWith('(demo)')));
      assert.deepEqual(projects.map((p) => p.decision_year), [2025, 2025, 2025, 2026, 2026, 2026, 2026, 2026, 2026, 2026]);
      const mails = await db.selectFrom('email_messages').select('status').where('purpose', '=', 'funding-decision').execute();
      assert.ok(mails.length > 0 && mails.every((m) => m.status === 'kept'));
      for (const o of demoProjectOrganisations) assert.deepEqual(parseBusinessId(o.businessId), { ok: true, value: o.businessId });
    });

    it('gives each project the funding the councils decided', async () => {
      const db = t.database.db;
      const funding = await db
        .selectFrom('project_funding as f')
        .innerJoin('projects as p', 'p.id', 'f.project_id')
        .innerJoin('council_decision_shares as s', (j) => j.onRef('s.decision_id', '=', 'f.decision_id').onRef('s.application_id', '=', 'p.application_id'))
        .select(['p.id', 'f.region_code', 'f.granted_cents', 's.granted_cents as decided'])
        .execute();
      assert.equal(funding.length, 3 * 10 + 1);
      for (const f of funding) assert.equal(Number(f.granted_cents), Number(f.decided));
      const battery = await db.selectFrom('projects').select(['id', 'granted_cents', 'region_count']).where('title', 'like', 'Akkumateriaalien%').executeTakeFirstOrThrow();
      const rows = await db.selectFrom('project_funding').select(['region_code', 'granted_cents']).where('project_id', '=', battery.id).orderBy('region_code').execute();
      assert.deepEqual(rows.map((r) => [r.region_code, Number(r.granted_cents)]), [['17', 14_000_000], ['18', 9_000_000], ['19', 8_000_000]]);
      assert.equal(Number(battery.granted_cents), 31_000_000);
      assert.equal(battery.region_count, 3);
      const fourRegions = await db.selectFrom('projects').select('region_count').where('title', 'like', 'Kiertotalouden rakennus%').executeTakeFirstOrThrow();
      assert.equal(fourRegions.region_count, 4);
    });

    it('makes the demo projects findable by inflected words', async () => {
      const db = t.database.db;
      const find = async (word: string) => {
        const keys = queryKeys(word)[0]!;
        const rows = await db
          .selectFrom('project_search_terms as s')
          .innerJoin('projects as p', 'p.id', 's.project_id')
          .select('p.title')
          .distinct()
          .where('s.term', 'in', keys)
          .orderBy('p.title')
          .execute();
        return rows.map((r) => r.title);
      };
      assert.deepEqual(await find('vetyä'), ['Vedyn tuotanto ja varastointi teollisuuden tarpeisiin (demo)']);
      assert.ok((await find('kiertotalous')).includes('Akkumateriaalien talteenotto ja kierrätys (demo)'));
      assert.deepEqual(await find('tvillingar'), ['Digitala tvillingar och dataekonomi i små företag (demo)']);
    });

    it('leaves the demo applicant a late report, and every state of a report somewhere', async () => {
      const db = t.database.db;
      const today = '2027-03-20';
      const lead = await db
        .selectFrom('projects as p')
        .innerJoin('organisations as o', 'o.id', 'p.lead_organisation_id')
        .select(['p.id', 'p.title', 'p.status'])
        .where('o.business_id', '=', '9990001-6')
        .orderBy('p.id')
        .execute();
      assert.deepEqual(lead.map((p) => [p.title, p.status]), [
        ['Teollisuuden sivuvirtojen hyödyntäminen biotaloudessa (demo)', 'completed'],
        ['Akkumateriaalien talteenotto ja kierrätys (demo)', 'ongoing'],
      ]);
      const periods = await db
        .selectFrom('reporting_periods as rp')
        .leftJoin('project_reports as r', 'r.period_id', 'rp.id')
        .select(['rp.kind', 'rp.period_start', 'rp.period_end', 'rp.due_date', 'r.status', 'r.first_submitted_at'])
        .where('rp.project_id', '=', lead[1]!.id)
        .orderBy('rp.period_end')
        .execute();
      assert.deepEqual(
        periods.map((p) => [p.period_start, p.period_end, p.due_date, p.status ?? null, reportTiming({ periodEnd: p.period_end, dueDate: p.due_date }, p.first_submitted_at?.slice(0, 10) ?? null, today)]),
        [
          ['2026-03-01', '2026-08-31', '2026-09-30', 'accepted', 'on-time'],
          ['2026-09-01', '2027-01-31', '2027-02-28', null, 'late'],
          ['2027-02-01', '2027-07-31', '2027-08-31', null, 'not-due'],
        ],
      );
      const statuses = await db.selectFrom('project_reports').select('status').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').orderBy('status').execute();
      assert.deepEqual(statuses.map((s) => [s.status, Number(s.n)]), [['accepted', 21], ['draft', 1], ['returned', 1], ['submitted', 1]]);
      const returned = await db.selectFrom('project_reports').select('review_comment').where('status', '=', 'returned').executeTakeFirstOrThrow();
      assert.match(returned.review_comment ?? '', /Täydennä/);
      const final = await db
        .selectFrom('project_reports as r')
        .innerJoin('reporting_periods as rp', 'rp.id', 'r.period_id')
        .select(['r.status', 'rp.period_end', 'rp.due_date'])
        .where('rp.kind', '=', 'final')
        .execute();
      assert.deepEqual(final, [{ status: 'accepted', period_end: '2026-11-30', due_date: '2026-12-31' }]);
    });

    it('reports spending per partner and indicator values against the targets, and sets the strategy targets', async () => {
      const db = t.database.db;
      const battery = await db.selectFrom('projects').select('id').where('title', 'like', 'Akkumateriaalien%').executeTakeFirstOrThrow();
      const targets = await db
        .selectFrom('project_indicators as pi')
        .innerJoin('indicators as i', 'i.id', 'pi.indicator_id')
        .select(['i.code', 'pi.target_hundredths'])
        .where('pi.project_id', '=', battery.id)
        .orderBy('i.code')
        .execute();
      assert.deepEqual(targets.map((x) => [x.code, Number(x.target_hundredths)]), [['RCO01', 1200], ['RCO07', 300], ['RCR29', 15_000]]);
      const report = await db.selectFrom('project_reports').select('id').where('project_id', '=', battery.id).where('status', '=', 'accepted').executeTakeFirstOrThrow();
      // Six months of 30: spending to date is 6/30 × 0.92 of each partner's budget (grant / 0.8).
      const spending = await db.selectFrom('report_spending').select('spent_cents').where('report_id', '=', report.id).orderBy('project_partner_id').execute();
      assert.deepEqual(spending.map((s) => Number(s.spent_cents)), [3_220_000, 2_070_000, 1_840_000]);
      const values = await db
        .selectFrom('report_indicator_values as v')
        .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
        .select(['i.code', 'v.value_hundredths'])
        .where('v.report_id', '=', report.id)
        .orderBy('i.code')
        .execute();
      assert.deepEqual(values.map((v) => [v.code, Number(v.value_hundredths)]), [['RCO01', 200], ['RCO07', 100], ['RCR29', 2700]]);
      const strategyTargets = await db
        .selectFrom('strategy_indicator_targets as s')
        .innerJoin('indicators as i', 'i.id', 's.indicator_id')
        .innerJoin('strategies as st', 'st.id', 's.strategy_id')
        .select(['i.code', 's.target_hundredths'])
        .where('st.valid_to', 'is', null)
        .orderBy('i.code')
        .execute();
      assert.deepEqual(strategyTargets.map((x) => [x.code, Number(x.target_hundredths)]), [
        ['RCO01', 25_000], ['RCO07', 4000], ['RCO10', 15_000], ['RCR01', 6000], ['RCR03', 5000], ['RCR29', 500_000], ['S3-CROSS', 6000], ['S3-REGIONS', 350],
      ]);
    });
  });
}
