import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { assessCall } from '../../src/features/decisions/call-assessment.js';
import { letterInput, letterSubject, loadLetterContext } from '../../src/features/decisions/decision-letter.content.js';
import { decisionLetterMessages } from '../../src/features/decisions/decision-letter.messages.js';
import { renderDecisionLetter } from '../../src/features/decisions/decision-letter.pdf.js';
import { buildProposal, sealProposal } from '../../src/features/decisions/funding-proposal.js';
import { formatMoney } from '../../src/i18n/format.js';
import { isLocale } from '../../src/i18n/locales.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildAssignment, buildClosedCall, buildReviewer, buildSubmittedApplication, startReview, submitScores } from '../helpers/review-factories.js';

const ADMIN = '/fi/hallinta/haut';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** WinAnsi's codes 0x80–0x9F, where it differs from Latin-1 (Node's decoder treats windows-1252 as Latin-1). */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const decodeWinAnsi = (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/**
 * The text a PDF shows, line by line: each content stream inflated and the strings of its text
 * operators decoded from WinAnsi, the encoding of the standard Helvetica. Lines are joined with
 * spaces, so a sentence wrapped over two lines still reads as one.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (let at = raw.indexOf('stream\n'); at !== -1; at = raw.indexOf('stream\n', at + 1)) {
    const start = at + 'stream\n'.length;
    const end = raw.indexOf('\nendstream', start);
    if (end === -1) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, array] of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...array!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(decodeWinAnsi(Buffer.from(hex, 'hex')));
    }
    at = end;
  }
  return lines.join(' ').replace(/ +/g, ' ');
}

interface Scenario {
  call: CallRow;
  /** Led from 17 with partners in 18 and 19: funded; its submitter writes Swedish. */
  a: number;
  /** Led from 17 with a partner in 18: funded; English. */
  b: number;
  /** Like a, scored lower: on the reserve list, as 17 and 18 have too little left; Finnish. */
  c: number;
  submitters: { a: UserRow; b: UserRow; c: UserRow };
}

/** A reviewed call of three councils (EUR 300,000 each) and its confirmed funding proposal. */
async function buildDecidableCall(db: Db): Promise<Scenario> {
  const call = await buildClosedCall(db, { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
  const reviewer = await buildReviewer(db);
  const submitters = {
    a: await buildUser(db, { locale: 'sv' }),
    b: await buildUser(db, { locale: 'en' }),
    c: await buildUser(db, { locale: 'fi' }),
  };
  const submit = async (submitter: UserRow, score: number, partners?: Array<{ region: string }>) => {
    const lead = { organisation: await buildOrganisation(db, { region: '17' }) };
    const app = await buildSubmittedApplication(db, { call, lead, submitter, ...(partners ? { partners } : {}) });
    await submitScores(db, await buildAssignment(db, { applicationId: app.id, reviewer }), {}, score);
    return app.id;
  };
  const a = await submit(submitters.a, 5);
  const b = await submit(submitters.b, 4, [{ region: '18' }]);
  const c = await submit(submitters.c, 3);
  await startReview(db, call);
  const assessment = await assessCall(db, call.id);
  assert.ok(assessment);
  const sealed = sealProposal(buildProposal(assessment));
  await db
    .insertInto('funding_proposals')
    .values({ call_id: call.id, snapshot: sealed.json, sha256: sealed.sha256, confirmed_by: null, confirmed_at: '2026-11-27T09:00:00.000Z' })
    .execute();
  return { call, a, b, c, submitters };
}

const decisionFields = (region: string, values: Partial<Record<'number' | 'date' | 'maker' | 'grounds', string>> = {}) => ({
  [`number_${region}`]: values.number ?? `MH ${region}/2026 § 12`,
  [`date_${region}`]: values.date ?? '27.11.2026',
  [`maker_${region}`]: values.maker ?? 'Maakuntahallitus',
  [`grounds_${region}`]: values.grounds ?? `Liiton ${region} perustelut: hankkeet vastaavat strategiaa.`,
});

for (const dialect of testDialects()) {
  describe(`councils' decisions and decision letters [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const officers = new Map<string, TestAgent>();
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      for (const region of ['17', '18', '19']) officers.set(region, await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region }] })));
    });
    after(async () => t?.close());

    const officer = (region: string) => officers.get(region)!;
    const decide = (call: CallRow, region: string, values?: Parameters<typeof decisionFields>[1]) =>
      officer(region).post(`${ADMIN}/${call.id}/decisions/${region}`, decisionFields(region, values));
    const letters = (ids: number[]) => t.database.db.selectFrom('decision_letters').selectAll().where('application_id', 'in', ids).orderBy('application_id').execute();

    it('makes an outcome final only when the last council involved in the application has decided, and then decides the call', async () => {
      const db = t.database.db;
      const s = await buildDecidableCall(db);
      const all = [s.a, s.b, s.c];

      const first = await decide(s.call, '18');
      assert.equal(first.statusCode, 303);
      assert.match(String(first.headers.location), new RegExp(`/decisions\\?recorded=0#council-18$`));
      assert.deepEqual(await letters(all), []);
      const shares18 = await db
        .selectFrom('council_decision_shares as s')
        .innerJoin('council_decisions as d', 'd.id', 's.decision_id')
        .select(['s.application_id', 's.outcome', 's.requested_cents', 's.granted_cents'])
        .where('d.call_id', '=', s.call.id)
        .orderBy('s.application_id')
        .execute();
      assert.deepEqual(
        shares18.map((r) => [r.application_id, r.outcome, Number(r.requested_cents), Number(r.granted_cents)]),
        [
          [s.a, 'funded', 11_200_000, 11_200_000],
          [s.b, 'funded', 11_200_000, 11_200_000],
          [s.c, 'reserve', 11_200_000, 0],
        ],
      );

      // Pohjois-Pohjanmaa (17) completes b, which involves 17 and 18 only.
      assert.equal((await decide(s.call, '17')).statusCode, 303);
      assert.deepEqual((await letters(all)).map((l) => l.application_id), [s.b]);
      assert.equal((await db.selectFrom('calls').select('status').where('id', '=', s.call.id).executeTakeFirstOrThrow()).status, 'in_review');

      // Lapland (19) is the last council of a and c, and of the call.
      const last = await decide(s.call, '19');
      assert.match(String(last.headers.location), /recorded=2#council-19$/);
      assert.deepEqual((await letters(all)).map((l) => [l.application_id, l.outcome, l.locale]), [
        [s.a, 'funded', 'sv'],
        [s.b, 'funded', 'en'],
        [s.c, 'reserve', 'fi'],
      ]);
      const call = await db.selectFrom('calls').select(['status', 'decided_at']).where('id', '=', s.call.id).executeTakeFirstOrThrow();
      assert.equal(call.status, 'decided');
      assert.equal(call.decided_at, t.clock.now().toISOString());
      const decisionIds = (await db.selectFrom('council_decisions').select('id').where('call_id', '=', s.call.id).execute()).map((d) => String(d.id));
      const audit = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['decision.recorded', 'decision.final', 'call.decided'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity_type', '=', 'council_decision'), eb('entity_id', 'in', decisionIds)]),
            eb.and([eb('entity_type', '=', 'application'), eb('entity_id', 'in', all.map(String))]),
            eb.and([eb('entity_type', '=', 'call'), eb('entity_id', '=', String(s.call.id))]),
          ]),
        )
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((e) => e.action),
        ['decision.recorded', 'decision.recorded', 'decision.final', 'decision.recorded', 'decision.final', 'decision.final', 'call.decided'],
      );
    });

    it('stores each letter with its hash as a PDF in the applicant’s language, with the amounts and the instructions for rectification', async () => {
      const s = await buildDecidableCall(t.database.db);
      for (const region of ['17', '18', '19']) assert.equal((await decide(s.call, region)).statusCode, 303);
      const stored = await letters([s.a, s.b, s.c]);
      for (const letter of stored) {
        const content = Buffer.from(letter.content);
        assert.equal(content.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.equal(letter.sha256, sha256(content));
        assert.equal(Number(letter.size_bytes), content.length);
      }
      const [a, b, c] = stored.map((l) => ({ locale: l.locale, filename: l.filename, text: pdfText(Buffer.from(l.content)) }));
      const money = (cents: number, locale: 'fi' | 'sv' | 'en') => formatMoney(cents, locale);

      // a, funded: each of three councils grants 112,000 €, 336,000 € in all (in Swedish).
      assert.match(a!.filename, /^finansieringsbeslut-TEST-.*\.pdf$/);
      assert.ok(a!.text.includes(decisionLetterMessages.sv.heading), a!.text.slice(0, 300));
      assert.ok(a!.text.includes(`Sammanlagt ${money(33_600_000, 'sv')} ${money(33_600_000, 'sv')}`));
      assert.ok(a!.text.includes('Lapplands förbund'));
      assert.ok(a!.text.includes(decisionLetterMessages.sv.rectificationHeading));
      assert.ok(a!.text.includes('kommunallagen 139\u00a0§'));
      // b, funded by two councils (in English).
      assert.ok(b!.text.includes(`Total ${money(22_400_000, 'en')} ${money(22_400_000, 'en')}`), b!.text);
      assert.ok(b!.text.includes(decisionLetterMessages.en.rectificationHeading));
      assert.ok(b!.text.includes('the registry of Regional Council of Kainuu'));
      // c, on the reserve list: requested from each council, nothing granted (in Finnish).
      assert.ok(c!.text.includes(`Yhteensä ${money(33_600_000, 'fi')} ${money(0, 'fi')}`), c!.text);
      assert.ok(c!.text.includes('Varasijalla 1'));
      assert.ok(c!.text.includes(decisionLetterMessages.fi.rectificationHeading));
      assert.ok(c!.text.includes('Liiton 19 perustelut: hankkeet vastaavat strategiaa.'));
      assert.ok(c!.text.includes('Haun vähimmäispistemäärä on 14.'));
    });

    it('issues the same bytes again from the same stored decisions', async () => {
      const s = await buildDecidableCall(t.database.db);
      for (const region of ['18', '17']) await decide(s.call, region);
      const [stored] = await letters([s.b]);
      assert.ok(stored && isLocale(stored.locale));
      const ctx = await loadLetterContext(t.database.db, s.call.id);
      const subject = ctx && letterSubject(ctx, s.b);
      assert.ok(ctx && subject);
      const again = await renderDecisionLetter(letterInput(ctx, subject, stored.locale, stored.final_at));
      assert.equal(sha256(again), stored.sha256);
    });

    it('queues the outcome e-mail to the submitter in their language, with the letter attached', async () => {
      const db = t.database.db;
      const s = await buildDecidableCall(db);
      for (const region of ['18', '17']) await decide(s.call, region);
      const emails = await db.selectFrom('email_messages').selectAll().where('purpose', '=', 'funding-decision').where('to_address', '=', s.submitters.b.email).execute();
      assert.equal(emails.length, 1);
      const email = emails[0]!;
      assert.equal(email.locale, 'en');
      assert.equal(email.status, 'kept');
      assert.equal(email.user_id, s.submitters.b.id);
      assert.match(email.subject, /^Decision on application TEST-/);
      assert.match(email.body_text, /within 14 days/);
      const [letter] = await letters([s.b]);
      const attachments = await db.selectFrom('email_attachments').selectAll().where('email_id', '=', email.id).execute();
      assert.deepEqual(
        attachments.map((x) => [x.filename, x.content_type, sha256(Buffer.from(x.content))]),
        [[letter!.filename, 'application/pdf', letter!.sha256]],
      );
      // Nobody else has been told yet: a and c wait for Lapland.
      assert.equal((await db.selectFrom('email_messages').select('id').where('to_address', 'in', [s.submitters.a.email, s.submitters.c.email]).execute()).length, 0);
    });

    it('shows each council its own form, tells the others whom they wait for, and refuses an officer of another council (403)', async () => {
      const s = await buildDecidableCall(t.database.db);
      const page = await officer('18').get(`${ADMIN}/${s.call.id}/decisions`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="number_18"/);
      assert.doesNotMatch(page.body, /name="number_17"/);
      assert.match(page.body, /Päätöstä odotetaan: Pohjois-Pohjanmaan liitto\./);
      assert.ok(page.body.includes(sealProposal(buildProposal((await assessCall(t.database.db, s.call.id))!)).sha256));
      const refused = await officer('18').post(`${ADMIN}/${s.call.id}/decisions/17`, decisionFields('17'));
      assert.equal(refused.statusCode, 403);
      assert.equal((await t.database.db.selectFrom('council_decisions').select('id').where('call_id', '=', s.call.id).execute()).length, 0);
      const admin = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'admin' }] }));
      const all = await admin.get(`${ADMIN}/${s.call.id}/decisions`);
      for (const region of ['17', '18', '19']) assert.match(all.body, new RegExp(`id="field-number_${region}"`));
    });

    it('refuses a council’s second decision (409) and keeps the first', async () => {
      const db = t.database.db;
      const s = await buildDecidableCall(db);
      assert.equal((await decide(s.call, '18')).statusCode, 303);
      const again = await decide(s.call, '18', { number: 'MH 99/2026' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /liiton päätös on jo kirjattu \(Kainuun liitto\)/);
      const rows = await db.selectFrom('council_decisions').select('decision_number').where('call_id', '=', s.call.id).execute();
      assert.deepEqual(rows.map((r) => r.decision_number), ['MH 18/2026 § 12']);
    });

    it('asks for every field, a real date not in the future, and keeps what was typed', async () => {
      const s = await buildDecidableCall(t.database.db);
      const empty = await decide(s.call, '17', { number: '', date: '', maker: '', grounds: '' });
      assert.equal(empty.statusCode, 400);
      for (const message of ['Kirjoita päätöksen numero.', 'Kirjoita päätöspäivä.', 'Kirjoita päätöksen tekijä.', 'Kirjoita päätöksen perustelut.']) {
        assert.ok(empty.body.includes(message), message);
      }
      assert.match(empty.body, /id="field-number_17-error">Kirjoita päätöksen numero\./);

      const impossible = await decide(s.call, '17', { number: 'MH 1/2026', date: '31.11.2026', grounds: 'Perustelut <b>tässä</b>.' });
      assert.equal(impossible.statusCode, 400);
      assert.match(impossible.body, /id="field-date_17-error">Kirjoita päätöspäivä muodossa 1\.12\.2026\./);
      assert.match(impossible.body, /value="MH 1\/2026"/);
      assert.match(impossible.body, /value="31\.11\.2026"/);
      assert.match(impossible.body, /Perustelut &lt;b>tässä&lt;\/b>\./);

      // The test clock stands on 28 Nov 2026 in Helsinki.
      const future = await decide(s.call, '17', { date: '2026-11-29' });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /id="field-date_17-error">Päätöspäivä ei voi olla tulevaisuudessa\./);
      const tooLong = await decide(s.call, '17', { number: 'x'.repeat(65) });
      assert.match(tooLong.body, /Päätöksen numerossa voi olla enintään 64 merkkiä\./);

      assert.equal((await decide(s.call, '17', { date: '2026-11-28' })).statusCode, 303);
      assert.equal((await decide(s.call, '18', { date: '1.11.2026' })).statusCode, 303);
      const dates = await t.database.db.selectFrom('council_decisions').select(['region_code', 'decision_date']).where('call_id', '=', s.call.id).orderBy('region_code').execute();
      assert.deepEqual(dates.map((d) => [d.region_code, d.decision_date]), [['17', '2026-11-28'], ['18', '2026-11-01']]);
    });

    it('gives officers the stored letter as a download, and 404 where no outcome is final', async () => {
      const s = await buildDecidableCall(t.database.db);
      for (const region of ['18', '17']) await decide(s.call, region);
      const [stored] = await letters([s.b]);
      const download = await officer('19').get(`${ADMIN}/${s.call.id}/decisions/letters/${s.b}`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="funding-decision-TEST-/);
      assert.equal(sha256(download.rawPayload), stored!.sha256);
      assert.equal((await officer('19').get(`${ADMIN}/${s.call.id}/decisions/letters/${s.a}`)).statusCode, 404);
      const page = await officer('19').get(`${ADMIN}/${s.call.id}/decisions`);
      assert.ok(page.body.includes(`/decisions/letters/${s.b}"`));
      assert.ok(!page.body.includes(`/decisions/letters/${s.a}"`));
    });

    it('explains that councils decide on a confirmed proposal when there is none, and records nothing', async () => {
      const call = await buildClosedCall(t.database.db, { budgets: { '17': 30_000_000 } });
      await startReview(t.database.db, call);
      const page = await officer('17').get(`${ADMIN}/${call.id}/decisions`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Haulla ei ole vielä vahvistettua rahoitusehdotusta\./);
      assert.ok(page.body.includes(`href="${ADMIN}/${call.id}/funding"`));
      const refused = await decide(call, '17');
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /haulla ei ole vahvistettua rahoitusehdotusta/);
    });

    it('does not let a call be marked decided by hand while councils are still to decide', async () => {
      const s = await buildDecidableCall(t.database.db);
      await decide(s.call, '18');
      const refused = await officer('17').post(`${ADMIN}/${s.call.id}/decided`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Päätöstä odotetaan: [^.]*Pohjois-Pohjanmaan liitto/);
      assert.equal((await t.database.db.selectFrom('calls').select('status').where('id', '=', s.call.id).executeTakeFirstOrThrow()).status, 'in_review');
    });
  });
}
