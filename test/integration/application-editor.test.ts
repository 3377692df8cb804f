import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser, uniqueBusinessId } from '../helpers/factories.js';

const BASE = '/fi/hakemukset';

/** The value attribute of the input named so, as the page renders it. */
function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bname="${name.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  return tag ? (/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '') : undefined;
}

function textareaValue(html: string, name: string): string | undefined {
  return new RegExp(`<textarea[^>]*\\bname="${name.replace(/\./g, '\\.')}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}

/** The problems of the overview's checklist, as field:code pairs. */
function checklist(html: string): string[] {
  const section = /<section aria-labelledby="checklist-title">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return [...section.matchAll(/<li data-field="([^"]+)" data-code="([^"]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
}

for (const dialect of testDialects()) {
  describe(`application editor [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let organisation: OrganisationRow;
    let applicant: UserRow;

    before(async () => {
      t = await buildTestApp(dialect);
      call = await buildCall(t.database.db, { title: 'Akkuhaku 2026' });
      organisation = await buildOrganisation(t.database.db, { name: 'Oulun testiyliopisto', region: '17' });
      applicant = await buildUser(t.database.db, { name: 'Hilkka Hakija', memberOf: [{ organisation }] });
    });
    after(async () => t?.close());

    async function startDraft(): Promise<number> {
      const agent = await agentFor(t, applicant);
      const res = await agent.post(`${BASE}/new`, { call: String(call.id), organisation: String(organisation.id) });
      assert.equal(res.statusCode, 303, res.body);
      return Number(/\/fi\/hakemukset\/(\d+)$/.exec(String(res.headers.location))![1]);
    }

    it('starts a draft in an open call with the lead partner in its home region, and lists it', async () => {
      const agent = await agentFor(t, applicant);
      const page = await agent.get(`${BASE}/new?call=${call.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aloitat hakemuksen hakuun ”Akkuhaku 2026”/);
      assert.match(page.body, new RegExp(`value="${organisation.id}" checked`));
      const id = await startDraft();
      const row = await t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'draft');
      assert.equal(row.call_id, call.id);
      assert.equal(row.lead_organisation_id, organisation.id);
      assert.equal(row.created_by, applicant.id);
      const partners = await t.database.db.selectFrom('application_partners').selectAll().where('application_id', '=', id).execute();
      assert.equal(partners.length, 1);
      assert.equal(partners[0]!.is_lead, 1);
      assert.equal(partners[0]!.region_code, '17');
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'application.created').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
      assert.equal(audit.entity_type, 'application');
      assert.equal(JSON.parse(audit.after_json!).leadOrganisationId, organisation.id);

      const overview = await agent.get(`${BASE}/${id}`);
      assert.equal(overview.statusCode, 200);
      assert.match(overview.body, /Nimetön hakemus/);
      assert.match(overview.body, /15\.12\.2026 klo 16\.15 \(17 päivän kuluttua\)/);
      const list = await agent.get(BASE);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(`href="/fi/hakemukset/${id}">Nimetön hakemus</a>`));
      assert.match(list.body, /Akkuhaku 2026/);
      assert.match(list.body, /<td>Luonnos<\/td>/);
      assert.match(list.body, /<td>Avoinna<\/td>/);
      assert.match(list.body, /href="\/fi\/hakemukset" aria-current="page">Omat hakemukset</);
    });

    it('refuses to start a draft when the call is not open or the user is not a member of the organisation', async () => {
      const agent = await agentFor(t, applicant);
      const later = await buildCall(t.database.db, { opensAt: '2027-01-10T08:00:00.000Z', closesAt: '2027-02-10T14:15:00.000Z' });
      const before = await t.database.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const page = await agent.get(`${BASE}/new?call=${later.id}`);
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /Haku ei ole avoinna/);
      assert.match(page.body, /Hakuun voi jättää hakemuksia 10\.1\.2027 klo 10\.00 alkaen/);
      assert.equal((await agent.post(`${BASE}/new`, { call: String(later.id), organisation: String(organisation.id) })).statusCode, 409);
      const closed = await buildCall(t.database.db, { opensAt: '2026-10-01T08:00:00.000Z', closesAt: '2026-11-01T14:15:00.000Z' });
      const closedPage = await agent.get(`${BASE}/new?call=${closed.id}`);
      assert.equal(closedPage.statusCode, 409);
      assert.match(closedPage.body, /Haku päättyi 1\.11\.2026 klo 16\.15/);

      const other = await buildOrganisation(t.database.db, { region: '12' });
      const refused = await agent.post(`${BASE}/new`, { call: String(call.id), organisation: String(other.id) });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Valitse päätoteuttajaksi organisaatio, jonka jäsen olet/);
      const after = await t.database.db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));

      const loner = await agentFor(t, await buildUser(t.database.db));
      const none = await loner.get(`${BASE}/new?call=${call.id}`);
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /et ole vielä minkään organisaation jäsen/);
      assert.match(none.body, /href="\/fi\/organisaatiot\/new"/);
      assert.match((await loner.get(BASE)).body, /Sinulla ei ole vielä hakemuksia/);
    });

    it('saves every field of the general part and reads them back', async () => {
      const id = await startDraft();
      const agent = await agentFor(t, applicant);
      const sectors = await t.database.db.selectFrom('growth_sectors').select(['id', 'name_fi']).where('region_code', '=', '17').orderBy('id').execute();
      const priority = await t.database.db.selectFrom('call_priorities').select('priority_id').where('call_id', '=', call.id).executeTakeFirstOrThrow();
      const question = await t.database.db.selectFrom('call_questions').select('id').where('call_id', '=', call.id).executeTakeFirstOrThrow();
      const form = await agent.get(`${BASE}/${id}/general`);
      assert.equal(form.statusCode, 200);
      assert.equal(inputValue(form.body, 'version'), '1');
      assert.match(form.body, /data-autosave="general"/);
      assert.match(form.body, /data-live-check[ >]/);
      assert.match(form.body, new RegExp(`name="growth_sector" value="${sectors[0]!.id}"`));
      const res = await agent.post(`${BASE}/${id}/general`, {
        version: '1',
        title: 'Akkumateriaalien kierto',
        summary: 'Julkinen tiivistelmä & "lainaus".',
        priority: String(priority.priority_id),
        growth_sector: [String(sectors[1]!.id), String(sectors[0]!.id)],
        start_date: '1.3.2027',
        end_date: '2029-02-28',
        'section.background': 'Tausta.',
        'section.objectives': 'Tavoitteet.',
        'section.implementation': 'Salainen menetelmä.',
        'section.implementation.secret': '1',
        'section.results': 'Tulokset.',
        'section.cooperation': 'Yhteistyö.',
        'indicator.0.name': 'Tuetut yritykset',
        'indicator.0.unit': 'kpl',
        'indicator.0.target': '1 200',
        'indicator.1.name': '',
        'indicator.1.unit': '',
        'indicator.1.target': '',
        'indicator.2.name': 'Uudet tuotteet',
        'indicator.2.unit': 'kpl',
        'indicator.2.target': '3',
        [`question.${question.id}`]: 'Vastaus lisäkysymykseen.',
      });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, `${BASE}/${id}/general?saved=2`);

      const row = await t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.title, 'Akkumateriaalien kierto');
      assert.equal(row.summary, 'Julkinen tiivistelmä & "lainaus".');
      assert.equal(row.priority_id, priority.priority_id);
      assert.equal(row.start_date, '2027-03-01');
      assert.equal(row.end_date, '2029-02-28');
      assert.equal(row.version, 2);
      assert.equal(row.updated_by, applicant.id);
      assert.equal(row.updated_at, '2026-11-28T10:00:00.000Z');
      const sections = await t.database.db.selectFrom('application_sections').selectAll().where('application_id', '=', id).orderBy('section').execute();
      assert.equal(sections.length, 5);
      assert.deepEqual(
        sections.filter((s) => s.is_secret === 1).map((s) => s.section),
        ['implementation'],
      );
      const linked = await t.database.db.selectFrom('application_growth_sectors').select('growth_sector_id').where('application_id', '=', id).orderBy('growth_sector_id').execute();
      assert.deepEqual(linked.map((l) => l.growth_sector_id), [sectors[0]!.id, sectors[1]!.id]);
      const indicators = await t.database.db.selectFrom('application_indicators').selectAll().where('application_id', '=', id).orderBy('sort_order').execute();
      assert.deepEqual(indicators.map((i) => [i.name, i.unit, Number(i.target_value), i.sort_order]), [['Tuetut yritykset', 'kpl', 1200, 1], ['Uudet tuotteet', 'kpl', 3, 2]]);
      const answers = await t.database.db.selectFrom('application_answers').selectAll().where('application_id', '=', id).execute();
      assert.deepEqual(answers.map((a) => [a.question_id, a.value]), [[question.id, 'Vastaus lisäkysymykseen.']]);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'application.general-saved').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
      assert.equal(audit.entity_type, 'application');
      assert.deepEqual(JSON.parse(audit.after_json!), { version: 2 });

      const back = await agent.get(String(res.headers.location));
      assert.equal(back.statusCode, 200);
      assert.match(back.body, /Tallennettu klo 12\.00\./);
      assert.equal(inputValue(back.body, 'title'), 'Akkumateriaalien kierto');
      assert.equal(textareaValue(back.body, 'summary'), 'Julkinen tiivistelmä &amp; &quot;lainaus&quot;.');
      assert.equal(inputValue(back.body, 'start_date'), '1.3.2027');
      assert.equal(inputValue(back.body, 'end_date'), '28.2.2029');
      assert.equal(inputValue(back.body, 'indicator.1.name'), 'Uudet tuotteet');
      assert.equal(inputValue(back.body, 'indicator.0.target'), '1200');
      assert.equal(inputValue(back.body, 'indicator.3.name'), '', 'two empty rows follow the filled ones');
      assert.equal(inputValue(back.body, 'indicator.4.name'), undefined);
      assert.match(back.body, /name="section\.implementation\.secret" value="1" checked/);
      assert.doesNotMatch(back.body, /name="section\.background\.secret" value="1" checked/);
      assert.match(back.body, new RegExp(`value="${priority.priority_id}" checked`));
      assert.match(back.body, new RegExp(`name="growth_sector" value="${sectors[1]!.id}" checked`));
      assert.equal(textareaValue(back.body, `question.${question.id}`), 'Vastaus lisäkysymykseen.');
      // The checks of this part appear with the save: only what is still missing in the general part (nothing).
      assert.match(back.body, /Tässä osassa ei ole puutteita\./);

      const overview = await agent.get(`${BASE}/${id}`);
      assert.match(overview.body, /<h1>Akkumateriaalien kierto<\/h1>/);
      assert.match(overview.body, /Hilkka Hakija, 28\.11\.2026 klo 12\.00/);
    });

    it('adds an indicator row without JavaScript, and keeps what was typed when a field is malformed', async () => {
      const id = await startDraft();
      const agent = await agentFor(t, applicant);
      const add = await agent.post(`${BASE}/${id}/general`, {
        version: '1',
        title: 'Rivit',
        'indicator.0.name': 'A',
        'indicator.0.unit': 'kpl',
        'indicator.0.target': '1',
        add_indicator: '1',
      });
      assert.equal(add.statusCode, 303);
      assert.equal(add.headers.location, `${BASE}/${id}/general?saved=2&rows=4#field-indicator-1-name`);
      const page = await agent.get(String(add.headers.location).split('#')[0]!);
      assert.equal(inputValue(page.body, 'indicator.3.name'), '');
      assert.equal(inputValue(page.body, 'indicator.4.name'), undefined);

      const bad = await agent.post(`${BASE}/${id}/general`, { version: '2', title: 'Uusi nimi', start_date: '31.2.2027', 'indicator.0.name': 'A', 'indicator.0.target': 'paljon' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Korjaa seuraavat kohdat/);
      assert.match(bad.body, /href="#field-start_date">Kirjoita alkupäivä olemassa olevana päivämääränä muodossa p\.k\.vvvv/);
      assert.match(bad.body, /Kirjoita indikaattorin 1 tavoitearvo kokonaislukuna/);
      assert.equal(inputValue(bad.body, 'title'), 'Uusi nimi');
      assert.equal(inputValue(bad.body, 'start_date'), '31.2.2027');
      assert.equal(inputValue(bad.body, 'indicator.0.target'), 'paljon');
      assert.equal((await t.database.db.selectFrom('applications').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title, 'Rivit');
    });

    it('adds partners by business ID, registering a new organisation, and removes one after confirmation', async () => {
      const id = await startDraft();
      const agent = await agentFor(t, applicant);
      const wrong = await agent.post(`${BASE}/${id}/partners`, { business_id: '0737546-3' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Y-tunnuksen tarkistusnumero ei täsmää\. Numeroiden 0737546 tarkistusnumero on 2 \(0737546-2\)/);
      assert.equal(inputValue(wrong.body, 'business_id'), '0737546-3');

      const kainuu = await buildOrganisation(t.database.db, { name: 'Kainuun testiammattikorkeakoulu', region: '18', type: 'university-of-applied-sciences' });
      const added = await agent.post(`${BASE}/${id}/partners`, { business_id: kainuu.business_id.replace('-', ''), region: '' });
      assert.equal(added.statusCode, 303, added.body);
      const partners = () => t.database.db.selectFrom('application_partners').selectAll().where('application_id', '=', id).orderBy('sort_order').execute();
      const kainuuRow = (await partners()).find((p) => p.organisation_id === kainuu.id)!;
      assert.equal(kainuuRow.region_code, '18');
      assert.equal(kainuuRow.is_lead, 0);
      assert.equal(added.headers.location, `${BASE}/${id}/partners?added=${kainuuRow.id}`);
      assert.match((await agent.get(String(added.headers.location))).body, /Kainuun testiammattikorkeakoulu on lisätty osatoteuttajaksi/);
      const again = await agent.post(`${BASE}/${id}/partners`, { business_id: kainuu.business_id });
      assert.equal(again.statusCode, 400);
      assert.match(again.body, /Kainuun testiammattikorkeakoulu on jo mukana hakemuksessa/);

      const newId = uniqueBusinessId();
      const unknown = await agent.post(`${BASE}/${id}/partners`, { business_id: newId, region: '19' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, new RegExp(`Y-tunnuksella ${newId} ei ole vielä organisaatiota palvelussa`));
      const incomplete = await agent.post(`${BASE}/${id}/partners`, { business_id: newId, region: '19', name: 'Lapin Testi Oy' });
      assert.equal(incomplete.statusCode, 400);
      assert.match(incomplete.body, /Valitse organisaatiotyyppi/);
      assert.equal(inputValue(incomplete.body, 'name'), 'Lapin Testi Oy');
      const created = await agent.post(`${BASE}/${id}/partners`, { business_id: newId, region: '19', name: ' Lapin  Testi Oy ', org_type: 'company', home_region: '17' });
      assert.equal(created.statusCode, 303, created.body);
      const organisationRow = await t.database.db.selectFrom('organisations').selectAll().where('business_id', '=', newId).executeTakeFirstOrThrow();
      assert.deepEqual([organisationRow.name, organisationRow.org_type, organisationRow.region_code], ['Lapin Testi Oy', 'company', '17']);
      const lapland = (await partners()).find((p) => p.organisation_id === organisationRow.id)!;
      assert.equal(lapland.region_code, '19', 'works in the project in the region chosen, not its home region');
      const audits = await t.database.db.selectFrom('audit_log').select(['action', 'entity_type']).where('action', 'in', ['organisation.created', 'application.partner-added']).orderBy('seq', 'desc').limit(2).execute();
      assert.deepEqual(audits.map((a) => a.action).sort(), ['application.partner-added', 'organisation.created']);

      const list = await agent.get(`${BASE}/${id}/partners`);
      assert.match(list.body, /Lapin Testi Oy/);
      assert.match(list.body, /<td>Lappi<\/td>/);
      assert.match(list.body, /<td>Yritys<\/td>/);
      const confirm = await agent.get(`${BASE}/${id}/partners/${lapland.id}/remove`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Poistetaanko Lapin Testi Oy\?/);
      const stray = await agent.post(`${BASE}/${id}/partners/${lapland.id}/remove`, {});
      assert.equal(stray.statusCode, 200);
      assert.equal((await partners()).length, 3, 'a post without the confirmation removes nothing');
      const removed = await agent.post(`${BASE}/${id}/partners/${lapland.id}/remove`, { confirm: 'yes' });
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, `${BASE}/${id}/partners?removed=1`);
      assert.deepEqual((await partners()).map((p) => p.organisation_id), [organisation.id, kainuu.id]);
      const lead = (await partners())[0]!;
      const refusedLead = await agent.post(`${BASE}/${id}/partners/${lead.id}/remove`, { confirm: 'yes' });
      assert.equal(refusedLead.statusCode, 400);
      assert.match(refusedLead.body, /Päätoteuttajaa ei voi poistaa/);
      assert.equal((await partners()).length, 2);
    });

    it('saves a partner’s part under the flat-rate model and shows the computed other costs', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation }, empty: true });
      const agent = await agentFor(t, applicant);
      const partnerId = built.partnerIds[1]!;
      const page = await agent.get(`${BASE}/${built.id}/partners/${partnerId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /data-autosave="partner"/);
      assert.equal(inputValue(page.body, 'cost.travel'), undefined, 'the flat-rate model asks only for staff costs');
      const res = await agent.post(`${BASE}/${built.id}/partners/${partnerId}`, {
        version: '1',
        unit: 'Kemian laboratorio',
        role_description: 'Testaa materiaalit.',
        contact_name: 'Kaisa Kumppani',
        contact_email: 'kaisa@example.test',
        'cost.staff': '100 000',
        'cost.travel': '999',
        requested: '112 000',
        own_funding: '27 999,50',
        other_public: '0,50',
      });
      assert.equal(res.statusCode, 303, res.body);
      const row = await t.database.db.selectFrom('application_partners').selectAll().where('id', '=', partnerId).executeTakeFirstOrThrow();
      assert.deepEqual(
        [row.unit, row.role_description, row.contact_name, row.contact_email, Number(row.requested_cents), Number(row.own_funding_cents), Number(row.other_public_cents), row.version],
        ['Kemian laboratorio', 'Testaa materiaalit.', 'Kaisa Kumppani', 'kaisa@example.test', 11_200_000, 2_799_950, 50, 2],
      );
      const costs = await t.database.db.selectFrom('application_partner_costs').select(['category', 'amount_cents']).where('partner_id', '=', partnerId).execute();
      assert.deepEqual(costs.map((c) => [c.category, Number(c.amount_cents)]), [['staff', 10_000_000]]);
      const back = await agent.get(String(res.headers.location));
      assert.match(back.body, /Tallennettu klo 12\.00\./);
      assert.equal(inputValue(back.body, 'cost.staff'), '100 000');
      assert.equal(inputValue(back.body, 'own_funding'), '27 999,50');
      assert.match(back.body, /Muut kustannukset \(40\s%\s*palkkakustannuksista\)<\/dt><dd[^>]*>40\s000,00\s€/);
      assert.match(back.body, /Rahoitus vastaa kustannuksia\./);
      assert.doesNotMatch(back.body, /partner\.\d+\.contact_email" data-code/);
      const bad = await agent.post(`${BASE}/${built.id}/partners/${partnerId}`, { version: '2', 'cost.staff': 'sata tuhatta', requested: '5' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Kirjoita palkkakustannukset euroina/);
      assert.equal(inputValue(bad.body, 'cost.staff'), 'sata tuhatta');
    });

    it('saves a partner’s part with itemised costs in every category', async () => {
      const itemised = await buildCall(t.database.db, { costModel: 'itemised' });
      const built = await buildApplication(t.database.db, { call: itemised, lead: { organisation }, empty: true });
      const agent = await agentFor(t, applicant);
      const lead = built.partnerIds[0]!;
      const res = await agent.post(`${BASE}/${built.id}/partners/${lead}`, {
        version: '1',
        'cost.staff': '50 000',
        'cost.services': '20 000',
        'cost.travel': '2 500,50',
        'cost.equipment': '',
        'cost.other': '1000',
        requested: '50 000',
        own_funding: '23 500,50',
      });
      assert.equal(res.statusCode, 303, res.body);
      const costs = await t.database.db.selectFrom('application_partner_costs').select(['category', 'amount_cents']).where('partner_id', '=', lead).orderBy('category').execute();
      assert.deepEqual(costs.map((c) => [c.category, Number(c.amount_cents)]), [['other', 100_000], ['services', 2_000_000], ['staff', 5_000_000], ['travel', 250_050]]);
      const back = await agent.get(`${BASE}/${built.id}/partners/${lead}`);
      assert.equal(inputValue(back.body, 'cost.equipment'), '');
      assert.match(back.body, /Kustannukset yhteensä<\/dt><dd[^>]*>73\s500,50\s€/);
      assert.match(back.body, /Rahoitus vastaa kustannuksia\./);
    });

    it('lists exactly what an empty draft lacks, each a link to its field, and nothing for a complete one', async () => {
      const empty = await buildApplication(t.database.db, { call, lead: { organisation }, empty: true });
      const agent = await agentFor(t, applicant);
      const page = await agent.get(`${BASE}/${empty.id}`);
      assert.equal(page.statusCode, 200);
      const question = await t.database.db.selectFrom('call_questions').select('id').where('call_id', '=', call.id).executeTakeFirstOrThrow();
      const partnerMissing = empty.partnerIds.flatMap((p) => ['unit', 'role_description', 'contact_name', 'contact_email'].map((f) => `partner.${p}.${f}:missing`));
      assert.deepEqual(checklist(page.body).sort(), [
        'title:missing',
        'summary:missing',
        'priority:missing',
        'section.background:missing',
        'section.objectives:missing',
        'section.implementation:missing',
        'section.results:missing',
        'section.cooperation:missing',
        'indicators:missing',
        'start_date:missing',
        'end_date:missing',
        'financing:no-costs',
        'financing:grant-below-minimum',
        ...partnerMissing,
        `question.${question.id}:missing`,
      ].sort());
      assert.match(page.body, new RegExp(`<a href="/fi/hakemukset/${empty.id}/general#field-title">Täytä kohta ”Hankkeen nimi”\\.</a>`));
      assert.match(page.body, new RegExp(`<a href="/fi/hakemukset/${empty.id}/general#field-indicator-0-name">Lisää ainakin yksi`));
      assert.match(page.body, new RegExp(`<a href="/fi/hakemukset/${empty.id}/partners/${empty.partnerIds[0]}#field-cost-staff">Hankkeelle ei ole vielä merkitty kustannuksia`));
      assert.match(page.body, new RegExp(`<a href="/fi/hakemukset/${empty.id}/partners/${empty.partnerIds[2]}#field-contact_email">Täytä kohta ”Yhteyshenkilön sähköposti \\(Test Organisation`));
      assert.match(page.body, /<button type="submit" class="button" disabled/);
      assert.match(page.body, /Hakemusta ei voi vielä jättää: 26 kohtaa on korjattava/);
      assert.match(page.body, new RegExp(`action="/fi/hakemukset/${empty.id}/submit"`));

      const withFile = await buildCall(t.database.db, { questions: [{ kind: 'file' }] });
      const fileDraft = await buildApplication(t.database.db, { call: withFile, lead: { organisation }, empty: true });
      const fileQuestion = await t.database.db.selectFrom('call_questions').select('id').where('call_id', '=', withFile.id).executeTakeFirstOrThrow();
      const filePage = await agent.get(`${BASE}/${fileDraft.id}`);
      assert.match(filePage.body, new RegExp(`<a href="/fi/hakemukset/${fileDraft.id}/attachments#field-question-${fileQuestion.id}">Vastaa kysymykseen ”Lisäkysymys 1”`));
      assert.doesNotMatch((await agent.get(`${BASE}/${fileDraft.id}/general`)).body, /data-field="question\./, 'a file question is answered on the attachments page');

      const complete = await buildApplication(t.database.db, { call, lead: { organisation } });
      const full = await agent.get(`${BASE}/${complete.id}`);
      assert.deepEqual(checklist(full.body), []);
      assert.match(full.body, /Hakemus täyttää kaikki haun ehdot\./);
      assert.doesNotMatch(full.body, /class="button" disabled/);
      const text = full.body.replace(/\s/g, ' ');
      assert.match(text, /Kustannukset yhteensä<\/dt><dd[^>]*>420 000,00 €/);
      assert.match(text, /Haettu tuki<\/dt><dd>336 000,00 €/);
      assert.match(text, /Omarahoitus<\/dt><dd>84 000,00 €/);
      assert.match(text, /Tukiosuus<\/dt><dd>80 % \(haussa enintään 80 %\)/);
      assert.match(text, /Maakuntia mukana<\/dt><dd>3 \(haku edellyttää vähintään 3\): Pohjois-Pohjanmaa, Kainuu, Lappi/);
      assert.match(text, /Kainuun liitto<\/th><td class="numeric">112 000,00 €/);
      assert.match(text, /Ei vielä tallennettu/);
    });

    it('lets a partner organisation’s member edit only their own part; others are refused', async () => {
      const built = await buildApplication(t.database.db, { call, lead: { organisation } });
      const [leadPart, ownPart, otherPart] = built.partnerIds as [number, number, number];
      const partnerOrg = await t.database.db.selectFrom('application_partners').select('organisation_id').where('id', '=', ownPart).executeTakeFirstOrThrow();
      const member = await agentFor(t, await buildUser(t.database.db, { memberOf: [{ organisation: { id: partnerOrg.organisation_id } as OrganisationRow }] }));
      assert.equal((await member.get(`${BASE}/${built.id}`)).statusCode, 200);
      const own = await member.get(`${BASE}/${built.id}/partners/${ownPart}`);
      assert.equal(own.statusCode, 200);
      const version = inputValue(own.body, 'version')!;
      const saved = await member.post(`${BASE}/${built.id}/partners/${ownPart}`, { version, unit: 'Oma yksikkö', 'cost.staff': '100 000', requested: '112 000', own_funding: '28 000' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await t.database.db.selectFrom('application_partners').select('unit').where('id', '=', ownPart).executeTakeFirstOrThrow()).unit, 'Oma yksikkö');
      for (const path of ['general', 'partners', `partners/${otherPart}`, `partners/${leadPart}`, `partners/${otherPart}/remove`]) {
        assert.equal((await member.get(`${BASE}/${built.id}/${path}`)).statusCode, 403, path);
        assert.equal((await member.post(`${BASE}/${built.id}/${path}`, { version: '1', title: 'Kaapattu', unit: 'Kaapattu', confirm: 'yes' })).statusCode, 403, path);
      }
      assert.notEqual((await t.database.db.selectFrom('applications').select('title').where('id', '=', built.id).executeTakeFirstOrThrow()).title, 'Kaapattu');
      assert.equal((await t.database.db.selectFrom('application_partners').select('id').where('application_id', '=', built.id).execute()).length, 3);

      const stranger = await agentFor(t, await buildUser(t.database.db, { memberOf: [{ organisation: await buildOrganisation(t.database.db) }] }));
      const officer = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] }));
      for (const agent of [stranger, officer]) {
        for (const path of ['', '/general', '/partners', `/partners/${ownPart}`]) assert.equal((await agent.get(`${BASE}/${built.id}${path}`)).statusCode, 403, path);
        assert.equal((await agent.post(`${BASE}/${built.id}/general`, { version: '1', title: 'Kaapattu' })).statusCode, 403);
      }
      assert.doesNotMatch((await stranger.get(BASE)).body, new RegExp(`/fi/hakemukset/${built.id}"`));
      assert.match((await member.get(BASE)).body, new RegExp(`/fi/hakemukset/${built.id}"[\\s\\S]*Osatoteuttajan osuus`));
      assert.equal((await member.get(`${BASE}/999999`)).statusCode, 404);
      assert.equal((await member.get(`${BASE}/abc`)).statusCode, 400);
    });
  });
}
