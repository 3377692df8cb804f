import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { projectsPublicMessages } from '../../src/features/projects/projects.public.messages.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildProject } from '../helpers/project-factories.js';

/** The partner search page: organisations of projects on a topic, grouped, without the searcher's own region. */
const m = projectsPublicMessages.fi;
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const dialect of testDialects()) {
  describe(`partner search [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    /** The organisation names in the result table, in order. */
    const rows = (body: string) => [...body.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><td class="numeric"><a [^>]*>(\d+)/g)].map((r) => `${r[1]} | ${r[2]} | ${r[3]}`);

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      const call = await buildCall(db, { title: 'Kumppanihaku' });
      await db
        .insertInto('funding_proposals')
        .values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
        .execute();
      const oulu = await buildOrganisation(db, { region: '17', name: 'Oulun Akkukeskus' });
      const kajaani = await buildOrganisation(db, { region: '18', name: 'Kajaanin Materiaalitutkimus' });
      const kuopio = await buildOrganisation(db, { region: '11', name: 'Kuopion Kierrätys' });
      const rovaniemi = await buildOrganisation(db, { region: '19', name: 'Arktinen Matkailu' });
      await buildProject(db, { call, title: 'Akkumateriaalien kierrätys', partners: [{ region: '17', organisation: oulu }, { region: '18', organisation: kajaani }] });
      await buildProject(db, { call, title: 'Akkujen kiertotalous', partners: [{ region: '18', organisation: kajaani }, { region: '11', organisation: kuopio }] });
      await buildProject(db, { call, title: 'Akkumateriaali ja vety', partners: [{ region: '17', organisation: oulu }, { region: '11', organisation: kuopio }, { region: '18', organisation: kajaani }] });
      await buildProject(db, { call, title: 'Revontulimatkailu', partners: [{ region: '19', organisation: rovaniemi }, { region: '17', organisation: oulu }] });
    });
    after(async () => t?.close());

    it('groups the partners of matching projects per organisation, most projects first', async () => {
      const res = await get('/fi/kumppanihaku?q=akkumateriaaleja');
      assert.equal(res.statusCode, 200);
      // "akkumateriaaleja" matches the first and third project.
      assert.deepEqual(rows(res.body), ['Kajaanin Materiaalitutkimus | Kainuu | 2', 'Oulun Akkukeskus | Pohjois-Pohjanmaa | 2', 'Kuopion Kierrätys | Pohjois-Savo | 1']);
      assert.ok(res.body.includes('>Akkumateriaalien kierrätys</a>') && res.body.includes('>Akkumateriaali ja vety</a>'));
      assert.ok(!res.body.includes('Revontulimatkailu'));
      assert.ok(res.body.includes(html(m.partnerCount(3, 3))));
    });

    it('leaves out the searcher’s own region', async () => {
      const res = await get('/fi/kumppanihaku?q=akkumateriaaleja&region=17');
      assert.deepEqual(rows(res.body), ['Kajaanin Materiaalitutkimus | Kainuu | 2', 'Kuopion Kierrätys | Pohjois-Savo | 1']);
      assert.match(res.body, /<option value="17" selected/);
    });

    it('links each organisation’s projects on the topic to the project search', async () => {
      const body = (await get('/sv/partnersok?q=akkumateriaaleja&region=17')).body;
      assert.match(body, /href="\/sv\/projekt\?q=akkumateriaaleja&amp;organisation=\d+"/);
    });

    it('asks for a topic first, says when nothing is found, and ignores an unknown region', async () => {
      assert.ok((await get('/fi/kumppanihaku')).body.includes(html(m.partnerPrompt)));
      assert.ok((await get('/fi/kumppanihaku?q=olematonsana')).body.includes(html(m.partnerNoResults)));
      const odd = await get('/fi/kumppanihaku?q=akkumateriaaleja&region=99');
      assert.equal(odd.statusCode, 200);
      assert.ok(odd.body.includes(m.ignored));
      assert.equal(rows(odd.body).length, 3);
    });
  });
}
