import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildSubmittedApplication } from '../helpers/review-factories.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/haut';

/** Unescapes the few entities Preact writes, so page text can be matched as typed. */
const text = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

for (const dialect of testDialects()) {
  describe(`call administration [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer11: UserRow;
    let officer12: UserRow;
    let admin: UserRow;
    let priority: Record<string, number>;

    /** A complete new-call form: councils 11, 18 and 19, closing 28 March 2027 at 4.15, just after the spring change. */
    const form = (change: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
      title_fi: 'Puhtaat ratkaisut yli maakuntarajojen',
      title_sv: 'Rena lösningar över landskapsgränserna',
      title_en: 'Clean solutions across regional borders',
      summary_fi: 'Yhteishaku ryhmähankkeille.',
      summary_sv: 'Gemensam utlysning.',
      summary_en: 'A joint call.',
      body_fi: 'Haun kuvaus.',
      body_sv: 'Beskrivning.',
      body_en: 'Description.',
      regions: ['11', '18', '19'],
      budget_11: '300 000',
      budget_18: '250 000,50',
      budget_19: '1234.5',
      budget_12: '999',
      priority: [String(priority['clean-solutions']), String(priority['digitalisation'])],
      instrument: 'erdf',
      opens_date: '2027-01-11',
      opens_time: '9.00',
      closes_date: '28.3.2027',
      closes_time: '4.15',
      contact_email: 'haut@example.fi',
      min_regions: '3',
      org_types: ['university', 'company'],
      min_grant: '50 000',
      max_grant: '600 000',
      max_aid_rate: '77,5',
      max_duration: '36',
      lead_region: 'yes',
      cost_model: 'flat_rate',
      flat_rate: '40',
      min_total_score: '14',
      ...change,
    });

    async function create(user: UserRow, change: Record<string, string | string[]> = {}): Promise<number> {
      const agent = await agentFor(t, user);
      const res = await agent.post(`${ADMIN}/new`, form(change));
      assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
      const match = /\/fi\/hallinta\/haut\/(\d+)\?created=1$/.exec(String(res.headers.location));
      assert.ok(match, String(res.headers.location));
      return Number(match[1]);
    }
    const callRow = (id: number) => t.database.db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const auditOf = (id: number, action: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'call').where('entity_id', '=', String(id)).where('action', '=', action).execute();
    async function addCriteria(callId: number) {
      // Content weight 3 (max 15) and horizontal weight 1 (max 3): 18 points at most; general counts nothing.
      const rows = [
        { kind: 'general' as const, weight: 2 },
        { kind: 'content' as const, weight: 3 },
        { kind: 'horizontal' as const, weight: 1 },
      ];
      await t.database.db
        .insertInto('call_criteria')
        .values(rows.map((r, i) => ({ call_id: callId, kind: r.kind, name_fi: `Kriteeri ${i}`, name_sv: '', name_en: '', description_fi: '', description_sv: '', description_en: '', weight: r.weight, sort_order: i })))
        .execute();
    }

    before(async () => {
      t = await buildTestApp(dialect);
      officer11 = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] });
      officer12 = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '12' }] });
      admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      const rows = await t.database.db
        .selectFrom('priorities')
        .innerJoin('strategies', 'strategies.id', 'priorities.strategy_id')
        .select(['priorities.id', 'priorities.slug'])
        .where('strategies.slug', '=', 'ita-ja-pohjois-suomi-2024')
        .execute();
      priority = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    });
    after(async () => t?.close());

    it('creates a draft with every field, stored in cents, basis points and UTC, with a reference of the opening year', async () => {
      const agent = await agentFor(t, officer11);
      const page = await agent.get(`${ADMIN}/new`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<legend class="field__label">Mukana olevat maakuntaliitot ja niiden budjetit<\/legend>/);
      assert.match(page.body, /Yhdistys tai säätiö/, 'organisation types use the organisations’ labels');
      assert.match(page.body, /name="min_regions"[^>]*value="3"/);
      assert.match(page.body, /name="flat_rate"[^>]*value="40"/);

      const id = await create(officer11);
      const row = await callRow(id);
      assert.equal(row.reference, 'S3-2027-01');
      assert.equal(row.status, 'draft');
      assert.equal(row.opens_at, '2027-01-11T07:00:00.000Z');
      // 4.15 on 28 March 2027 is summer time (UTC+3): the clocks went from 3.00 to 4.00 at 01.00 UTC.
      assert.equal(row.closes_at, '2027-03-28T01:15:00.000Z');
      assert.equal(row.title_sv, 'Rena lösningar över landskapsgränserna');
      assert.equal(row.instrument, 'erdf');
      assert.equal(row.min_regions, 3);
      assert.deepEqual(JSON.parse(row.eligible_org_types), ['university', 'company']);
      assert.equal(Number(row.min_grant_cents), 5_000_000);
      assert.equal(Number(row.max_grant_cents), 60_000_000);
      assert.equal(row.max_aid_rate_bp, 7750);
      assert.equal(row.max_duration_months, 36);
      assert.equal(row.lead_region_must_participate, 1);
      assert.equal(row.cost_model, 'flat_rate');
      assert.equal(row.flat_rate_bp, 4000);
      assert.equal(row.min_total_score, 14);
      assert.equal(row.contact_email, 'haut@example.fi');
      assert.equal(row.created_by, officer11.id);
      assert.equal(row.version, 1);
      const budgets = await t.database.db.selectFrom('call_regions').select(['region_code', 'budget_cents']).where('call_id', '=', id).orderBy('region_code').execute();
      // Council 12 was not ticked: the budget typed for it is not saved.
      assert.deepEqual(budgets.map((b) => [b.region_code, Number(b.budget_cents)]), [
        ['11', 30_000_000],
        ['18', 25_000_050],
        ['19', 123_450],
      ]);
      const priorities = await t.database.db.selectFrom('call_priorities').select('priority_id').where('call_id', '=', id).execute();
      assert.deepEqual(priorities.map((p) => p.priority_id).sort(), [priority['clean-solutions'], priority['digitalisation']].sort());
      const [audit] = await auditOf(id, 'call.created');
      assert.ok(audit);
      assert.equal(audit.actor_user_id, officer11.id);
      assert.equal(JSON.parse(audit.after_json!).reference, 'S3-2027-01');
      assert.ok(!audit.after_json!.includes('haut@example.fi'), 'the audit log keeps no contact address');

      const overview = await agent.get(`${ADMIN}/${id}?created=1`);
      assert.equal(overview.statusCode, 200);
      const body = text(overview.body);
      assert.match(body, /Hakuluonnos on tallennettu\./);
      assert.match(body, /S3-2027-01/);
      assert.match(body, /28\.3\.2027 klo 4\.15/);
      assert.match(body, /11\.1\.2027 klo 9\.00/);
      assert.match(body, /Pohjois-Savo<\/th><td>Pohjois-Savon liitto<\/td><td class="numeric">300\u00a0000\u00a0€/);
      assert.match(body, /<th scope="row" colspan="2">Yhteensä<\/th><td class="numeric">551\u00a0235\u00a0€<\/td>/);
      // The officers see the rules in the same words as the public call page.
      assert.match(body, /toteuttajat toimivat vähintään 3 eri maakunnassa\./);
      assert.match(body, /Tuki voi olla enintään 77,5\u00a0% hankkeen hyväksyttävistä kustannuksista/);
      assert.match(body, /palkkakustannukset sekä niiden päälle 40\u00a0% kiinteänä osuutena muita kustannuksia/);
      assert.match(body, /Hakijoiksi ja osatoteuttajiksi kelpaavat: yliopisto, yritys\./);
      for (const part of ['criteria', 'questions', 'inquiries', 'applications']) assert.match(body, new RegExp(`href="/fi/hallinta/haut/${id}/${part}"`));
      assert.match(body, new RegExp(`href="/fi/haut/${id}"`));
      assert.match(body, new RegExp(`action="/fi/hallinta/haut/${id}/publish"`));

      const edit = await agent.get(`${ADMIN}/${id}/edit`);
      assert.match(edit.body, /name="closes_date"[^>]*value="2027-03-28"/);
      assert.match(edit.body, /name="closes_time"[^>]*value="4\.15"/);
      assert.match(edit.body, /name="budget_18"[^>]*value="250 000,50"/);
      assert.match(edit.body, /name="max_aid_rate"[^>]*value="77,5"/);
      assert.match(edit.body, /name="version" value="1"/);

      assert.equal((await callRow(await create(officer11, { opens_date: '15.2.2027' }))).reference, 'S3-2027-02');
      assert.equal((await callRow(await create(officer11, { opens_date: '2026-12-01', closes_date: '2026-12-31' }))).reference, 'S3-2026-01');
    });

    it('stores times around both daylight-saving changes of 2027, and refuses the hour that does not exist', async () => {
      const spring = await callRow(await create(officer11, { closes_time: '2.30' }));
      assert.equal(spring.closes_at, '2027-03-28T00:30:00.000Z');
      const autumnFirst = await create(officer11, { opens_date: '2027-09-01', closes_date: '31.10.2027', closes_time: '3.30' });
      assert.equal((await callRow(autumnFirst)).closes_at, '2027-10-31T00:30:00.000Z');
      const autumnAfter = await callRow(await create(officer11, { opens_date: '2027-09-01', closes_date: '2027-10-31', closes_time: '4.30' }));
      assert.equal(autumnAfter.closes_at, '2027-10-31T02:30:00.000Z');
      const agent = await agentFor(t, officer11);
      const shown = text((await agent.get(`${ADMIN}/${autumnFirst}`)).body);
      assert.match(shown, /31\.10\.2027 klo 3\.30 \(kesäaikaa, UTC\+3\)/);

      const gap = await agent.post(`${ADMIN}/new`, form({ closes_time: '3.30' }));
      assert.equal(gap.statusCode, 400);
      const body = text(gap.body);
      assert.match(body, /Kentän ”Päättymisen kellonaika” aikaa 3\.30 ei ole 28\.3\.2027: kesäaika alkaa/);
      assert.match(body, /href="#field-closes_time"/);
      // Everything typed is kept.
      assert.match(body, /name="closes_time"[^>]*value="3\.30"/);
      assert.match(body, /name="title_fi"[^>]*value="Puhtaat ratkaisut yli maakuntarajojen"/);
      assert.match(body, /name="budget_18"[^>]*value="250 000,50"/);
      assert.match(body, /name="budget_12"[^>]*value="999"/);
      assert.match(body, new RegExp(`name="priority"[^>]*value="${priority['digitalisation']}" checked`));
      assert.match(body, /name="org_types"[^>]*value="company" checked/);
      assert.doesNotMatch(body, /name="org_types"[^>]*value="municipality" checked/);
    });

    it('names every wrong field in the summary and at the field, in the page’s language, and keeps what was typed', async () => {
      const agent = await agentFor(t, officer11);
      const res = await agent.post(
        `${ADMIN}/new`,
        form({
          title_fi: '',
          regions: [],
          priority: [],
          instrument: '',
          opens_date: '31.2.2027',
          contact_email: 'haut@',
          min_grant: 'kolmesataa',
          max_aid_rate: '101',
          lead_region: '',
          cost_model: '',
          min_total_score: '',
        }),
      );
      assert.equal(res.statusCode, 400);
      const body = text(res.body);
      assert.match(body, /<title>Korjaa seuraavat kohdat: Uusi haku/);
      const expected = {
        title_fi: 'Täytä kenttä ”Otsikko suomeksi”.',
        regions: 'Valitse vähintään yksi mukana oleva maakuntaliitto.',
        priority: 'Valitse vähintään yksi painopiste, johon haku kohdistuu.',
        instrument: 'Valitse yksi vaihtoehto kohdassa ”Rahoitusväline”.',
        opens_date: 'Kirjoita kenttään ”Avautumispäivä” päivämäärä muodossa p.k.vvvv, esim. 15.12.2026.',
        contact_email: 'Kirjoita kenttään ”Yhteyssähköposti hakijoille” sähköpostiosoite muodossa nimi@esimerkki.fi.',
        min_grant: 'Kirjoita kenttään ”Avustus vähintään hanketta kohden (euroa)” euromäärä väliltä 0–100 000 000, esim. 300 000 tai 1 234,50.',
        max_aid_rate: 'Tukiprosentin pitää olla 1–100 %.',
        lead_region: 'Valitse yksi vaihtoehto kohdassa ”Pitääkö päätoteuttajan maakunnan liiton olla mukana haussa?”.',
        cost_model: 'Valitse yksi vaihtoehto kohdassa ”Kustannusmalli”.',
        min_total_score: 'Täytä kenttä ”Rahoituskelpoisen hakemuksen vähimmäispisteet”.',
      };
      for (const [field, message] of Object.entries(expected)) {
        assert.ok(body.includes(`<a href="#field-${field}">${message}</a>`), `summary: ${field}`);
        assert.ok(body.includes(`<p class="field__error" id="field-${field}-error">${message}</p>`), `at the field: ${field}`);
      }
      assert.match(body, /name="min_grant"[^>]*value="kolmesataa"/);
      assert.match(body, /name="contact_email"[^>]*value="haut@"/);
      const rules = text(
        (await agent.post(`${ADMIN}/new`, form({ opens_date: '2027-04-01', min_grant: '700 000', min_regions: '4', max_duration: '0' }))).body,
      );
      assert.match(rules, /Päättymisajan pitää olla avautumisajan jälkeen\./);
      assert.match(rules, /Avustuksen enimmäismäärä ei voi olla pienempi kuin vähimmäismäärä\./);
      assert.match(rules, /Eri maakuntien vähimmäismäärän pitää olla vähintään 1 ja enintään mukana olevien liittojen määrä \(3\)\./);
      assert.match(rules, /Kirjoita kenttään ”Hankkeen kesto enintään \(kuukautta\)” kokonaisluku väliltä 1–240\./);
      const sv = text((await agent.post('/sv/administration/utlysningar/new', form({ title_fi: '', min_grant: 'x' }))).body);
      assert.match(sv, /Fyll i fältet ”Rubrik på finska”\./);
      assert.match(sv, /Skriv ett eurobelopp mellan 0 och 100 000 000 i fältet ”Minsta stöd per projekt \(euro\)”/);
      assert.equal(
        Number((await t.database.db.selectFrom('calls').select((eb) => eb.fn.countAll().as('n')).where('title_fi', '=', '').executeTakeFirstOrThrow()).n),
        0,
      );
    });

    it('refuses to publish with every reason on the overview, then publishes once they are fixed', async () => {
      const agent = await agentFor(t, officer11);
      const id = await create(officer11, {
        budget_11: '0',
        budget_18: '0',
        budget_19: '0',
        opens_date: '1.11.2026',
        closes_date: '20.11.2026',
        closes_time: '16.15',
        min_total_score: '100',
      });
      const refused = await agent.post(`${ADMIN}/${id}/publish`);
      assert.equal(refused.statusCode, 400);
      let body = text(refused.body);
      assert.match(body, /Hakua ei voitu julkaista\. Korjaa nämä kohdat:/);
      assert.match(body, new RegExp(`<a href="/fi/hallinta/haut/${id}/edit#field-regions">Ainakin yhden mukana olevan liiton budjetin pitää olla yli 0 euroa\\.</a>`));
      assert.match(body, new RegExp(`<a href="/fi/hallinta/haut/${id}/edit#field-closes_date">Päättymisajan pitää olla tulevaisuudessa\\.</a>`));
      assert.match(body, new RegExp(`<a href="/fi/hallinta/haut/${id}/criteria">Haulla ei ole yhtään valintakriteeriä\\.`));
      assert.equal((await callRow(id)).status, 'draft');

      await addCriteria(id);
      const edit = await agent.post(`${ADMIN}/${id}/edit`, form({ version: '1', budget_11: '300 000', min_total_score: '19' }));
      assert.equal(edit.statusCode, 303);
      assert.equal(edit.headers.location, `${ADMIN}/${id}?saved=1`);
      body = text((await agent.post(`${ADMIN}/${id}/publish`)).body);
      assert.match(body, /Vähimmäispisteet ovat suuremmat kuin valintakriteereillä saavutettava enimmäismäärä \(18\)\./);
      assert.doesNotMatch(body, /tulevaisuudessa|yli 0 euroa/);
      assert.equal((await callRow(id)).status, 'draft');

      assert.equal((await agent.post(`${ADMIN}/${id}/edit`, form({ version: '2', min_total_score: '9' }))).statusCode, 303);
      const published = await agent.post(`${ADMIN}/${id}/publish`);
      assert.equal(published.statusCode, 303);
      assert.equal(published.headers.location, `${ADMIN}/${id}?published=1`);
      const row = await callRow(id);
      assert.equal(row.status, 'published');
      assert.equal(row.published_at, t.clock.now().toISOString());
      assert.equal(row.version, 4);
      assert.equal((await auditOf(id, 'call.published')).length, 1);
      const page = text((await agent.get(`${ADMIN}/${id}?published=1`)).body);
      assert.match(page, /Haku on julkaistu\./);
      assert.match(page, /Julkaistu, avautuu myöhemmin/);
      assert.match(page, /Oikaise hakua/);
      assert.doesNotMatch(page, /\/publish"/);
      // Publishing twice is refused by phase, not an error.
      const again = await agent.post(`${ADMIN}/${id}/publish`);
      assert.equal(again.statusCode, 409);
      assert.match(text(again.body), /Toimintoa ei voi tehdä, koska haku on vaiheessa ”Julkaistu, avautuu myöhemmin”/);
    });

    it('corrects a published call: a notice is required, the correction is stored, versioned and audited', async () => {
      const call = await buildCall(t.database.db, { budgets: { '11': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const agent = await agentFor(t, officer11);
      const page = await agent.get(`${ADMIN}/${call.id}/edit`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Oikaise julkaistua hakua/);
      assert.match(page.body, /name="note_fi"/);
      assert.match(page.body, /name="closes_date"[^>]*value="2026-12-15"/);
      assert.match(page.body, /name="closes_time"[^>]*value="16\.15"/);
      const current = (html: string) => {
        // Post the form back as the page shows it, with the changes.
        const fields: Record<string, string | string[]> = {};
        for (const m of html.matchAll(/<input([^>]*)>/g)) {
          const attrs = m[1]!;
          const name = /name="([^"]+)"/.exec(attrs)?.[1];
          const value = text(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
          if (!name || name === '_csrf') continue;
          if (/type="(checkbox|radio)"/.test(attrs)) {
            if (!/ checked/.test(attrs)) continue;
            fields[name] = /type="checkbox"/.test(attrs) ? [...((fields[name] as string[] | undefined) ?? []), value] : value;
          } else fields[name] = value;
        }
        for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]!] = text(m[2]!);
        return fields;
      };
      const base = current(page.body);
      assert.equal(base.version, '1');
      assert.equal(base.title_fi, call.title_fi);

      const noNote = await agent.post(`${ADMIN}/${call.id}/edit`, { ...base, closes_date: '2026-12-22' });
      assert.equal(noNote.statusCode, 400);
      assert.match(text(noNote.body), /Täytä kenttä ”Tiedote suomeksi”\./);
      assert.match(noNote.body, /name="closes_date"[^>]*value="2026-12-22"/);

      const nothing = await agent.post(`${ADMIN}/${call.id}/edit`, { ...base, note_fi: 'Ei muutoksia.' });
      assert.equal(nothing.statusCode, 400);
      assert.match(text(nothing.body), /Et muuttanut mitään\./);

      const past = await agent.post(`${ADMIN}/${call.id}/edit`, { ...base, closes_date: '2026-11-27', note_fi: 'Aikaisemmin.' });
      assert.equal(past.statusCode, 400);
      assert.match(text(past.body), /Päättymisaikaa ei voi siirtää menneisyyteen\./);

      const later = await agent.post(`${ADMIN}/${call.id}/edit`, { ...base, opens_date: '1.12.2026', note_fi: 'Avautuu myöhemmin.' });
      assert.equal(later.statusCode, 400);
      assert.match(text(later.body), /Haku on jo avautunut, joten avautumisaikaa ei voi siirtää tulevaisuuteen\./);

      const lead = await buildOrganisation(t.database.db, { region: '11' });
      await buildApplication(t.database.db, { call, lead: { organisation: lead }, partners: [{ region: '18' }, { region: '19' }] });
      const removed = await agent.post(`${ADMIN}/${call.id}/edit`, { ...base, regions: ['11', '18'], min_regions: '2', note_fi: 'Lappi pois.' });
      assert.equal(removed.statusCode, 400);
      assert.match(text(removed.body), /Liittoa Lapin liitto ei voi poistaa haulta, koska hakemuksissa on jo sen maakunnan toteuttajia\./);

      const ok = await agent.post(`${ADMIN}/${call.id}/edit`, {
        ...base,
        closes_date: '22.12.2026',
        title_en: 'Test call, extended',
        budget_11: '400 000',
        min_total_score: '20',
        note_fi: 'Hakuaikaa jatketaan viikolla.',
        note_en: 'The call is extended by a week.',
      });
      assert.equal(ok.statusCode, 303, /error-summary[\s\S]*?<\/ul>/.exec(ok.body)?.[0]);
      assert.equal(ok.headers.location, `${ADMIN}/${call.id}?corrected=1`);
      const row = await callRow(call.id);
      assert.equal(row.closes_at, '2026-12-22T14:15:00.000Z');
      assert.equal(row.version, 2);
      assert.equal(row.status, 'published');
      const corrections = await t.database.db.selectFrom('call_corrections').selectAll().where('call_id', '=', call.id).execute();
      assert.equal(corrections.length, 1);
      const c = corrections[0]!;
      assert.equal(c.note_fi, 'Hakuaikaa jatketaan viikolla.');
      assert.equal(c.note_sv, '');
      assert.equal(c.note_en, 'The call is extended by a week.');
      assert.deepEqual(JSON.parse(c.changed_fields), ['title_en', 'budgets', 'closes_at', 'min_total_score']);
      assert.equal(c.corrected_by, officer11.id);
      assert.equal(c.corrected_at, t.clock.now().toISOString());
      const [audit] = await auditOf(call.id, 'call.corrected');
      assert.ok(audit);
      assert.equal(JSON.parse(audit.before_json!).closesAt, '2026-12-15T14:15:00.000Z');
      assert.equal(JSON.parse(audit.after_json!).closesAt, '2026-12-22T14:15:00.000Z');
      assert.equal(JSON.parse(audit.after_json!).version, 2);
      assert.deepEqual(JSON.parse(audit.after_json!).changedFields, ['title_en', 'budgets', 'closes_at', 'min_total_score']);
      const overview = text((await agent.get(`${ADMIN}/${call.id}?corrected=1`)).body);
      assert.match(overview, /Oikaisu on tallennettu/);
      assert.match(overview, /muutetut tiedot: otsikko englanniksi, liitot ja budjetit, päättymisaika, vähimmäispisteet/);
      assert.match(overview, /Hakuaikaa jatketaan viikolla\./);
      // A correction may not break a rule the call now meets: the criteria give at most 28 points.
      const stricter = await agent.post(`${ADMIN}/${call.id}/edit`, { ...current((await agent.get(`${ADMIN}/${call.id}/edit`)).body), min_total_score: '29', note_fi: 'Pisteraja nousee.' });
      assert.equal(stricter.statusCode, 400);
      assert.match(text(stricter.body), /Vähimmäispisteet ovat suuremmat kuin valintakriteereillä saavutettava enimmäismäärä \(28\)\./);
      assert.equal((await callRow(call.id)).version, 2);
    });

    it('refuses a save made on an older version with a conflict message, keeping what was typed', async () => {
      const id = await create(officer11);
      const first = await agentFor(t, officer11);
      const second = await agentFor(t, admin);
      assert.match((await first.get(`${ADMIN}/${id}/edit`)).body, /name="version" value="1"/);
      assert.equal((await second.post(`${ADMIN}/${id}/edit`, form({ version: '1', title_fi: 'Toisen tallentama' }))).statusCode, 303);
      const stale = await first.post(`${ADMIN}/${id}/edit`, form({ version: '1', title_fi: 'Ensimmäisen tallentama' }));
      assert.equal(stale.statusCode, 409);
      const body = text(stale.body);
      assert.match(body, /Joku muu muutti hakua sillä välin, kun muokkasit sitä, joten muutoksiasi ei tallennettu\./);
      assert.match(body, /name="title_fi"[^>]*value="Ensimmäisen tallentama"/);
      assert.match(body, /name="version" value="2"/);
      assert.equal((await callRow(id)).title_fi, 'Toisen tallentama');
      // Saving again from the re-shown form knowingly replaces the other save.
      assert.equal((await first.post(`${ADMIN}/${id}/edit`, form({ version: '2', title_fi: 'Ensimmäisen tallentama' }))).statusCode, 303);
      const row = await callRow(id);
      assert.equal(row.title_fi, 'Ensimmäisen tallentama');
      assert.equal(row.version, 3);
    });

    it('lets officers manage only calls of their council or drafts they created, admins every call; applicants none', async () => {
      const id = await create(officer11);
      const other = await agentFor(t, officer12);
      assert.equal((await other.get(`${ADMIN}/${id}`)).statusCode, 403);
      assert.equal((await other.get(`${ADMIN}/${id}/edit`)).statusCode, 403);
      assert.equal((await other.post(`${ADMIN}/${id}/edit`, form({ version: '1' }))).statusCode, 403);
      assert.equal((await other.post(`${ADMIN}/${id}/publish`)).statusCode, 403);
      assert.equal((await other.post(`${ADMIN}/${id}/delete`)).statusCode, 403);
      assert.equal((await callRow(id)).version, 1);
      const list = await other.get(ADMIN);
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, new RegExp(`href="/fi/hallinta/haut/${id}"`));
      // Their own draft, even without their council in it.
      const own = await create(officer12);
      assert.equal((await other.get(`${ADMIN}/${own}`)).statusCode, 200);
      assert.match((await other.get(ADMIN)).body, new RegExp(`href="/fi/hallinta/haut/${own}"`));

      const kainuu = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '18' }] }));
      assert.equal((await kainuu.get(`${ADMIN}/${id}`)).statusCode, 200);
      assert.equal((await (await agentFor(t, admin)).get(`${ADMIN}/${own}`)).statusCode, 200);

      const applicant = await agentFor(t, await buildUser(t.database.db));
      assert.equal((await applicant.get(ADMIN)).statusCode, 403);
      assert.equal((await applicant.get(`${ADMIN}/new`)).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/new`, form())).statusCode, 403);
      assert.equal((await applicant.get(`${ADMIN}/${id}`)).statusCode, 403);
      assert.equal((await applicant.post(`${ADMIN}/${id}/publish`)).statusCode, 403);
      const anonymous = await (await agentFor(t)).get(`${ADMIN}/${id}`);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/fi\/kirjaudu/);

      const officer = await agentFor(t, officer11);
      assert.equal((await officer.get(`${ADMIN}/abc`)).statusCode, 400);
      assert.equal((await officer.get(`${ADMIN}/999999`)).statusCode, 404);
      assert.equal((await officer.post(`${ADMIN}/999999/publish`)).statusCode, 404);
    });

    it('refuses lifecycle actions in the wrong phase with 409, and moves a call from closed to in review to decided', async () => {
      const agent = await agentFor(t, officer11);
      const open = await buildCall(t.database.db);
      for (const action of ['publish', 'start-review', 'decided', 'delete']) {
        const res = await agent.post(`${ADMIN}/${open.id}/${action}`);
        assert.equal(res.statusCode, 409, action);
        assert.match(text(res.body), /Toimintoa ei voi tehdä, koska haku on vaiheessa ”Avoinna”/, action);
      }
      assert.equal((await agent.get(`${ADMIN}/${open.id}/delete`)).statusCode, 409);
      const row = await callRow(open.id);
      assert.equal(row.status, 'published');
      assert.equal(row.version, 1);

      const closed = await buildCall(t.database.db, { opensAt: '2026-09-01T06:00:00.000Z', closesAt: '2026-11-01T14:15:00.000Z' });
      assert.equal((await agent.post(`${ADMIN}/${closed.id}/decided`)).statusCode, 409);
      const page = text((await agent.get(`${ADMIN}/${closed.id}`)).body);
      assert.match(page, /Päättynyt/);
      assert.match(page, /Aloita arviointi/);
      const review = await agent.post(`${ADMIN}/${closed.id}/start-review`);
      assert.equal(review.statusCode, 303);
      assert.equal(review.headers.location, `${ADMIN}/${closed.id}?reviewStarted=1`);
      assert.equal((await callRow(closed.id)).status, 'in_review');
      assert.equal((await callRow(closed.id)).review_started_at, t.clock.now().toISOString());
      assert.equal((await agent.post(`${ADMIN}/${closed.id}/start-review`)).statusCode, 409);
      assert.equal((await agent.get(`${ADMIN}/${closed.id}/edit`)).statusCode, 409);
      // A call with submitted applications waits for its funding proposal and the councils' decisions.
      const pending = await buildSubmittedApplication(t.database.db, { call: closed });
      const waiting = await agent.post(`${ADMIN}/${closed.id}/decided`);
      assert.equal(waiting.statusCode, 409);
      assert.match(text(waiting.body), /Hakua ei voi merkitä ratkaistuksi: hakemuksista ei ole vielä vahvistettu rahoitusehdotusta\./);
      await t.database.db.updateTable('applications').set({ status: 'withdrawn' }).where('id', '=', pending.id).execute();
      assert.equal((await agent.post(`${ADMIN}/${closed.id}/decided`)).statusCode, 303);
      const decided = await callRow(closed.id);
      assert.equal(decided.status, 'decided');
      assert.equal(decided.decided_at, t.clock.now().toISOString());
      assert.equal((await auditOf(closed.id, 'call.review-started')).length, 1);
      assert.equal((await auditOf(closed.id, 'call.decided')).length, 1);
      assert.match(text((await agent.get(`${ADMIN}/${closed.id}`)).body), /Haku on päätetty; sille ei ole enää toimintoja\./);
      const edit = await agent.post(`${ADMIN}/${closed.id}/edit`, form({ version: String(decided.version), note_fi: 'x' }));
      assert.equal(edit.statusCode, 409);
    });

    it('deletes a draft only after the confirmation step, with its criteria', async () => {
      const agent = await agentFor(t, officer11);
      const id = await create(officer11);
      await addCriteria(id);
      const confirm = await agent.get(`${ADMIN}/${id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.match(text(confirm.body), /Poistetaanko hakuluonnos S3-2027-\d\d\?/);
      assert.match(confirm.body, new RegExp(`<form method="post" action="/fi/hallinta/haut/${id}/delete">`));
      const res = await agent.post(`${ADMIN}/${id}/delete`);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${ADMIN}?deleted=1`);
      assert.equal(await t.database.db.selectFrom('calls').select('id').where('id', '=', id).executeTakeFirst(), undefined);
      assert.equal((await t.database.db.selectFrom('call_criteria').select('id').where('call_id', '=', id).execute()).length, 0);
      const [audit] = await auditOf(id, 'call.deleted');
      assert.equal(JSON.parse(audit!.before_json!).status, 'draft');
      assert.match(text((await agent.get(`${ADMIN}?deleted=1`)).body), /Hakuluonnos on poistettu\./);
    });

    it('lists calls with phase, times, councils and total budget, filters by phase, and falls back to Finnish titles', async () => {
      const id = await create(officer11, { title_sv: '', title_fi: 'Vain suomeksi nimetty haku' });
      const agent = await agentFor(t, officer11);
      const all = text((await agent.get(ADMIN)).body);
      assert.match(all, /<caption id="calls-caption">Rahoitushaut, joita voit hallinnoida<\/caption>/);
      const row = new RegExp(`<tr><td>S3-2027-\\d\\d</td><th scope="row"><a href="/fi/hallinta/haut/${id}">Vain suomeksi nimetty haku</a></th><td><span class="tag tag--neutral">Luonnos</span></td><td>11\\.1\\.2027 klo 9\\.00</td><td>28\\.3\\.2027 klo 4\\.15</td><td>Pohjois-Savo, Kainuu, Lappi</td><td>551\u00a0235\u00a0€</td></tr>`);
      assert.match(all, row);
      const sv = text((await agent.get('/sv/administration/utlysningar')).body);
      assert.match(sv, new RegExp(`href="/sv/administration/utlysningar/${id}">Vain suomeksi nimetty haku<`));
      assert.match(sv, /Utkast/);
      const drafts = (await agent.get(`${ADMIN}?phase=draft`)).body;
      assert.match(drafts, new RegExp(`/fi/hallinta/haut/${id}"`));
      assert.match(drafts, /<option value="draft" selected>/);
      const open = (await agent.get(`${ADMIN}?phase=open`)).body;
      assert.doesNotMatch(open, new RegExp(`/fi/hallinta/haut/${id}"`));
      assert.equal((await agent.get(`${ADMIN}?phase=nonsense`)).statusCode, 200);
      const en = text((await agent.get('/en/admin/calls/new')).body);
      assert.match(en, /European Regional Development Fund \(ERDF\)/);
      assert.match(en, /Eligible types of organisation/);
    });
  });
}
