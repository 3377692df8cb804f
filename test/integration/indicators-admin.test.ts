import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

/** The indicator catalogue (issue 6): seeded EU and strategy indicators, officers add more, edit texts and set the strategies' targets. */
const FI = '/fi/hallinta/indikaattorit';

const newIndicator = (overrides: Record<string, string> = {}) => ({
  code: 'oma-01',
  kind: 'result',
  unit: 'tonnes',
  decimals: '1',
  name_fi: 'Vähennetty kaatopaikkajäte',
  name_sv: 'Minskat deponiavfall',
  name_en: 'Landfill waste avoided',
  description_fi: 'Jäte, joka hankkeen ansiosta ei päädy kaatopaikalle.',
  description_sv: 'Avfall som tack vare projektet inte hamnar på deponi.',
  description_en: 'Waste that does not end up in landfill thanks to the project.',
  ...overrides,
});

for (const dialect of testDialects()) {
  describe(`indicator catalogue [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: TestAgent;
    let applicant: TestAgent;
    let created = 0;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      officer = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '16' }] }));
      applicant = await agentFor(t, await buildUser(t.database.db));
    });
    after(async () => t?.close());

    it('lists the seeded catalogue with the computed indicators marked, to officers only', async () => {
      const res = await officer.get(FI);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, />RCO01<\/a><\/td><th scope="row">Tuetut yritykset<\/th>/);
      assert.match(res.body, /<span lang="sv" class="indicator-name">Företag som får stöd<br\/?><\/span>/);
      const cross = res.body.split('<tr>').find((r) => r.includes('>S3-CROSS<'))!;
      assert.match(cross, /Lasketaan hankkeista/);
      assert.equal((await applicant.get(FI)).statusCode, 403);
    });

    it('adds an indicator with its code in capitals, and refuses a taken or malformed code with the values kept', async () => {
      const db = t.database.db;
      const res = await officer.post(FI, newIndicator());
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${FI}?added=OMA-01`);
      const row = await db.selectFrom('indicators').selectAll().where('code', '=', 'OMA-01').executeTakeFirstOrThrow();
      created = row.id;
      assert.deepEqual([row.kind, row.source, row.unit, row.decimals, row.computed, row.name_sv], ['result', 'custom', 'tonnes', 1, null, 'Minskat deponiavfall']);
      const last = await db.selectFrom('indicators').select('code').orderBy('sort_order', 'desc').executeTakeFirstOrThrow();
      assert.equal(last.code, 'OMA-01');
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'indicator').where('entity_id', '=', String(row.id)).execute();
      assert.deepEqual(audit.map((a) => a.action), ['indicator.created']);
      assert.match((await officer.get(`${FI}?added=OMA-01`)).body, /Indikaattori OMA-01 lisättiin\./);

      const count = async () => (await db.selectFrom('indicators').select('id').execute()).length;
      const before = await count();
      const taken = await officer.post(FI, newIndicator({ code: 'RCO01' }));
      assert.equal(taken.statusCode, 409);
      assert.match(taken.body, /Tunnus RCO01 on jo käytössä\. Valitse toinen tunnus\./);
      assert.match(taken.body, /value="Vähennetty kaatopaikkajäte"/);
      const malformed = await officer.post(FI, newIndicator({ code: 'Ä1', decimals: '3' }));
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.body, /Tunnuksessa saa olla vain isoja kirjaimia A–Z, numeroita ja väliviivoja/);
      assert.match(malformed.body, /Valitse desimaalien määrä \(0–2\)\./);
      const empty = await officer.post(FI, {});
      assert.equal(empty.statusCode, 400);
      for (const message of ['Kirjoita tunnus.', 'Valitse laji.', 'Valitse yksikkö.', 'Kirjoita nimi suomeksi.', 'Kirjoita kuvaus englanniksi.']) assert.ok(empty.body.includes(message), message);
      const english = await officer.post('/en/admin/indicators', newIndicator({ name_sv: '' }));
      assert.match(english.body, /Enter the name in Swedish\./);
      assert.equal(await count(), before);
    });

    it('edits the names and descriptions but not the code', async () => {
      const db = t.database.db;
      const page = await officer.get(`${FI}/${created}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Indikaattori OMA-01<\/h1>/);
      assert.ok(!page.body.includes('name="code"'));

      const empty = await officer.post(`${FI}/${created}`, {});
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Kirjoita nimi ruotsiksi\./);
      const res = await officer.post(`${FI}/${created}`, { ...newIndicator({ name_fi: 'Kaatopaikalta säästetty jäte', code: 'MUUTETTU' }) });
      assert.equal(res.statusCode, 303);
      const row = await db.selectFrom('indicators').select(['code', 'name_fi', 'name_en']).where('id', '=', created).executeTakeFirstOrThrow();
      assert.deepEqual(row, { code: 'OMA-01', name_fi: 'Kaatopaikalta säästetty jäte', name_en: 'Landfill waste avoided' });
      const audit = await db.selectFrom('audit_log').select('action').where('entity_type', '=', 'indicator').where('entity_id', '=', String(created)).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['indicator.created', 'indicator.updated']);
      assert.equal((await officer.get(`${FI}/999999`)).statusCode, 404);
      assert.equal((await officer.post(`${FI}/999999`, newIndicator())).statusCode, 404);
    });

    it('saves a target per strategy version in hundredths, and refuses more decimals than the indicator has', async () => {
      const db = t.database.db;
      const strategies = await db.selectFrom('strategies').select('id').orderBy('valid_from', 'desc').execute();
      assert.ok(strategies.length >= 1);
      const [current, ...older] = strategies.map((s) => s.id);
      const page = await officer.get(`${FI}/${created}`);
      for (const id of strategies.map((s) => s.id)) assert.ok(page.body.includes(`name="target_${id}"`));
      const targets = () => db.selectFrom('strategy_indicator_targets').select(['strategy_id', 'target_hundredths']).where('indicator_id', '=', created).orderBy('strategy_id').execute();

      const fields = Object.fromEntries(strategies.map((s) => [`target_${s.id}`, '']));
      const bad = await officer.post(`${FI}/${created}/targets`, { ...fields, [`target_${current}`]: '1 500,25' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /enintään 1 desimaali\./);
      assert.match(bad.body, /value="1 500,25"/);
      assert.deepEqual(await targets(), []);

      const res = await officer.post(`${FI}/${created}/targets`, { ...fields, [`target_${current}`]: '1 500,5' });
      assert.equal(res.statusCode, 303);
      assert.deepEqual((await targets()).map((r) => [r.strategy_id, Number(r.target_hundredths)]), [[current, 150_050]]);
      assert.match((await officer.get(`${FI}/${created}?done=targets`)).body, new RegExp(`name="target_${current}" type="text" value="1500,5"`));

      // A post without the form's fields clears nothing.
      assert.equal((await officer.post(`${FI}/${created}/targets`, {})).statusCode, 400);
      assert.equal((await targets()).length, 1);

      if (older.length > 0) {
        assert.equal((await officer.post(`${FI}/${created}/targets`, { ...fields, [`target_${older[0]}`]: '20' })).statusCode, 303);
        assert.deepEqual((await targets()).map((r) => [r.strategy_id, Number(r.target_hundredths)]), [[older[0], 2000]]);
      }
      const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'indicator.targets-set').where('entity_id', '=', String(created)).execute();
      assert.equal(audit.length, older.length > 0 ? 2 : 1);
    });
  });
}
