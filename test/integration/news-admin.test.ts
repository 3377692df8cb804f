import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publishDueNewsJob } from '../../src/features/news/news.job.js';
import { prioritiesInForce } from '../../src/features/regions/growth-sectors.admin.service.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestAgent } from '../helpers/agent.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';
import { buildNews } from '../helpers/news-factories.js';
import { secondInstance } from '../helpers/outbox-fixtures.js';

/**
 * The officers' news (issue 7): writing an item in up to three languages with its tags, saving it as
 * a draft, publishing it now or at a set time, making it a draft again and deleting it; each change
 * audited, an edit on an older version refused, and publishing recording one event per item ever.
 */
const FI = '/fi/hallinta/uutiset';
const text = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

const finnish = {
  title_fi: 'Uusi yhteishaku avautuu',
  summary_fi: 'Puhtaiden ratkaisujen yhteishaku avautuu joulukuussa.',
  body_fi: 'Haku on avoinna kaikille seitsemälle maakunnalle.\n\nLisätietoja antavat maakuntaliitot.',
};

for (const dialect of testDialects()) {
  describe(`officers' news [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let officer: TestAgent;
    let applicant: TestAgent;
    let callId: number;
    let priorityIds: number[];

    const itemRow = (id: number) => t.database.db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();
    const auditActions = async (id: number) =>
      (await t.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'news').where('entity_id', '=', String(id)).orderBy('seq').execute()).map((a) => a.action);
    const events = (id: number) =>
      t.database.db.selectFrom('outbox').select(['kind', 'idempotency_key']).where('idempotency_key', '=', `news.published:${id}`).execute();
    const idFrom = (location: unknown) => Number(/\/uutiset\/(\d+)\?/.exec(String(location))?.[1]);
    const publicPage = (id: number) => t.app.inject({ method: 'GET', url: `/fi/uutiset/${id}`, headers: { accept: 'text/html' } });

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      const db = t.database.db;
      officer = await agentFor(t, await buildUser(db, { roles: [{ role: 'officer', region: '18' }] }));
      applicant = await agentFor(t, await buildUser(db));
      callId = (await buildCall(db, { title: 'Puhtaat ratkaisut 2027' })).id;
      priorityIds = (await prioritiesInForce(db, t.clock.now())).priorities.map((p) => p.id);
    });
    after(async () => t?.close());

    it('lets officers in and keeps applicants out (403) of every page and form', async () => {
      const list = await officer.get(FI);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(`href="${FI}/new"`));
      const form = await officer.get(`${FI}/new`);
      assert.equal(form.statusCode, 200);
      assert.ok(form.body.includes('name="title_sv"') && form.body.includes('name="regions"') && form.body.includes('name="priorities"') && form.body.includes('name="call"'));
      assert.equal((await applicant.get(FI)).statusCode, 403);
      assert.equal((await applicant.get(`${FI}/new`)).statusCode, 403);
      assert.equal((await applicant.post(`${FI}/new`, { ...finnish, action: 'publish' })).statusCode, 403);
      assert.equal(await t.database.db.selectFrom('news_items').select('id').executeTakeFirst(), undefined);
    });

    it('re-renders a form with errors (400) with a summary, a message at each field and every value kept', async () => {
      const res = await officer.post(`${FI}/new`, { ...finnish, title_sv: 'Ny gemensam utlysning', body_fi: '', regions: ['19', '11'], priorities: [String(priorityIds[1])], call: String(callId) });
      assert.equal(res.statusCode, 400);
      const body = text(res.body);
      assert.ok(body.includes('<a href="#field-body_fi">Suomenkielinen teksti puuttuu. Kirjoita se tai jätä kaikki suomenkieliset kentät tyhjiksi.</a>'));
      assert.ok(body.includes('<a href="#field-summary_sv">Ruotsinkielinen tiivistelmä puuttuu.'));
      assert.ok(body.includes('<a href="#field-body_sv">Ruotsinkielinen teksti puuttuu.'));
      assert.match(body, /<p class="field__error" id="field-summary_sv-error">Ruotsinkielinen tiivistelmä puuttuu/);
      assert.ok(body.includes('value="Uusi yhteishaku avautuu"') && body.includes('value="Ny gemensam utlysning"'));
      assert.ok(body.includes('>Puhtaiden ratkaisujen yhteishaku avautuu joulukuussa.</textarea>'));
      assert.match(res.body, /value="19" checked/);
      assert.match(res.body, /value="11" checked/);
      assert.doesNotMatch(res.body, /value="10" checked/);
      assert.match(res.body, new RegExp(`value="${priorityIds[1]}" checked`));
      assert.match(res.body, new RegExp(`<option value="${callId}" selected`));
      assert.equal(await t.database.db.selectFrom('news_items').select('id').executeTakeFirst(), undefined);

      const unknown = await officer.post(`${FI}/new`, { ...finnish, regions: '99', priorities: '999999', call: '999999' });
      assert.equal(unknown.statusCode, 400);
      assert.ok(unknown.body.includes('Valitse maakunnat luettelosta.') && unknown.body.includes('Valitse painopisteet luettelosta.') && unknown.body.includes('Valitse haku luettelosta.'));
      const nothing = await officer.post(`${FI}/new`, {});
      assert.equal(nothing.statusCode, 400);
      assert.ok(nothing.body.includes('Kirjoita uutiselle otsikko, tiivistelmä ja teksti vähintään yhdellä kielellä.'));
    });

    it('saves a draft with its texts and tags, audited, not public and with no event', async () => {
      const db = t.database.db;
      const res = await officer.post(`${FI}/new`, { ...finnish, regions: ['19', '18'], priorities: priorityIds.slice(0, 2).map(String), call: String(callId), action: 'save' });
      assert.equal(res.statusCode, 303);
      const id = idFrom(res.headers.location);
      assert.equal(res.headers.location, `${FI}/${id}?done=created`);
      const row = await itemRow(id);
      assert.deepEqual([row?.status, row?.publish_at, row?.published_at, row?.call_id, row?.version], ['draft', null, null, callId, 1]);
      const texts = await db.selectFrom('news_texts').select(['locale', 'title', 'body']).where('news_id', '=', id).execute();
      assert.deepEqual(texts, [{ locale: 'fi', title: finnish.title_fi, body: finnish.body_fi }]);
      assert.deepEqual((await db.selectFrom('news_regions').select('region_code').where('news_id', '=', id).orderBy('region_code').execute()).map((r) => r.region_code), ['18', '19']);
      assert.equal((await db.selectFrom('news_priorities').select('priority_id').where('news_id', '=', id).execute()).length, 2);
      assert.deepEqual(await auditActions(id), ['news.created']);
      assert.deepEqual(await events(id), []);
      assert.equal((await publicPage(id)).statusCode, 404);
      const page = await officer.get(String(res.headers.location));
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('Uutinen tallennettiin luonnokseksi.'));
      assert.ok(page.body.includes('name="version" value="1"'));
      assert.ok(page.body.includes('Esikatselu'));
    });

    it('saves an edit on the version it was made on, and refuses one made on an older version (409) keeping what was typed', async () => {
      const id = await buildNews(t.database.db, { status: 'draft', title: 'Alkuperäinen' });
      const edit = { ...finnish, title_fi: 'Korjattu otsikko', version: '1', action: 'save' };
      const saved = await officer.post(`${FI}/${id}`, edit);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${FI}/${id}?done=saved`);
      assert.deepEqual([(await itemRow(id))?.version, (await itemRow(id))?.status], [2, 'draft']);

      const stale = await officer.post(`${FI}/${id}`, { ...edit, title_fi: 'Toisen muutos' });
      assert.equal(stale.statusCode, 409);
      assert.ok(text(stale.body).includes('Joku muu muutti uutista sillä välin, kun muokkasit sitä.'));
      assert.ok(stale.body.includes('value="Toisen muutos"'), 'the typed title is kept');
      assert.ok(stale.body.includes('name="version" value="2"'), 'the form now carries the stored version');
      const title = await t.database.db.selectFrom('news_texts').select('title').where('news_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(title.title, 'Korjattu otsikko');
      assert.deepEqual(await auditActions(id), ['news.updated']);
    });

    it('publishes now: public at once, audited, one event; back to draft hides it, and publishing again records no second event', async () => {
      const id = await buildNews(t.database.db, { status: 'draft' });
      const published = await officer.post(`${FI}/${id}`, { ...finnish, version: '1', action: 'publish' });
      assert.equal(published.statusCode, 303);
      assert.equal(published.headers.location, `${FI}/${id}?done=published`);
      const row = await itemRow(id);
      assert.deepEqual([row?.status, row?.published_at], ['published', t.clock.now().toISOString()]);
      assert.deepEqual(await events(id), [{ kind: 'event', idempotency_key: `news.published:${id}` }]);
      assert.equal((await publicPage(id)).statusCode, 200);

      const draft = await officer.post(`${FI}/${id}`, { ...finnish, version: '2', action: 'unpublish' });
      assert.equal(draft.headers.location, `${FI}/${id}?done=unpublished`);
      assert.deepEqual([(await itemRow(id))?.status, (await itemRow(id))?.published_at], ['draft', null]);
      assert.equal((await publicPage(id)).statusCode, 404);

      // Later the same morning (within the session's idle time).
      t.clock.set('2026-11-28T10:05:00Z');
      const again = await officer.post(`${FI}/${id}`, { ...finnish, version: '3', action: 'publish' });
      assert.equal(again.statusCode, 303);
      assert.equal((await itemRow(id))?.published_at, '2026-11-28T10:05:00.000Z');
      assert.equal((await events(id)).length, 1, 'republishing does not notify again');
      assert.deepEqual(await auditActions(id), ['news.published', 'news.unpublished', 'news.published']);

      const refused = await officer.post(`${FI}/${id}`, { ...finnish, version: '4', action: 'schedule', publish_date: '2026-12-24', publish_time: '9.00' });
      assert.equal(refused.statusCode, 409);
      assert.ok(refused.body.includes('Julkaistua uutista ei voi ajastaa. Palauta se ensin luonnokseksi.'));
      assert.equal((await itemRow(id))?.status, 'published');
    });

    it('publishes a new item straight from the form, with its event', async () => {
      const res = await officer.post(`${FI}/new`, { ...finnish, action: 'publish' });
      assert.equal(res.statusCode, 303);
      const id = idFrom(res.headers.location);
      assert.equal((await itemRow(id))?.status, 'published');
      assert.equal((await events(id)).length, 1);
      assert.deepEqual(await auditActions(id), ['news.created']);
    });

    it('schedules an item at a Helsinki time in the future, which must be given', async () => {
      const missing = await officer.post(`${FI}/new`, { ...finnish, action: 'schedule' });
      assert.equal(missing.statusCode, 400);
      assert.ok(missing.body.includes('Kirjoita julkaisupäivä.') && missing.body.includes('Kirjoita julkaisun kellonaika.'));
      const past = await officer.post(`${FI}/new`, { ...finnish, action: 'schedule', publish_date: '28.11.2026', publish_time: '11.59' });
      assert.equal(past.statusCode, 400);
      assert.ok(past.body.includes('Julkaisuajan pitää olla tulevaisuudessa.'));
      assert.ok(past.body.includes('value="11.59"'));

      const res = await officer.post(`${FI}/new`, { ...finnish, action: 'schedule', publish_date: '2026-12-24', publish_time: '9.00' });
      assert.equal(res.statusCode, 303);
      const id = idFrom(res.headers.location);
      assert.equal(res.headers.location, `${FI}/${id}?done=scheduled`);
      const row = await itemRow(id);
      assert.deepEqual([row?.status, row?.publish_at, row?.published_at], ['scheduled', '2026-12-24T07:00:00.000Z', null]);
      assert.equal((await publicPage(id)).statusCode, 404);
      assert.deepEqual(await events(id), []);
      const list = await officer.get(`${FI}?status=scheduled`);
      assert.ok(list.body.includes('Julkaistaan 24.12.2026 klo 9.00'));
      assert.ok(list.body.includes('<span class="tag tag--info">Ajastettu</span>'));
      assert.ok(!list.body.includes('<span class="tag tag--neutral">Luonnos</span>'), 'the filter shows scheduled items only');
    });

    it('deletes drafts and scheduled items after a confirmation page, audited; a published item is refused (409)', async () => {
      const id = await buildNews(t.database.db, { status: 'scheduled', title: 'Poistettava' });
      const confirm = await officer.get(`${FI}/${id}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.ok(text(confirm.body).includes('Uutinen ”Poistettava” poistetaan pysyvästi.'));
      const stale = await officer.post(`${FI}/${id}/delete`, { version: '7' });
      assert.equal(stale.statusCode, 409);
      assert.ok(await itemRow(id));
      const deleted = await officer.post(`${FI}/${id}/delete`, { version: '1' });
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, `${FI}?deleted=1`);
      assert.equal(await itemRow(id), undefined);
      assert.equal(await t.database.db.selectFrom('news_texts').select('news_id').where('news_id', '=', id).executeTakeFirst(), undefined);
      assert.deepEqual(await auditActions(id), ['news.deleted']);
      assert.equal((await officer.get(`${FI}/${id}`)).statusCode, 404);

      const published = await buildNews(t.database.db, { status: 'published' });
      assert.equal((await officer.get(`${FI}/${published}/delete`)).statusCode, 409);
      const refused = await officer.post(`${FI}/${published}/delete`, { version: '1' });
      assert.equal(refused.statusCode, 409);
      assert.ok(refused.body.includes('Julkaistua uutista ei voi poistaa.'));
      assert.ok(await itemRow(published));
    });

    it('answers 404 for an item that does not exist and 400 for an id that is no id', async () => {
      assert.equal((await officer.get(`${FI}/999999`)).statusCode, 404);
      assert.equal((await officer.post(`${FI}/999999`, { ...finnish, version: '1' })).statusCode, 404);
      assert.equal((await officer.get(`${FI}/abc`)).statusCode, 400);
    });

    it('publishes a due item once when two instances tick at the same time: dated at its scheduled time, one event', async () => {
      const db = t.database.db;
      const due = await buildNews(db, { status: 'scheduled', publishAt: '2026-11-28T09:30:00.000Z' });
      const later = await buildNews(db, { status: 'scheduled', publishAt: '2026-11-28T10:30:00.000Z' });
      const other = await secondInstance(t.database);
      try {
        const now = t.clock.now();
        const context = { config: t.app.config, owner: 'test', deliverMail: false };
        const done = await Promise.all([publishDueNewsJob.run(db, now, context), publishDueNewsJob.run(other.db, now, context), publishDueNewsJob.run(db, now, context)]);
        assert.equal(done.reduce((a, b) => a + b, 0), 1);
      } finally {
        await other.close();
      }
      const row = await itemRow(due);
      assert.deepEqual([row?.status, row?.published_at, row?.publish_at], ['published', '2026-11-28T09:30:00.000Z', '2026-11-28T09:30:00.000Z']);
      assert.deepEqual(await events(due), [{ kind: 'event', idempotency_key: `news.published:${due}` }]);
      assert.deepEqual(await auditActions(due), ['news.published']);
      assert.equal((await itemRow(later))?.status, 'scheduled', 'an item not yet due waits');
      assert.equal((await publicPage(due)).statusCode, 200);
    });
  });
}
