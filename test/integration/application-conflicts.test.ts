import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const BASE = '/fi/hakemukset';
const START = '2026-11-28T10:00:00.000Z';

function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bname="${name.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  return tag ? (/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '') : undefined;
}

function textareaValue(html: string, name: string): string | undefined {
  return new RegExp(`<textarea[^>]*\\bname="${name.replace(/\./g, '\\.')}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}

for (const dialect of testDialects()) {
  describe(`application editing: conflicts and the deadline [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let organisation: OrganisationRow;
    let anna: UserRow;
    let bertil: UserRow;

    before(async () => {
      t = await buildTestApp(dialect);
      call = await buildCall(t.database.db);
      organisation = await buildOrganisation(t.database.db, { region: '17' });
      anna = await buildUser(t.database.db, { name: 'Anna Ensimmäinen', memberOf: [{ organisation }] });
      bertil = await buildUser(t.database.db, { name: 'Bertil Toinen', memberOf: [{ organisation }] });
    });
    afterEach(() => t.clock.set(START));
    after(async () => t?.close());

    const generalRow = (id: number) => t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const partnerRow = (id: number) => t.database.db.selectFrom('application_partners').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('tells the second of two editors of the general part who saved it, keeps what they typed, and lets them overwrite on purpose', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation }, title: 'Alkuperäinen nimi' });
      const a = await agentFor(t, anna);
      const b = await agentFor(t, bertil);
      const pageA = await a.get(`${BASE}/${built.id}/general`);
      const pageB = await b.get(`${BASE}/${built.id}/general`);
      const version = inputValue(pageA.body, 'version')!;
      assert.equal(inputValue(pageB.body, 'version'), version);

      t.clock.set('2026-11-28T10:02:00.000Z');
      const first = await a.post(`${BASE}/${built.id}/general`, { version, title: 'Annan nimi', summary: 'Annan tiivistelmä.', 'section.background': 'Sama tausta.' });
      assert.equal(first.statusCode, 303);
      t.clock.set('2026-11-28T10:05:00.000Z');
      const second = await b.post(`${BASE}/${built.id}/general`, { version, title: 'Bertilin nimi', summary: 'Annan tiivistelmä.', 'section.background': 'Bertilin tausta.' });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Joku muu tallensi tämän osan sillä välin, kun muokkasit sitä/);
      assert.match(second.body, /Anna Ensimmäinen tallensi tämän osan 28\.11\.2026 klo 12\.02\. Muutoksiasi ei ole vielä tallennettu\./);
      assert.equal(inputValue(second.body, 'title'), 'Bertilin nimi', 'what the second editor typed is kept');
      assert.equal(textareaValue(second.body, 'section.background'), 'Bertilin tausta.');
      assert.match(second.body, /Tallentanut Anna Ensimmäinen:<\/p><p class="conflict-value__text">Annan nimi<\/p>/);
      assert.doesNotMatch(second.body, /conflict-value__text">Annan tiivistelmä\./, 'a field both left the same shows no comparison');
      assert.equal(inputValue(second.body, 'version'), String(Number(version) + 1));

      const stored = await generalRow(built.id);
      assert.equal(stored.title, 'Annan nimi');
      assert.equal(stored.version, Number(version) + 1);
      assert.equal(stored.updated_by, anna.id);
      assert.equal((await t.database.db.selectFrom('application_sections').select('body').where('application_id', '=', built.id).where('section', '=', 'background').executeTakeFirstOrThrow()).body, 'Sama tausta.');

      const overwrite = await b.post(`${BASE}/${built.id}/general`, { version: inputValue(second.body, 'version')!, title: 'Bertilin nimi', summary: 'Annan tiivistelmä.' });
      assert.equal(overwrite.statusCode, 303);
      assert.equal((await generalRow(built.id)).title, 'Bertilin nimi');
      assert.equal((await generalRow(built.id)).updated_by, bertil.id);
    });

    it('gives the same conflict on a partner’s part, and keeps the first editor’s amounts', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation } });
      const part = built.partnerIds[0]!;
      const a = await agentFor(t, anna);
      const b = await agentFor(t, bertil);
      const version = inputValue((await a.get(`${BASE}/${built.id}/partners/${part}`)).body, 'version')!;
      const first = await a.post(`${BASE}/${built.id}/partners/${part}`, { version, unit: 'Annan yksikkö', 'cost.staff': '100 000', requested: '112 000', own_funding: '28 000' });
      assert.equal(first.statusCode, 303);
      const second = await b.post(`${BASE}/${built.id}/partners/${part}`, { version, unit: 'Bertilin yksikkö', 'cost.staff': '200 000', requested: '112 000', own_funding: '168 000' });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Anna Ensimmäinen tallensi tämän osan/);
      assert.equal(inputValue(second.body, 'cost.staff'), '200 000');
      assert.match(second.body, /Tallentanut Anna Ensimmäinen:<\/p><p class="conflict-value__text">100 000<\/p>/);
      const stored = await partnerRow(part);
      assert.equal(stored.unit, 'Annan yksikkö');
      assert.equal(Number(stored.own_funding_cents), 2_800_000);
      const staff = await t.database.db.selectFrom('application_partner_costs').select('amount_cents').where('partner_id', '=', part).where('category', '=', 'staff').executeTakeFirstOrThrow();
      assert.equal(Number(staff.amount_cents), 10_000_000);
    });

    it('lets exactly one of two saves sent at the same moment win, on either part', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation } });
      const a = await agentFor(t, anna);
      const b = await agentFor(t, bertil);
      const version = (await generalRow(built.id)).version;
      const general = await Promise.all([
        a.post(`${BASE}/${built.id}/general`, { version: String(version), title: 'Yhtäaikaa A' }),
        b.post(`${BASE}/${built.id}/general`, { version: String(version), title: 'Yhtäaikaa B' }),
      ]);
      assert.deepEqual(general.map((r) => r.statusCode).sort(), [303, 409]);
      const winner = general[0]!.statusCode === 303 ? 'Yhtäaikaa A' : 'Yhtäaikaa B';
      const row = await generalRow(built.id);
      assert.equal(row.title, winner);
      assert.equal(row.version, version + 1);
      const saves = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'application.general-saved').where('entity_id', '=', String(built.id)).execute();
      assert.equal(saves.length, 1);

      const part = built.partnerIds[1]!;
      const partVersion = (await partnerRow(part)).version;
      const partner = await Promise.all([
        a.post(`${BASE}/${built.id}/partners/${part}`, { version: String(partVersion), unit: 'Rinnakkain A', 'cost.staff': '1' }),
        b.post(`${BASE}/${built.id}/partners/${part}`, { version: String(partVersion), unit: 'Rinnakkain B', 'cost.staff': '2' }),
      ]);
      assert.deepEqual(partner.map((r) => r.statusCode).sort(), [303, 409]);
      const stored = await partnerRow(part);
      const aWon = partner[0]!.statusCode === 303;
      assert.equal(stored.unit, aWon ? 'Rinnakkain A' : 'Rinnakkain B');
      assert.equal(stored.version, partVersion + 1);
      const staff = await t.database.db.selectFrom('application_partner_costs').select('amount_cents').where('partner_id', '=', part).executeTakeFirstOrThrow();
      assert.equal(Number(staff.amount_cents), aWon ? 100 : 200);
    });

    it('refuses every save from the closing second on, shows back what was typed and changes nothing', async () => {
      const closing = await buildCall(t.database.db, { closesAt: '2026-11-28T14:00:00.000Z' });
      const built = await buildApplication(t.database.db, { call: closing, lead: { organisation }, title: 'Ennen määräaikaa' });
      const part = built.partnerIds[1]!;
      const before = await generalRow(built.id);
      const partBefore = await partnerRow(part);

      t.clock.set('2026-11-28T13:59:59.999Z');
      const last = await agentFor(t, anna);
      const inTime = await last.post(`${BASE}/${built.id}/general`, { version: String(before.version), title: 'Viime hetkellä' });
      assert.equal(inTime.statusCode, 303, 'a save a millisecond before the closing time is taken');

      t.clock.set('2026-11-28T14:00:00.000Z');
      const late = await agentFor(t, anna);
      const general = await late.post(`${BASE}/${built.id}/general`, { version: String(before.version + 1), title: 'Myöhästynyt nimi', 'section.results': 'Myöhästynyt teksti, joka ei saa kadota.' });
      assert.equal(general.statusCode, 409);
      assert.match(general.body, /Haku päättyi 28\.11\.2026 klo 16\.00, joten hakemusta ei voi enää muuttaa\./);
      assert.match(general.body, /Kirjoittamasi tiedot \(ei tallennettu\)/);
      assert.match(general.body, /Myöhästynyt teksti, joka ei saa kadota\./);
      const partner = await late.post(`${BASE}/${built.id}/partners/${part}`, { version: String(partBefore.version), unit: 'Myöhästynyt yksikkö' });
      assert.equal(partner.statusCode, 409);
      assert.match(partner.body, /Myöhästynyt yksikkö/);
      assert.equal((await late.post(`${BASE}/${built.id}/partners`, { business_id: '0737546-2' })).statusCode, 409);
      assert.equal((await late.post(`${BASE}/${built.id}/partners/${part}/remove`, { confirm: 'yes' })).statusCode, 409);

      const after = await generalRow(built.id);
      assert.equal(after.title, 'Viime hetkellä');
      assert.equal(after.version, before.version + 1);
      assert.deepEqual(await partnerRow(part), partBefore);
      assert.equal((await t.database.db.selectFrom('application_partners').select('id').where('application_id', '=', built.id).execute()).length, 3);

      const readOnly = await late.get(`${BASE}/${built.id}/general`);
      assert.equal(readOnly.statusCode, 200);
      assert.doesNotMatch(readOnly.body, /data-autosave/);
      assert.doesNotMatch(readOnly.body, /<input[^>]*name="title"/);
      assert.match(readOnly.body, /Viime hetkellä/);
      const overview = await late.get(`${BASE}/${built.id}`);
      assert.doesNotMatch(overview.body, /\/submit"/);
      assert.match(overview.body, /\(päättynyt\)/);
    });

    it('refuses to change a submitted application', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation }, status: 'submitted', title: 'Jätetty hakemus' });
      const agent = await agentFor(t, anna);
      const res = await agent.post(`${BASE}/${built.id}/general`, { version: '1', title: 'Muutettu' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Hakemus on jätetty, joten sitä ei voi enää muuttaa\./);
      assert.match(res.body, /Muutettu/);
      assert.equal((await generalRow(built.id)).title, 'Jätetty hakemus');
      const partner = await agent.post(`${BASE}/${built.id}/partners/${built.partnerIds[0]}`, { version: '1', unit: 'X' });
      assert.equal(partner.statusCode, 409);
      assert.equal((await partnerRow(built.partnerIds[0]!)).unit, 'Tutkimusyksikkö');
    });
  });
}
