import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/haut';
const threeCouncils = { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 };

for (const dialect of testDialects()) {
  describe(`questions and answers about a call [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let call: CallRow;
    let asker: UserRow;
    let officer17: UserRow;
    const inquiries = (callId: number) =>
      t.database.db.selectFrom('call_inquiries').selectAll().where('call_id', '=', callId).orderBy('id').execute();

    before(async () => {
      t = await buildTestApp(dialect);
      call = await buildCall(t.database.db, { budgets: threeCouncils, title: 'Puhtaat ratkaisut -yhteishaku' });
      asker = await buildUser(t.database.db, { name: 'Aino Kysyjä', email: 'aino.kysyja@example.test', locale: 'sv' });
      officer17 = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] });
    });
    after(async () => t?.close());

    it('takes a question, shows it to officers first, and publishes the answer for everyone without the asker', async () => {
      const applicant = await agentFor(t, asker);
      const asked = await applicant.post(`/fi/haut/${call.id}/questions`, {
        question: 'Voiko osatoteuttajana olla yritys?\n\nTerveisin Aino Kysyjä, puh. 040 123 4567',
      });
      assert.equal(asked.statusCode, 303);
      assert.equal(asked.headers.location, `/fi/haut/${call.id}?asked=1#questions`);
      const [row] = await inquiries(call.id);
      assert.deepEqual([row!.status, row!.locale, row!.asked_by, row!.asked_at], ['open', 'fi', asker.id, '2026-11-28T10:00:00.000Z']);
      const askedAudit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'call.inquiry-asked').executeTakeFirstOrThrow();
      assert.equal(askedAudit.entity_id, String(call.id));
      assert.doesNotMatch(askedAudit.after_json!, /Aino|yritys/);

      const anonymous = await agentFor(t);
      const before = await anonymous.get(`/fi/haut/${call.id}/questions`);
      assert.equal(before.statusCode, 200);
      assert.match(before.body, /<h2 id="questions">Kysymykset ja vastaukset<\/h2>/);
      assert.match(before.body, /Kysymyksiin ei ole vielä julkaistu vastauksia\./);
      assert.doesNotMatch(before.body, /osatoteuttajana/);
      assert.match(before.body, new RegExp(`href="/fi/kirjaudu\\?next=%2Ffi%2Fhaut%2F${call.id}%2Fquestions%23questions"`));
      assert.doesNotMatch(before.body, /<textarea/);

      const officer = await agentFor(t, officer17);
      const inbox = await officer.get(`${ADMIN}/${call.id}/inquiries`);
      assert.equal(inbox.statusCode, 200);
      assert.match(inbox.body, /Odottaa vastausta/);
      assert.match(inbox.body, /Voiko osatoteuttajana olla yritys\?/);
      const detail = await officer.get(`${ADMIN}/${call.id}/inquiries/${row!.id}`);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /Alkuperäinen kysymys \(ei julkinen\)/);
      assert.match(detail.body, /name="public_question"[^>]*>Voiko osatoteuttajana olla yritys\?\n\nTerveisin Aino Kysyjä/);

      const missing = await officer.post(`${ADMIN}/${call.id}/inquiries/${row!.id}`, { action: 'publish', public_question: 'Voiko osatoteuttajana olla yritys?', answer: ' ' });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kirjoita vastaus kenttään ”Vastaus”\./);
      assert.equal((await inquiries(call.id))[0]!.status, 'open');

      const published = await officer.post(`${ADMIN}/${call.id}/inquiries/${row!.id}`, {
        action: 'publish',
        public_question: 'Voiko osatoteuttajana olla yritys?',
        answer: 'Voi. Yritys voi olla osatoteuttaja, jos se on haun kelpoinen organisaatiotyyppi.',
      });
      assert.equal(published.statusCode, 303);
      assert.equal(published.headers.location, `${ADMIN}/${call.id}/inquiries/${row!.id}?done=published`);
      const stored = (await inquiries(call.id))[0]!;
      assert.deepEqual([stored.status, stored.answered_by, stored.answered_at], ['published', officer17.id, '2026-11-28T10:00:00.000Z']);
      assert.match(stored.question, /Terveisin Aino/, 'the original wording is kept for the officers');

      const mail = await t.database.db.selectFrom('email_messages').selectAll().where('purpose', '=', 'call-inquiry-answered').execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.to_address, 'aino.kysyja@example.test');
      assert.equal(mail[0]!.locale, 'sv');
      assert.match(mail[0]!.subject, /Svaret på din fråga har publicerats/);
      assert.match(mail[0]!.body_text, new RegExp(`http://s3\\.test/sv/utlysningar/${call.id}#questions`));

      for (const path of [`/fi/haut/${call.id}/questions`, `/sv/utlysningar/${call.id}/questions`]) {
        const page = await anonymous.get(path);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /Voiko osatoteuttajana olla yritys\?/);
        assert.match(page.body, /Yritys voi olla osatoteuttaja/);
        assert.doesNotMatch(page.body, /Aino|Kysyjä|aino\.kysyja|040 123 4567|Terveisin/);
      }
      const fi = await anonymous.get(`/fi/haut/${call.id}/questions`);
      assert.match(fi.body, /<time dateTime="2026-11-28T10:00:00.000Z">Vastaus julkaistu 28\.11\.2026 klo 12\.00<\/time>/i);
      const sv = await anonymous.get(`/sv/utlysningar/${call.id}/questions`);
      assert.match(sv.body, /<p lang="fi">Voiko osatoteuttajana olla yritys\?<\/p>/);
      assert.match(sv.body, /Frågan ställdes på finska\./);

      // A later edit is audited, keeps the publication date and sends no second e-mail.
      t.clock.set('2026-11-29T08:00:00Z');
      try {
        const later = await agentFor(t, officer17);
        const edited = await later.post(`${ADMIN}/${call.id}/inquiries/${row!.id}`, {
          action: 'publish',
          public_question: 'Voiko osatoteuttajana olla yritys?',
          answer: 'Voi. Yritys voi olla osatoteuttaja, jos yritykset ovat haun kelpoisia organisaatiotyyppejä.',
        });
        assert.equal(edited.statusCode, 303);
        assert.match(String(edited.headers.location), /done=updated$/);
      } finally {
        t.clock.set('2026-11-28T10:00:00Z');
      }
      const after = (await inquiries(call.id))[0]!;
      assert.match(after.answer!, /organisaatiotyyppejä/);
      assert.equal(after.answered_at, '2026-11-28T10:00:00.000Z');
      assert.equal((await t.database.db.selectFrom('email_messages').select('id').where('purpose', '=', 'call-inquiry-answered').execute()).length, 1);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_type', 'after_json']).where('action', 'in', ['call.inquiry-published', 'call.inquiry-answer-edited']).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => [a.action, a.entity_type]), [['call.inquiry-published', 'call'], ['call.inquiry-answer-edited', 'call']]);
      assert.doesNotMatch(JSON.stringify(audit), /yritys/i);
    });

    it('shows the section’s form to a signed-in user and the thank-you notice after asking', async () => {
      const page = await (await agentFor(t, asker)).get(`/en/calls/${call.id}/questions?asked=1`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post" action="\/en\/calls\/\d+\/questions"/);
      assert.match(page.body, /name="_csrf"/);
      assert.match(page.body, /<label class="field__label" for="field-question">Your question<\/label>/);
      assert.match(page.body, /published on this page for everyone, without your name/);
      assert.match(page.body, /role="status"><p>Your question has been sent\./);
    });

    it('refuses an empty, too short or too long question with a message, keeping the text', async () => {
      const applicant = await agentFor(t, asker);
      const count = (await inquiries(call.id)).length;
      const empty = await applicant.post(`/fi/haut/${call.id}/questions`, { question: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /class="error-summary"/);
      assert.match(empty.body, /<a href="#field-question">Kirjoita kysymyksesi kenttään ”Kysymyksesi”\.<\/a>/);
      const short = await applicant.post(`/fi/haut/${call.id}/questions`, { question: 'Miksi?' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /vähintään 10 merkkiä/);
      assert.match(short.body, />Miksi\?<\/textarea>/);
      const long = 'ä'.repeat(2001);
      const tooLong = await applicant.post(`/fi/haut/${call.id}/questions`, { question: long });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /enintään 2000 merkkiä; nyt siinä on 2001/);
      assert.ok(tooLong.body.includes(`>${long}</textarea>`));
      assert.equal(
        (await applicant.post(`/fi/haut/${call.id}/questions`, { question: 'ä'.repeat(2000) })).statusCode,
        303,
        'exactly 2000 characters is taken',
      );
      assert.equal((await inquiries(call.id)).length, count + 1);
    });

    it('never shows a dismissed question, and lists the inbox open first, then published, then dismissed', async () => {
      const other = await buildCall(t.database.db, { budgets: threeCouncils });
      const applicant = await agentFor(t, asker);
      const officer = await agentFor(t, officer17);
      for (const q of ['Ensimmäinen kysymys: hylätään.', 'Toinen kysymys: julkaistaan.', 'Kolmas kysymys: jää auki.']) {
        assert.equal((await applicant.post(`/fi/haut/${other.id}/questions`, { question: q })).statusCode, 303);
      }
      const [first, second] = await inquiries(other.id);
      const dismissed = await officer.post(`${ADMIN}/${other.id}/inquiries/${first!.id}`, { action: 'dismiss' });
      assert.equal(dismissed.statusCode, 303);
      assert.match(String(dismissed.headers.location), /done=dismissed$/);
      assert.equal((await officer.post(`${ADMIN}/${other.id}/inquiries/${second!.id}`, { action: 'publish', public_question: 'Toinen kysymys?', answer: 'Vastaus toiseen.' })).statusCode, 303);
      const refused = await officer.post(`${ADMIN}/${other.id}/inquiries/${second!.id}`, { action: 'dismiss' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Julkaistua vastausta ei voi jättää vastaamatta/);
      assert.deepEqual((await inquiries(other.id)).map((q) => q.status), ['dismissed', 'published', 'open']);

      const inbox = (await officer.get(`${ADMIN}/${other.id}/inquiries`)).body;
      const at = (text: string) => inbox.indexOf(text);
      assert.ok(at('Kolmas kysymys') > 0 && at('Kolmas kysymys') < at('Toinen kysymys') && at('Toinen kysymys') < at('Ensimmäinen kysymys'));
      assert.match(inbox, /Jätetty vastaamatta/);

      const pub = await (await agentFor(t)).get(`/fi/haut/${other.id}/questions`);
      assert.match(pub.body, /Vastaus toiseen\./);
      assert.doesNotMatch(pub.body, /Ensimmäinen kysymys|Kolmas kysymys/);
      assert.equal((await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'call.inquiry-dismissed').execute()).length, 1);
    });

    it('refuses a question once the call has closed, and knows no draft call', async () => {
      const closing = await buildCall(t.database.db, { budgets: threeCouncils, closesAt: '2026-11-28T10:00:00.000Z' });
      const applicant = await agentFor(t, asker);
      const res = await applicant.post(`/fi/haut/${closing.id}/questions`, { question: 'Ehtiikö vielä kysyä jotain?' });
      assert.equal(res.statusCode, 409);
      assert.match(res.body, /Kysymystä ei lähetetty: hakuaika on päättynyt/);
      assert.equal((await inquiries(closing.id)).length, 0);
      const page = await applicant.get(`/fi/haut/${closing.id}/questions`);
      assert.match(page.body, /Hausta voi kysyä, kun haku on julkaistu ja kunnes hakuaika päättyy\./);
      assert.doesNotMatch(page.body, /<textarea/);

      const draft = await buildCall(t.database.db, { status: 'draft', budgets: threeCouncils });
      assert.equal((await applicant.get(`/fi/haut/${draft.id}/questions`)).statusCode, 404);
      assert.equal((await applicant.post(`/fi/haut/${draft.id}/questions`, { question: 'Onko tämä jo auki?' })).statusCode, 404);
      assert.equal((await inquiries(draft.id)).length, 0);
    });

    it('keeps the officer pages from applicants, from officers outside the call, and asking from the anonymous', async () => {
      const [row] = await inquiries(call.id);
      const applicant = await agentFor(t, asker);
      const outsider = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] }));
      for (const agent of [applicant, outsider]) {
        assert.equal((await agent.get(`${ADMIN}/${call.id}/inquiries`)).statusCode, 403);
        assert.equal((await agent.get(`${ADMIN}/${call.id}/inquiries/${row!.id}`)).statusCode, 403);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/inquiries/${row!.id}`, { action: 'dismiss' })).statusCode, 403);
      }
      assert.equal((await inquiries(call.id))[0]!.status, 'published');
      const anonymous = await agentFor(t);
      const res = await anonymous.post(`/fi/haut/${call.id}/questions`, { question: 'Saako nimettömänä kysyä?' });
      assert.equal(res.statusCode, 401, 'sent to sign in');
      const officer = await agentFor(t, officer17);
      assert.equal((await officer.get(`${ADMIN}/${call.id}/inquiries/999999`)).statusCode, 404);
      const otherCall = await buildCall(t.database.db, { budgets: threeCouncils });
      assert.equal((await officer.get(`${ADMIN}/${otherCall.id}/inquiries/${row!.id}`)).statusCode, 404, 'an inquiry is found only under its own call');
    });
  });
}
