import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { canonicalJson } from '../../src/features/applications/submission.snapshot.js';
import { sha256Hex } from '../../src/security/tokens.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const base = (id: number) => `/fi/hakemukset/${id}`;
const CLOSES = '2026-12-15T14:15:00.000Z'; // 15.12.2026 16.15.00 Helsinki time (buildCall's default)
const confirm = { step: 'confirm', declaration: '1' };

for (const dialect of testDialects()) {
  describe(`submitting an application [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let lead: OrganisationRow;
    let member: UserRow;
    let call: CallRow;

    const db = () => t.database.db;
    const draft = async (spec: { empty?: boolean; title?: string } = {}) =>
      (await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member, ...spec })).id;
    const status = async (id: number) => (await db().selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const submissions = (id: number) => db().selectFrom('application_submissions').selectAll().where('application_id', '=', id).execute();
    const emails = (purpose: string) => db().selectFrom('email_messages').selectAll().where('purpose', '=', purpose).orderBy('id').execute();

    before(async () => {
      t = await buildTestApp(dialect);
      lead = await buildOrganisation(db(), { region: '17', name: 'Oulun testiyliopisto' });
      member = await buildUser(db(), { name: 'Hilkka Hakija', memberOf: [{ organisation: lead }] });
      call = await buildCall(db());
    });
    after(async () => t?.close());
    beforeEach(() => t.clock.set('2026-11-28T10:00:00.000Z'));

    it('shows what will be submitted, the deadline to the second and the declaration to tick', async () => {
      const id = await draft({ title: 'Puhdas kiertotalous' });
      const agent = await agentFor(t, member);
      const page = await agent.get(`${base(id)}/submit`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Jätä hakemus: Puhdas kiertotalous/);
      assert.match(page.body, /15\.12\.2026 klo 16\.15\.00/);
      assert.match(page.body, new RegExp(`datetime="${CLOSES}"`));
      assert.match(page.body, /Oulun testiyliopisto \(päätoteuttaja\)/);
      assert.match(page.body, /336\s000,00\s€/); // three partners × EUR 112,000
      assert.match(page.body, /name="declaration"/);
      assert.match(page.body, /name="step" value="confirm"/);
    });

    it('refuses without the declaration (400, nothing stored) and sends a bare post to the confirmation', async () => {
      const id = await draft();
      const agent = await agentFor(t, member);
      const bare = await agent.post(`${base(id)}/submit`);
      assert.equal(bare.statusCode, 303);
      assert.equal(bare.headers.location, `${base(id)}/submit`);
      const res = await agent.post(`${base(id)}/submit`, { step: 'confirm' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Rastita vakuutus ennen kuin jätät hakemuksen\./);
      assert.match(res.body, /class="error-summary"/);
      assert.equal(await status(id), 'draft');
      assert.equal((await submissions(id)).length, 0);
    });

    it('stores the submission, commits it before answering, and shows the receipt with a SHA-256 of the stored snapshot', async () => {
      const id = await draft({ title: 'Kuittaushanke' });
      const agent = await agentFor(t, member);
      // The route flushes e-mail only after the commit; look at the database from outside the transaction at that moment.
      const original = t.app.outbox.dispatch;
      let seenAtFlush: Promise<number> | undefined;
      t.app.outbox.dispatch = () => {
        seenAtFlush = db().selectFrom('application_submissions').select('id').where('application_id', '=', id).execute().then((r) => r.length);
        return Promise.resolve(0);
      };
      let res;
      try {
        res = await agent.post(`${base(id)}/submit`, confirm);
      } finally {
        t.app.outbox.dispatch = original;
      }
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${base(id)}/receipt`);
      assert.ok(seenAtFlush, 'the mailer was flushed after the submission');
      assert.equal(await seenAtFlush, 1, 'the submission was committed before the 303 was sent');

      const [row] = await submissions(id);
      assert.ok(row);
      assert.equal(row.receipt_number, `${call.reference}-0001`);
      assert.equal(row.submitted_at, '2026-11-28T10:00:00.000Z');
      assert.equal(row.submitted_by, member.id);
      assert.equal(row.content_sha256, sha256Hex(row.snapshot));
      assert.equal(canonicalJson(JSON.parse(row.snapshot)), row.snapshot, 'the snapshot is canonical JSON');
      const snapshot = JSON.parse(row.snapshot);
      assert.equal(snapshot.call.reference, call.reference);
      assert.equal(snapshot.application.title, 'Kuittaushanke');
      assert.equal(snapshot.partners.length, 3);
      assert.equal(snapshot.sections.implementation.secret, true);
      assert.deepEqual(Object.keys(snapshot.partners[0].costs), ['staff']);
      const app = await db().selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(app.status, 'submitted');
      assert.equal(app.submitted_at, '2026-11-28T10:00:00.000Z');

      const receipt = await agent.get(`${base(id)}/receipt`);
      assert.equal(receipt.statusCode, 200);
      assert.match(receipt.body, new RegExp(`${row.receipt_number}`));
      assert.match(receipt.body, /28\.11\.2026 klo 12\.00\.00/);
      assert.match(receipt.body, /<time datetime="2026-11-28T10:00:00.000Z">/);
      assert.match(receipt.body, new RegExp(row.content_sha256));
      assert.match(receipt.body, /Hilkka Hakija/);
      assert.equal(receipt.headers['cache-control'], 'private, no-store');

      const mails = (await emails('application-receipt')).filter((e) => e.body_text.includes(row.receipt_number));
      assert.deepEqual(mails.map((e) => e.to_address).sort(), [member.email, snapshot.partners[0].contactEmail].sort());
      for (const mail of mails) {
        assert.match(mail.subject, /^Kuittaus jätetystä hakemuksesta/);
        assert.match(mail.body_text, /28\.11\.2026 klo 12\.00\.00 Suomen aikaa/);
        assert.ok(mail.body_text.includes(row.content_sha256));
      }
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'application.submitted').where('entity_id', '=', String(id)).execute();
      assert.equal(audit.length, 1);
      assert.doesNotMatch(audit[0]!.after_json ?? '', /Hilkka|@/);

      const frozen = await agent.get(`${base(id)}/submitted`);
      assert.equal(frozen.statusCode, 200);
      assert.match(frozen.body, /Liikesalaisuus/);
      assert.match(frozen.body, /Toteutus ja työpaketit/);
      assert.match(frozen.body, /Osio implementation\./);
      assert.match(frozen.body, new RegExp(row.content_sha256));

      // Once submitted, the confirmation page leads to the receipt.
      const again = await agent.get(`${base(id)}/submit`);
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, `${base(id)}/receipt`);
    });

    it('refuses a submission one second late and at the exact closing second, with the closing time, and keeps the draft', async () => {
      for (const late of ['2026-12-15T14:15:01.000Z', CLOSES]) {
        const id = await draft();
        t.clock.set(late);
        const agent = await agentFor(t, member);
        const res = await agent.post(`${base(id)}/submit`, confirm);
        assert.equal(res.statusCode, 409, late);
        assert.match(res.body, /Haku sulkeutui 15\.12\.2026 klo 16\.15\.00 Suomen aikaa\./);
        assert.doesNotMatch(res.body, /name="declaration"/);
        assert.equal(await status(id), 'draft');
        assert.equal((await submissions(id)).length, 0);
        t.clock.set('2026-11-28T10:00:00.000Z');
      }
    });

    it('accepts a submission one millisecond before closing and stamps it with that instant', async () => {
      const id = await draft();
      t.clock.set('2026-12-15T14:14:59.999Z');
      const agent = await agentFor(t, member);
      const res = await agent.post(`${base(id)}/submit`, confirm);
      assert.equal(res.statusCode, 303);
      const [row] = await submissions(id);
      assert.equal(row?.submitted_at, '2026-12-15T14:14:59.999Z');
      const receipt = await agent.get(`${base(id)}/receipt`);
      assert.match(receipt.body, /15\.12\.2026 klo 16\.14\.59/);
    });

    it('refuses an application that breaks the call’s rules (422) and lists what to correct', async () => {
      const id = await draft({ empty: true });
      const agent = await agentFor(t, member);
      const page = await agent.get(`${base(id)}/submit`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Hakemusta ei voi vielä jättää/);
      assert.doesNotMatch(page.body, /name="declaration"/);
      const res = await agent.post(`${base(id)}/submit`, confirm);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Täytä kohta ”Hankkeen nimi”\./);
      assert.match(res.body, /Täytä kohta ”Tausta ja tarve”\./);
      assert.match(res.body, /Vastaa kysymykseen ”Lisäkysymys 1”\./);
      assert.match(res.body, /Hankkeelle ei ole vielä merkitty kustannuksia\./);
      assert.match(res.body, /Haettu tuki 0,00\s€ on alle haun vähimmäismäärän 50\s000,00\s€\./);
      assert.equal(await status(id), 'draft');
      assert.equal((await submissions(id)).length, 0);
    });

    it('makes one submission of two at once', async () => {
      const id = await draft({ title: 'Kaksoisklikkaus' });
      const agent = await agentFor(t, member);
      const before = (await emails('application-receipt')).length;
      const results = await Promise.all([agent.post(`${base(id)}/submit`, confirm), agent.post(`${base(id)}/submit`, confirm)]);
      for (const r of results) {
        assert.equal(r.statusCode, 303);
        assert.equal(r.headers.location, `${base(id)}/receipt`);
      }
      assert.equal((await submissions(id)).length, 1);
      assert.equal((await emails('application-receipt')).length - before, 2, 'one receipt to the submitter and one to the lead contact');
      const audit = await db().selectFrom('audit_log').select('seq').where('action', '=', 'application.submitted').where('entity_id', '=', String(id)).execute();
      assert.equal(audit.length, 1);
    });

    it('numbers receipts in sequence within the call', async () => {
      const other = await buildCall(db());
      const numbers: string[] = [];
      const agent = await agentFor(t, member);
      for (let i = 0; i < 3; i++) {
        const { id } = await buildApplication(db(), { call: other, lead: { organisation: lead }, createdBy: member });
        assert.equal((await agent.post(`${base(id)}/submit`, confirm)).statusCode, 303);
        numbers.push((await submissions(id))[0]!.receipt_number);
      }
      assert.deepEqual(numbers, [1, 2, 3].map((n) => `${other.reference}-000${n}`));
    });

    it('lets the applicant withdraw before the deadline, and not after it', async () => {
      const id = await draft({ title: 'Peruttava hanke' });
      const agent = await agentFor(t, member);
      assert.equal((await agent.post(`${base(id)}/submit`, confirm)).statusCode, 303);
      const receipt = await agent.get(`${base(id)}/receipt`);
      assert.match(receipt.body, new RegExp(`href="${base(id)}/withdraw"`));

      const form = await agent.get(`${base(id)}/withdraw`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="confirm"/);
      const unconfirmed = await agent.post(`${base(id)}/withdraw`);
      assert.equal(unconfirmed.statusCode, 400);
      assert.match(unconfirmed.body, /Rastita vahvistus/);
      assert.equal(await status(id), 'submitted');

      t.clock.set('2026-11-28T10:20:15.000Z'); // within the session's idle time
      const res = await agent.post(`${base(id)}/withdraw`, { confirm: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${base(id)}/receipt?withdrawn=1`);
      const app = await db().selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(app.status, 'withdrawn');
      assert.equal(app.withdrawn_at, '2026-11-28T10:20:15.000Z');
      const [row] = await submissions(id);
      assert.equal(row?.withdrawn_at, '2026-11-28T10:20:15.000Z');
      const mails = (await emails('application-withdrawn')).filter((e) => e.body_text.includes(row!.receipt_number));
      assert.equal(mails.length, 2);
      assert.match(mails[0]!.body_text, /peruttiin 28\.11\.2026 klo 12\.20\.15 Suomen aikaa/);
      assert.equal((await db().selectFrom('audit_log').select('seq').where('action', '=', 'application.withdrawn').where('entity_id', '=', String(id)).execute()).length, 1);
      const after = await agent.get(`${base(id)}/receipt?withdrawn=1`);
      assert.match(after.body, /Hakemus on peruttu\./);
      assert.match(after.body, /Hakemus peruttiin 28\.11\.2026 klo 12\.20\.15 Suomen aikaa\./);
      // A withdrawn application is not submitted again.
      const resubmit = await agent.post(`${base(id)}/submit`, confirm);
      assert.equal(resubmit.statusCode, 409);
      assert.equal((await submissions(id)).length, 1);

      const late = await draft();
      t.clock.set('2026-11-28T10:00:00.000Z');
      assert.equal((await agent.post(`${base(late)}/submit`, confirm)).statusCode, 303);
      t.clock.set(CLOSES);
      const lateAgent = await agentFor(t, member);
      const closedForm = await lateAgent.get(`${base(late)}/withdraw`);
      assert.match(closedForm.body, /Hakuaika päättyi 15\.12\.2026 klo 16\.15\.00 Suomen aikaa\. Hakemusta ei voi enää perua/);
      assert.doesNotMatch(closedForm.body, /name="confirm"/);
      const refused = await lateAgent.post(`${base(late)}/withdraw`, { confirm: '1' });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /15\.12\.2026 klo 16\.15\.00/);
      assert.equal(await status(late), 'submitted');
      assert.equal((await submissions(late))[0]?.withdrawn_at, null);
      assert.doesNotMatch((await lateAgent.get(`${base(late)}/receipt`)).body, /\/withdraw"/);
    });

    it('is the lead organisation’s to submit: a partner’s member or invited editor gets 403', async () => {
      const { id, partnerIds } = await buildApplication(db(), { call, lead: { organisation: lead }, createdBy: member });
      const partner = await db().selectFrom('application_partners').select('organisation_id').where('id', '=', partnerIds[1]!).executeTakeFirstOrThrow();
      const partnerMember = await buildUser(db(), { memberOf: [{ organisation: { id: partner.organisation_id } as OrganisationRow }] });
      const invited = await buildUser(db());
      await db().insertInto('application_editors').values({ application_id: id, user_id: invited.id, partner_id: partnerIds[2]!, invited_by: member.id, created_at: '2026-11-20T10:00:00.000Z' }).execute();
      const stranger = await buildUser(db(), { memberOf: [{ organisation: await buildOrganisation(db()) }] });
      for (const user of [partnerMember, invited, stranger]) {
        const agent = await agentFor(t, user);
        assert.equal((await agent.get(`${base(id)}/submit`)).statusCode, 403);
        assert.equal((await agent.post(`${base(id)}/submit`, confirm)).statusCode, 403);
        assert.equal((await agent.post(`${base(id)}/withdraw`, { confirm: '1' })).statusCode, 403);
        assert.equal((await agent.get(`${base(id)}/receipt`)).statusCode, 403);
      }
      assert.equal(await status(id), 'draft');
      const anonymous = await agentFor(t);
      assert.equal((await anonymous.get(`${base(id)}/submit`)).statusCode, 303);
    });

    it('has no receipt for a draft, and a bad id is not a server error', async () => {
      const id = await draft();
      const agent = await agentFor(t, member);
      assert.equal((await agent.get(`${base(id)}/receipt`)).statusCode, 404);
      assert.equal((await agent.get(`${base(id)}/submitted`)).statusCode, 404);
      assert.equal((await agent.get('/fi/hakemukset/999999/submit')).statusCode, 404);
      assert.equal((await agent.get('/fi/hakemukset/abc/submit')).statusCode, 400);
    });

    it('writes the receipt in the submitter’s language', async () => {
      const swedish = await buildUser(db(), { locale: 'sv', memberOf: [{ organisation: lead }] });
      const id = await draft();
      const agent = await agentFor(t, swedish);
      const res = await agent.post(`/sv/ansokningar/${id}/submit`, confirm);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/sv/ansokningar/${id}/receipt`);
      const [row] = await submissions(id);
      const mail = (await emails('application-receipt')).find((e) => e.to_address === swedish.email);
      assert.ok(mail);
      assert.equal(mail.subject, `Kvitto på inlämnad ansökan ${row!.receipt_number}`);
      assert.match(mail.body_text, /28\.11\.2026 kl\. 12\.00\.00 finsk tid/);
      const receipt = await agent.get(`/sv/ansokningar/${id}/receipt`);
      assert.match(receipt.body, /Kvitto på inlämnad ansökan/);
      const english = await agent.get(`/en/applications/${id}/receipt`);
      assert.match(english.body, /28 November 2026 at 12:00:00/);
    });
  });
}
