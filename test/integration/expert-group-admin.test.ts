import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const contact = (over: Record<string, string> = {}) => ({
  name: 'Outi Oikea',
  titleFi: 'Kehittämisjohtaja',
  titleSv: 'Utvecklingsdirektör',
  titleEn: 'Development director',
  organisation: 'Pohjois-Savon liitto',
  email: 'outi.oikea@example.test',
  phone: '+358 44 123 4567',
  regionCode: '11',
  sortOrder: '1',
  ...over,
});

for (const dialect of testDialects()) {
  describe(`editing the expert group's public contacts [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect);
    });
    after(async () => t?.close());

    const rowByName = (name: string) => t.database.db.selectFrom('expert_group_members').selectAll().where('name', '=', name).executeTakeFirst();
    const publicApi = async () => (await t.app.inject('/api/v1/expert-group')).json().items as Array<{ name: string; demo: boolean; title: { fi: string } }>;

    it('shows an officer’s edit of their own region’s member on the public page and in the API at once, audited', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
      const agent = await agentFor(t, officer);
      const ville = (await rowByName('Ville Testinen'))!;
      const form = await agent.get(`/fi/hallinta/asiantuntijaryhma/${ville.id}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="isDemo" value="1" checked/);
      // Ticked as the form shows it: the demo row stays a demo row.
      const res = await agent.post(`/fi/hallinta/asiantuntijaryhma/${ville.id}`, contact({ name: 'Ville Testinen', titleFi: 'Aluekehitysjohtaja', isDemo: '1' }));
      assert.equal(res.statusCode, 303);
      assert.equal((await rowByName('Ville Testinen'))!.is_demo, 1);
      const api = (await publicApi()).find((m) => m.name === 'Ville Testinen')!;
      assert.equal(api.title.fi, 'Aluekehitysjohtaja');
      assert.equal(api.demo, true);
      const page = await t.app.inject({ url: '/fi/asiantuntijaryhma', headers: { accept: 'text/html' } });
      assert.match(page.body, /Aluekehitysjohtaja/);

      // Unticking "example person" makes the row a real person.
      assert.equal((await agent.post(`/fi/hallinta/asiantuntijaryhma/${ville.id}`, contact({ name: 'Ville Oikea' }))).statusCode, 303);
      const real = (await rowByName('Ville Oikea'))!;
      assert.equal(real.is_demo, 0);
      assert.equal(real.phone, '+358 44 123 4567');
      assert.equal((await publicApi()).find((m) => m.name === 'Ville Oikea')!.demo, false);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'expert-group.member-updated')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(audit.actor_user_id, officer.id);
      assert.equal(JSON.parse(audit.before_json!).isDemo, true);
      assert.equal(JSON.parse(audit.after_json!).name, 'Ville Oikea');
    });

    it('keeps an officer to their own region: other regions’ members cannot be added, edited, moved or removed', async () => {
      const officer = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
      const agent = await agentFor(t, officer);
      const lapland = (await rowByName('Elina Luonnos'))!;
      const sanna = (await rowByName('Sanna Malli'))!;
      assert.equal((await agent.get(`/fi/hallinta/asiantuntijaryhma/${lapland.id}`)).statusCode, 403);
      assert.equal((await agent.post(`/fi/hallinta/asiantuntijaryhma/${lapland.id}`, contact({ regionCode: '19' }))).statusCode, 403);
      assert.equal((await agent.post(`/fi/hallinta/asiantuntijaryhma/${lapland.id}/remove`)).statusCode, 403);
      assert.equal((await agent.post('/fi/hallinta/asiantuntijaryhma/new', contact({ regionCode: '19' }))).statusCode, 403);
      assert.equal((await agent.post(`/fi/hallinta/asiantuntijaryhma/${sanna.id}`, contact({ regionCode: '19' }))).statusCode, 403);
      assert.deepEqual(await rowByName('Elina Luonnos'), lapland);
      assert.deepEqual(await rowByName('Sanna Malli'), sanna);
      const list = await agent.get('/fi/hallinta/asiantuntijaryhma');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, new RegExp(`/fi/hallinta/asiantuntijaryhma/${lapland.id}"`));
      assert.match(list.body, new RegExp(`/fi/hallinta/asiantuntijaryhma/${sanna.id}"`));
      assert.equal((await agent.get('/fi/hallinta/asiantuntijaryhma/999999')).statusCode, 404);
    });

    it('lets this year’s chair coordinator edit every region, and keeps applicants out', async () => {
      // 2026 is Kainuu's (18) chair year in the rotation: its officers coordinate.
      const coordinator = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '18' }] });
      const agent = await agentFor(t, coordinator);
      const aino = (await rowByName('Aino Esimerkki'))!;
      const res = await agent.post(`/sv/administration/expertgrupp/${aino.id}`, contact({ name: 'Aino Esimerkki', regionCode: '10', isDemo: '1' }));
      assert.equal(res.statusCode, 303);
      assert.equal((await rowByName('Aino Esimerkki'))!.title_sv, 'Utvecklingsdirektör');
      const applicant = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await applicant.get('/fi/hallinta/asiantuntijaryhma')).statusCode, 403);
      assert.equal((await applicant.post(`/fi/hallinta/asiantuntijaryhma/${aino.id}/remove`)).statusCode, 403);
    });

    it('names each wrong field in the page’s language and keeps what was typed', async () => {
      const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const agent = await agentFor(t, admin);
      const res = await agent.post(
        '/en/admin/expert-group/new',
        contact({ name: '', titleSv: '', email: 'nope', phone: 'call me', regionCode: '', sortOrder: '-1', accountEmail: 'nobody@example.test' }),
      );
      assert.equal(res.statusCode, 400);
      for (const text of [
        /Enter name\./i,
        /Enter job title in swedish\./i,
        /phone number in digits/,
        /Choose the region\./,
        /whole number from 0 to 9999/,
        /value="Development director"/,
      ]) {
        assert.match(res.body, text);
      }
      const unknown = await agent.post('/en/admin/expert-group/new', contact({ accountEmail: 'nobody@example.test' }));
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /No account has this email address/);
      assert.equal(await rowByName('Outi Oikea'), undefined);
    });

    it('lets an administrator add a member linked to an account and remove them, both audited', async () => {
      const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const expert = await buildUser(t.database.db, { roles: [{ role: 'expert', region: '11' }] });
      const agent = await agentFor(t, admin);
      const res = await agent.post('/fi/hallinta/asiantuntijaryhma/new', contact({ name: 'Linkitetty Jäsen', phone: '', accountEmail: expert.email.toUpperCase() }));
      assert.equal(res.statusCode, 303);
      const row = (await rowByName('Linkitetty Jäsen'))!;
      assert.equal(row.user_id, expert.id);
      assert.equal(row.phone, null);
      assert.equal(row.is_demo, 0);
      assert.ok((await publicApi()).some((m) => m.name === 'Linkitetty Jäsen'));
      assert.equal((await agent.post(`/fi/hallinta/asiantuntijaryhma/${row.id}/remove`)).statusCode, 303);
      assert.equal(await rowByName('Linkitetty Jäsen'), undefined);
      assert.ok(!(await publicApi()).some((m) => m.name === 'Linkitetty Jäsen'));
      const actions = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('entity_type', '=', 'expert_group_member')
        .where('entity_id', '=', String(row.id))
        .orderBy('seq')
        .execute();
      assert.deepEqual(actions.map((a) => a.action), ['expert-group.member-added', 'expert-group.member-removed']);
    });
  });
}
