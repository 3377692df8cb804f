import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallRow, UserRow } from '../../src/db/schema.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

const ADMIN = '/fi/hallinta/haut';

for (const dialect of testDialects()) {
  describe(`call criteria and extra questions [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer17: UserRow;
    const criteria = (callId: number) =>
      t.database.db.selectFrom('call_criteria').selectAll().where('call_id', '=', callId).orderBy('sort_order').orderBy('id').execute();
    const questions = (callId: number) =>
      t.database.db.selectFrom('call_questions').selectAll().where('call_id', '=', callId).orderBy('sort_order').orderBy('id').execute();
    const corrections = (callId: number) =>
      t.database.db.selectFrom('call_corrections').selectAll().where('call_id', '=', callId).orderBy('id').execute();
    const version = async (callId: number) =>
      (await t.database.db.selectFrom('calls').select('version').where('id', '=', callId).executeTakeFirstOrThrow()).version;
    const audits = (callId: number, action: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'call').where('entity_id', '=', String(callId)).where('action', '=', action).orderBy('seq').execute();
    const criterion = { kind: 'content', name_fi: 'Innovatiivisuus', name_sv: '', name_en: 'Innovativeness', description_fi: 'Uutuusarvo alueella.', weight: '4' };

    before(async () => {
      t = await buildTestApp(dialect);
      officer17 = await buildUser(t.database.db, { roles: [{ role: 'officer', region: '17' }] });
    });
    after(async () => t?.close());

    it('lists the criteria by kind with weights, the maximum weighted total and the call’s minimum', async () => {
      const call = await buildCall(t.database.db, { status: 'draft' });
      const res = await (await agentFor(t, officer17)).get(`${ADMIN}/${call.id}/criteria`);
      assert.equal(res.statusCode, 200);
      for (const heading of ['Yleiset valintaperusteet', 'Sisällölliset valintaperusteet', 'Täsmentävät valintaperusteet', 'Horisontaaliset valintaperusteet']) {
        assert.match(res.body, new RegExp(`<h2 id="kind-[a-z]+">${heading}</h2>`));
      }
      // 3 × 5 (content) + 2 × 5 (specifying) + 1 × 3 (horizontal); the general criterion's weight does not count.
      assert.match(res.body, /<span id="max-total">28<\/span>/);
      assert.match(res.body, /<dd id="min-total">14<\/dd>/);
      assert.match(res.body, /ei lasketa summaan/);
      assert.doesNotMatch(res.body, /Vähimmäispistemäärä on suurempi kuin suurin mahdollinen pistemäärä/);
      assert.match(res.body, /Haku on luonnos/);
      // A minimum above the maximum is pointed out.
      await t.database.db.updateTable('calls').set({ min_total_score: 30 }).where('id', '=', call.id).execute();
      const warned = await (await agentFor(t, officer17)).get(`${ADMIN}/${call.id}/criteria`);
      assert.match(warned.body, /Vähimmäispistemäärä on suurempi kuin suurin mahdollinen pistemäärä/);
      assert.match(res.body, /<caption id="criteria-content">Sisällölliset valintaperusteet \(pisteet 0–5\)<\/caption>/);
    });

    it('adds, edits, reorders and removes criteria of a draft, audited, without a correction', async () => {
      const call = await buildCall(t.database.db, { status: 'draft' });
      const agent = await agentFor(t, officer17);
      const form = await agent.get(`${ADMIN}/${call.id}/criteria/new`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /ei vaikuta pisteiden summaan/);
      assert.doesNotMatch(form.body, /Korjausilmoitus suomeksi/);

      const created = await agent.post(`${ADMIN}/${call.id}/criteria/new`, criterion);
      assert.equal(created.statusCode, 303);
      assert.equal(created.headers.location, `${ADMIN}/${call.id}/criteria?done=criterionCreated`);
      let rows = await criteria(call.id);
      const added = rows.at(-1)!;
      assert.equal(rows.length, 5);
      assert.deepEqual(
        { kind: added.kind, fi: added.name_fi, sv: added.name_sv, en: added.name_en, d: added.description_fi, w: added.weight, o: added.sort_order },
        { kind: 'content', fi: 'Innovatiivisuus', sv: '', en: 'Innovativeness', d: 'Uutuusarvo alueella.', w: 4, o: 5 },
      );
      const list = await agent.get(`${ADMIN}/${call.id}/criteria?done=criterionCreated`);
      assert.match(list.body, /<span id="max-total">48<\/span>/);
      assert.match(list.body, /Valintaperuste on lisätty\./);
      const [entry] = await audits(call.id, 'call.criterion-created');
      assert.equal(JSON.parse(entry!.after_json!).criterionId, added.id);
      assert.equal(entry!.actor_user_id, officer17.id);

      const edited = await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}`, { ...criterion, kind: 'horizontal', weight: '2' });
      assert.equal(edited.statusCode, 303);
      rows = await criteria(call.id);
      assert.equal(rows.find((r) => r.id === added.id)!.kind, 'horizontal');
      assert.match((await agent.get(`${ADMIN}/${call.id}/criteria`)).body, /<span id="max-total">34<\/span>/);
      const [update] = await audits(call.id, 'call.criterion-updated');
      assert.equal(JSON.parse(update!.before_json!).weight, 4);
      assert.equal(JSON.parse(update!.after_json!).weight, 2);

      // Moves within its own kind: above the other horizontal criterion, and no further.
      const otherHorizontal = rows.find((r) => r.kind === 'horizontal' && r.id !== added.id)!;
      assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/move`, { direction: 'up' })).statusCode, 303);
      rows = await criteria(call.id);
      assert.ok(rows.findIndex((r) => r.id === added.id) < rows.findIndex((r) => r.id === otherHorizontal.id));
      assert.deepEqual(rows.map((r) => r.sort_order), [1, 2, 3, 4, 5]);
      const orderBefore = rows.map((r) => r.id);
      assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/move`, { direction: 'up' })).statusCode, 303);
      assert.deepEqual((await criteria(call.id)).map((r) => r.id), orderBefore);
      assert.equal((await audits(call.id, 'call.criteria-reordered')).length, 1);
      assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/move`, { direction: 'sideways' })).statusCode, 400);

      const removed = await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/remove`);
      assert.equal(removed.statusCode, 303);
      assert.equal(removed.headers.location, `${ADMIN}/${call.id}/criteria?done=criterionRemoved`);
      assert.equal((await criteria(call.id)).length, 4);
      assert.equal((await audits(call.id, 'call.criterion-removed')).length, 1);
      assert.equal((await corrections(call.id)).length, 0);
      assert.equal(await version(call.id), 1);
      assert.equal((await agent.get(`${ADMIN}/${call.id}/criteria/${added.id}`)).statusCode, 404);
    });

    it('names each wrong field of a criterion and keeps what was typed', async () => {
      const call = await buildCall(t.database.db, { status: 'draft' });
      const agent = await agentFor(t, officer17);
      const res = await agent.post(`${ADMIN}/${call.id}/criteria/new`, { kind: '', name_fi: ' ', name_en: 'Kept name', weight: '11' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /Valitse valintaperusteen laji\./);
      assert.match(res.body, /Täytä kenttä ”Nimi suomeksi”\./);
      assert.match(res.body, /Kirjoita kenttään ”Painokerroin” kokonaisluku väliltä 1–10\./);
      assert.match(res.body, /value="Kept name"/);
      assert.match(res.body, /value="11"/);
      const zero = await agent.post(`${ADMIN}/${call.id}/criteria/new`, { ...criterion, weight: '0', kind: 'volcanic' });
      assert.equal(zero.statusCode, 400);
      assert.match(zero.body, /kokonaisluku väliltä 1–10/);
      assert.match(zero.body, /Valitse valintaperusteen laji\./);
      assert.equal((await criteria(call.id)).length, 4);
    });

    it('stores extra questions, with choice options in three languages of equal length', async () => {
      const call = await buildCall(t.database.db, { status: 'draft' });
      const agent = await agentFor(t, officer17);
      const choice = {
        kind: 'choice',
        label_fi: 'Hankkeen pääasiallinen toimiala',
        label_sv: 'Projektets huvudsakliga bransch',
        help_fi: 'Valitse yksi.',
        options_fi: 'Energia\nMetsä\n\nKemia\n',
        options_sv: 'Energi\nSkog',
        options_en: '',
        required: '1',
      };
      const mismatch = await agent.post(`${ADMIN}/${call.id}/questions/new`, choice);
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /Kentässä ”Vaihtoehdot ruotsiksi” on 2 riviä, mutta suomenkielisiä vaihtoehtoja on 3\./);
      assert.match(mismatch.body, /Energi\nSkog<\/textarea>/);
      assert.equal((await questions(call.id)).length, 1);

      const tooFew = await agent.post(`${ADMIN}/${call.id}/questions/new`, { ...choice, options_fi: 'Ainoa', options_sv: '' });
      assert.equal(tooFew.statusCode, 400);
      assert.match(tooFew.body, /vähintään kaksi/);

      const ok = await agent.post(`${ADMIN}/${call.id}/questions/new`, { ...choice, options_sv: 'Energi\nSkog\nKemi' });
      assert.equal(ok.statusCode, 303);
      const stored = (await questions(call.id)).at(-1)!;
      assert.equal(stored.kind, 'choice');
      assert.equal(stored.required, 1);
      assert.equal(stored.max_length, null);
      assert.deepEqual(JSON.parse(stored.options), [
        { fi: 'Energia', sv: 'Energi', en: '' },
        { fi: 'Metsä', sv: 'Skog', en: '' },
        { fi: 'Kemia', sv: 'Kemi', en: '' },
      ]);

      const badLength = await agent.post(`${ADMIN}/${call.id}/questions/new`, { kind: 'text', label_fi: 'Kuvaile yhteistyötä', max_length: '0' });
      assert.equal(badLength.statusCode, 400);
      assert.match(badLength.body, /kokonaisluku väliltä 1–100000/);
      const text = await agent.post(`${ADMIN}/${call.id}/questions/new`, { kind: 'text', label_fi: 'Kuvaile yhteistyötä', max_length: '1 500', options_fi: 'ignored\nlines' });
      assert.equal(text.statusCode, 303);
      const textRow = (await questions(call.id)).at(-1)!;
      assert.deepEqual([textRow.kind, textRow.required, textRow.max_length, textRow.options], ['text', 0, 1500, '[]']);

      const list = await agent.get(`${ADMIN}/${call.id}/questions`);
      assert.match(list.body, /Hankkeen pääasiallinen toimiala/);
      assert.match(list.body, /Valinta vaihtoehdoista/);

      const editForm = await agent.get(`${ADMIN}/${call.id}/questions/${stored.id}`);
      assert.match(editForm.body, /Energia\nMetsä\nKemia<\/textarea>/);
      assert.equal((await agent.post(`${ADMIN}/${call.id}/questions/${stored.id}/move`, { direction: 'down' })).statusCode, 303);
      assert.deepEqual((await questions(call.id)).map((q) => q.label_fi).slice(1), ['Kuvaile yhteistyötä', 'Hankkeen pääasiallinen toimiala']);
      assert.equal((await agent.post(`${ADMIN}/${call.id}/questions/${textRow.id}/remove`)).statusCode, 303);
      assert.equal((await questions(call.id)).length, 2);
      assert.equal((await audits(call.id, 'call.question-created')).length, 2);
      assert.equal((await audits(call.id, 'call.question-removed')).length, 1);
    });

    it('asks for a correction announcement once the call is published, stores it and raises the version', async () => {
      const call = await buildCall(t.database.db);
      const agent = await agentFor(t, officer17);
      const form = await agent.get(`${ADMIN}/${call.id}/criteria/new`);
      assert.match(form.body, /Korjausilmoitus suomeksi/);
      assert.match(form.body, /jokaisesta muutoksesta julkaistaan korjausilmoitus/);

      const missing = await agent.post(`${ADMIN}/${call.id}/criteria/new`, criterion);
      assert.equal(missing.statusCode, 400);
      assert.match(missing.body, /Kirjoita korjausilmoitus suomeksi/);
      assert.match(missing.body, /value="Innovatiivisuus"/);
      assert.equal((await criteria(call.id)).length, 4);
      assert.equal((await corrections(call.id)).length, 0);

      const saved = await agent.post(`${ADMIN}/${call.id}/criteria/new`, { ...criterion, note_fi: 'Lisätty valintaperuste innovatiivisuudesta.', note_en: 'Added a criterion.' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${ADMIN}/${call.id}/criteria?done=criterionCreated&corrected=1`);
      let notes = await corrections(call.id);
      assert.equal(notes.length, 1);
      assert.deepEqual(
        [notes[0]!.note_fi, notes[0]!.note_sv, notes[0]!.note_en, JSON.parse(notes[0]!.changed_fields), notes[0]!.corrected_by],
        ['Lisätty valintaperuste innovatiivisuudesta.', '', 'Added a criterion.', ['criteria'], officer17.id],
      );
      assert.equal(await version(call.id), 2);
      const [entry] = await audits(call.id, 'call.criterion-created');
      assert.equal(JSON.parse(entry!.after_json!).correctionId, notes[0]!.id);

      // Removing asks for the announcement first, then refuses an empty one.
      const added = (await criteria(call.id)).at(-1)!;
      const ask = await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/remove`);
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /Poisto julkaistaan haun sivulla korjausilmoituksena/);
      assert.match(ask.body, /name="confirm" value="1"/);
      assert.equal((await criteria(call.id)).length, 5);
      const empty = await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/remove`, { confirm: '1', note_fi: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Kirjoita korjausilmoitus suomeksi/);
      const done = await agent.post(`${ADMIN}/${call.id}/criteria/${added.id}/remove`, { confirm: '1', note_fi: 'Poistettu valintaperuste.' });
      assert.equal(done.statusCode, 303);
      assert.equal((await criteria(call.id)).length, 4);

      const question = (await questions(call.id))[0]!;
      const changed = await agent.post(`${ADMIN}/${call.id}/questions/${question.id}`, {
        kind: 'text',
        label_fi: 'Miten hanke hyödyntää alueiden kasvualoja?',
        required: '1',
        max_length: '3000',
        note_fi: 'Lisäkysymystä tarkennettu.',
      });
      assert.equal(changed.statusCode, 303);
      notes = await corrections(call.id);
      assert.deepEqual(notes.map((n) => JSON.parse(n.changed_fields)), [['criteria'], ['criteria'], ['questions']]);
      assert.equal(await version(call.id), 4);
      assert.equal((await questions(call.id))[0]!.max_length, 3000);
    });

    it('is read-only once the call has closed', async () => {
      const call = await buildCall(t.database.db);
      const before = await criteria(call.id);
      const [first] = before;
      const question = (await questions(call.id))[0]!;
      try {
        t.clock.set('2026-12-15T14:15:00.000Z'); // the closing instant itself
        const agent = await agentFor(t, officer17); // a session started now: one from before would have expired
        const list = await agent.get(`${ADMIN}/${call.id}/criteria`);
        assert.equal(list.statusCode, 200);
        assert.match(list.body, /Hakuaika on päättynyt\. Valintaperusteita ja lisäkysymyksiä ei voi enää muuttaa\./);
        assert.doesNotMatch(list.body, /criteria\/new/);
        assert.doesNotMatch(list.body, /\/remove"/);
        const edit = await agent.post(`${ADMIN}/${call.id}/criteria/${first!.id}`, { ...criterion, note_fi: 'Myöhäinen muutos.' });
        assert.equal(edit.statusCode, 409);
        assert.match(edit.body, /Hakuaika on päättynyt/);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/new`, { ...criterion, note_fi: 'x' })).statusCode, 409);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/${first!.id}/remove`, { confirm: '1', note_fi: 'x' })).statusCode, 409);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/questions/${question.id}/move`, { direction: 'down', confirm: '1', note_fi: 'x' })).statusCode, 409);
        assert.equal((await agent.get(`${ADMIN}/${call.id}/questions/new`)).statusCode, 409);
        assert.deepEqual(await criteria(call.id), before);
        assert.equal((await corrections(call.id)).length, 0);
        assert.equal(await version(call.id), 1);
      } finally {
        t.clock.set('2026-11-28T10:00:00Z');
      }
    });

    it('is closed to applicants and to officers of councils outside the call', async () => {
      const call: CallRow = await buildCall(t.database.db, { budgets: { '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } });
      const [first] = await criteria(call.id);
      const applicant = await agentFor(t, await buildUser(t.database.db));
      const outsider = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'officer', region: '11' }] }));
      const admin = await agentFor(t, await buildUser(t.database.db, { roles: [{ role: 'admin' }] }));
      for (const agent of [applicant, outsider]) {
        assert.equal((await agent.get(`${ADMIN}/${call.id}/criteria`)).statusCode, 403);
        assert.equal((await agent.get(`${ADMIN}/${call.id}/questions`)).statusCode, 403);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/new`, { ...criterion, note_fi: 'x' })).statusCode, 403);
        assert.equal((await agent.post(`${ADMIN}/${call.id}/criteria/${first!.id}/remove`, { confirm: '1', note_fi: 'x' })).statusCode, 403);
      }
      assert.equal((await criteria(call.id)).length, 4);
      assert.equal((await admin.get(`${ADMIN}/${call.id}/criteria`)).statusCode, 200);
      assert.equal((await admin.get(`${ADMIN}/999999/criteria`)).statusCode, 404);
      assert.equal((await admin.get(`${ADMIN}/abc/criteria`)).statusCode, 400);
      assert.equal((await admin.get(`${ADMIN}/${call.id}/criteria/999999`)).statusCode, 404);
    });
  });
}
