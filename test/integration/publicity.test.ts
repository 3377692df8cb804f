import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CallRow, OrganisationRow } from '../../src/db/schema.js';
import { formatMoney } from '../../src/i18n/format.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

/**
 * The publicity rule of issue 4: a submitted application's applicant, partners, title, summary,
 * priority and amounts applied for are public once the call has closed; drafts, withdrawn
 * applications, business secrets, the rest of the application, attachments and personal data never.
 */
const OPEN_NOW = '2026-11-28T10:00:00Z';
const CLOSED = '2026-12-15T14:15:00Z';
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const marker = (name: string) => `${name}-${suffix}`;
const M = {
  secret: marker('LIIKESALAISUUS'),
  section: marker('TAVALLINEN-OSIO'),
  contactName: marker('Yhteyshenkilo'),
  contactEmail: `yhteys-${suffix.toLowerCase()}@example.test`,
  unit: marker('YKSIKKO'),
  role: marker('TEHTAVA'),
  answer: marker('VASTAUS'),
  indicator: marker('INDIKAATTORI'),
  attachmentName: marker('LIITE'),
  attachmentText: marker('LIITTEEN-SISALTO'),
  withdrawnTitle: marker('PERUTTU-HANKE'),
  withdrawnSummary: marker('PERUTUN-TIIVISTELMA'),
  draftTitle: marker('LUONNOS-HANKE'),
  draftSummary: marker('LUONNOKSEN-TIIVISTELMA'),
  creatorName: marker('Hakija Henkilo'),
  creatorEmail: `hakija-${suffix.toLowerCase()}@example.test`,
  businessId: '',
};

for (const dialect of testDialects()) {
  describe(`publicity of applications [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let lead: OrganisationRow;
    let kainuu: OrganisationRow;
    let lapland: OrganisationRow;
    let submittedId: number;

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: url.startsWith('/api/') ? 'application/json' : 'text/html' } });
    const pages = () => [`/fi/haut/${call.id}`, `/sv/utlysningar/${call.id}`, `/en/calls/${call.id}`];
    const apis = () => ['/api/v1/calls', `/api/v1/calls/${call.id}`, `/api/v1/calls/${call.id}/applications`];

    /** Every confidential marker, and the draft and withdrawn applications, are absent from the whole body. */
    function assertNothingConfidential(url: string, body: string) {
      for (const [name, value] of Object.entries(M)) {
        if (value === '') continue;
        assert.ok(!body.includes(value), `${url} must not contain the ${name} (${value})`);
      }
    }

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      call = await buildCall(db, { title: 'Julkisuushaku' });
      const creator = await buildUser(db, { name: M.creatorName, email: M.creatorEmail });
      lead = await buildOrganisation(db, { region: '17', name: 'Pohjoisen Yliopisto Oy' });
      M.businessId = lead.business_id;
      kainuu = await buildOrganisation(db, { region: '18', name: 'Kajaanin Ammattikorkeakoulu' });
      lapland = await buildOrganisation(db, { region: '19', name: 'Lapin Tutkimuslaitos' });
      const submitted = await buildApplication(db, {
        call,
        lead: { organisation: lead, region: '17' },
        partners: [{ organisation: kainuu, region: '18' }, { organisation: lapland, region: '19', staffCents: 5_000_000 }],
        status: 'submitted',
        title: 'Akkumateriaalien kiertotalous AKKU',
        createdBy: creator,
      });
      submittedId = submitted.id;
      // A business secret, an ordinary section, contact people, answers, indicators and an attachment: none of it public.
      await db.updateTable('application_sections').set({ body: `Salainen osio: ${M.secret}`, is_secret: 1 })
        .where('application_id', '=', submitted.id).where('section', '=', 'implementation').execute();
      await db.updateTable('application_sections').set({ body: `Tausta: ${M.section}` })
        .where('application_id', '=', submitted.id).where('section', '=', 'background').execute();
      await db.updateTable('application_partners')
        .set({ contact_name: M.contactName, contact_email: M.contactEmail, unit: M.unit, role_description: M.role })
        .where('application_id', '=', submitted.id).execute();
      await db.updateTable('application_answers').set({ value: M.answer }).where('application_id', '=', submitted.id).execute();
      await db.updateTable('application_indicators').set({ name: M.indicator }).where('application_id', '=', submitted.id).execute();
      const content = Buffer.from(`%PDF-1.4\n${M.attachmentText}\n%%EOF\n`);
      await db
        .insertInto('attachments')
        .values({
          application_id: submitted.id,
          question_id: null,
          filename: `${M.attachmentName}.pdf`,
          description: M.attachmentText,
          content_type: 'application/pdf',
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploaded_by: creator.id,
          uploaded_at: '2026-11-20T09:00:00.000Z',
        })
        .execute();
      await db.updateTable('applications').set({ summary: 'Hanke kierrättää akkumateriaalit kolmessa maakunnassa.' }).where('id', '=', submitted.id).execute();

      const withdrawn = await buildApplication(db, { call, lead: { organisation: lead }, status: 'withdrawn', title: M.withdrawnTitle });
      await db.updateTable('applications').set({ summary: M.withdrawnSummary, withdrawn_at: '2026-11-25T10:00:00.000Z' }).where('id', '=', withdrawn.id).execute();
      const draft = await buildApplication(db, { call, lead: { organisation: lead }, status: 'draft', title: M.draftTitle });
      await db.updateTable('applications').set({ summary: M.draftSummary }).where('id', '=', draft.id).execute();
    });
    beforeEach(() => t.clock.set(OPEN_NOW));
    after(async () => t?.close());

    it('shows only the number of submitted applications while the call is open', async () => {
      const fi = await get(`/fi/haut/${call.id}`);
      assert.equal(fi.statusCode, 200);
      assert.match(fi.body, /Hakuun on jätetty yksi hakemus\./, 'withdrawn and draft applications are not counted');
      assert.match(fi.body, /julkaistaan tällä sivulla, kun haku on päättynyt/);
      assert.ok(!fi.body.includes('Akkumateriaalien kiertotalous AKKU'), 'no title before the closing time');
      assert.ok(!fi.body.includes('Kajaanin Ammattikorkeakoulu'));
      const api = (await get(`/api/v1/calls/${call.id}/applications`)).json();
      assert.deepEqual(api, { callId: call.id, phase: 'open', published: false, count: 1, items: [] });
      assert.equal((await get(`/api/v1/calls/${call.id}`)).json().submittedApplications, 1);
      for (const url of [...pages(), ...apis()]) assertNothingConfidential(url, (await get(url)).body);
    });

    it('shows the submitted application’s public fields once the call has closed, and nothing confidential', async () => {
      t.clock.set(CLOSED);
      const fi = await get(`/fi/haut/${call.id}`);
      assert.equal(fi.statusCode, 200);
      const body = fi.body;
      assert.match(body, /<h3>Akkumateriaalien kiertotalous AKKU<\/h3>/);
      assert.ok(body.includes('Hanke kierrättää akkumateriaalit kolmessa maakunnassa.'));
      assert.match(body, /Pohjoisen Yliopisto Oy \(Pohjois-Pohjanmaa\)/);
      assert.match(body, /<th scope="row">Kajaanin Ammattikorkeakoulu<\/th><td>Kainuu<\/td><td>Osatoteuttaja<\/td>/);
      assert.match(body, /<th scope="row">Lapin Tutkimuslaitos<\/th><td>Lappi<\/td>/);
      assert.match(body, /Puhtaat ratkaisut/);
      // EUR 112,000 requested by each of the first two partners, EUR 56,000 by the third.
      assert.ok(body.includes(`Kainuun liitto: ${formatMoney(11_200_000, 'fi')}`));
      assert.ok(body.includes(`Lapin liitto: ${formatMoney(5_600_000, 'fi')}`));
      assert.ok(body.includes(formatMoney(28_000_000, 'fi')), 'the grant applied for in total');
      assert.match(body, /Hakuun jätettiin yksi hakemus\./);

      const api = (await get(`/api/v1/calls/${call.id}/applications`)).json();
      assert.equal(api.published, true);
      assert.equal(api.phase, 'closed');
      assert.equal(api.count, 1);
      assert.equal(api.items.length, 1);
      const [item] = api.items;
      assert.deepEqual(Object.keys(item).sort(), ['id', 'leadOrganisation', 'partners', 'priority', 'requestedByRegion', 'requestedCents', 'summary', 'title']);
      assert.equal(item.id, submittedId);
      assert.equal(item.title, 'Akkumateriaalien kiertotalous AKKU');
      assert.equal(item.leadOrganisation, 'Pohjoisen Yliopisto Oy');
      assert.equal(item.priority, 'clean-solutions');
      assert.deepEqual(item.partners, [
        { organisation: 'Pohjoisen Yliopisto Oy', regionCode: '17', role: 'lead', requestedCents: 11_200_000 },
        { organisation: 'Kajaanin Ammattikorkeakoulu', regionCode: '18', role: 'partner', requestedCents: 11_200_000 },
        { organisation: 'Lapin Tutkimuslaitos', regionCode: '19', role: 'partner', requestedCents: 5_600_000 },
      ]);
      assert.equal(item.requestedCents, 28_000_000);
      assert.deepEqual(item.requestedByRegion, [
        { regionCode: '17', requestedCents: 11_200_000 },
        { regionCode: '18', requestedCents: 11_200_000 },
        { regionCode: '19', requestedCents: 5_600_000 },
      ]);

      for (const url of [...pages(), ...apis()]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        assertNothingConfidential(url, res.body);
      }
    });

    it('keeps the rule while the call is in review and after the decisions', async () => {
      const db = t.database.db;
      for (const status of ['in_review', 'decided'] as const) {
        await db.updateTable('calls').set({ status }).where('id', '=', call.id).execute();
        const en = await get(`/en/calls/${call.id}`);
        assert.match(en.body, /<h3>Akkumateriaalien kiertotalous AKKU<\/h3>/, status);
        assert.match(en.body, /Grant applied for by council/);
        const api = (await get(`/api/v1/calls/${call.id}/applications`)).json();
        assert.equal(api.phase, status);
        assert.equal(api.items.length, 1);
        for (const url of [...pages(), ...apis()]) assertNothingConfidential(url, (await get(url)).body);
      }
      await db.updateTable('calls').set({ status: 'published' }).where('id', '=', call.id).execute();
    });

    it('says so when a closed call received no applications', async () => {
      const empty = await buildCall(t.database.db, { title: 'Tyhjä haku' });
      t.clock.set(CLOSED);
      assert.match((await get(`/sv/utlysningar/${empty.id}`)).body, /Inga ansökningar lämnades in\./);
      assert.deepEqual((await get(`/api/v1/calls/${empty.id}/applications`)).json().items, []);
    });
  });
}
