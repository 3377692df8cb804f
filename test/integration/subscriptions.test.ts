import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { pruneExpiredData } from '../../src/features/privacy/prune.js';
import { emitEvent } from '../../src/jobs/events.js';
import { TEST_BASE_URL, buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';

const START = '2026-11-28T10:00:00.000Z';
const DAY = 86_400_000;

for (const dialect of testDialects()) {
  describe(`e-mail subscriptions for anyone [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());
    beforeEach(() => t.clock.set(START));

    const db = () => t.database.db;
    const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());
    const mails = (to: string, purpose?: string) => {
      let query = db().selectFrom('email_messages').selectAll().where('to_address', '=', to).orderBy('id');
      if (purpose) query = query.where('purpose', '=', purpose);
      return query.execute();
    };
    const subscription = (email: string) => db().selectFrom('email_subscriptions').selectAll().where('email', '=', email).executeTakeFirst();
    const regionsOf = async (id: number) =>
      (await db().selectFrom('email_subscription_regions').select('region_code').where('subscription_id', '=', id).orderBy('region_code').execute()).map((r) => r.region_code);
    const prioritiesOf = async (id: number) =>
      (await db().selectFrom('email_subscription_priorities').select('priority_slug').where('subscription_id', '=', id).orderBy('priority_slug').execute()).map(
        (r) => r.priority_slug,
      );

    /** Fills in the form on the Finnish page and returns the confirmation token from the kept e-mail. */
    async function subscribe(fields: Record<string, string | string[]>): Promise<string> {
      const response = await new TestAgent(t.app).post('/fi/tilaa', { locale: 'fi', what: 'calls', ...fields });
      assert.equal(response.statusCode, 303, response.body);
      const mail = (await mails(String(fields.email), 'subscription-confirm')).at(-1);
      const match = /\/(?:tilaa|prenumerera|subscribe)\/vahvista\/([A-Za-z0-9_-]{43})/.exec(mail?.body_text ?? '');
      assert.ok(match, 'the kept e-mail carries the confirmation link');
      return match[1]!;
    }

    async function subscribeAndConfirm(fields: Record<string, string | string[]>): Promise<string> {
      const token = await subscribe(fields);
      assert.equal((await new TestAgent(t.app).post(`/fi/tilaa/vahvista/${token}`)).statusCode, 303);
      const row = await subscription(String(fields.email));
      assert.equal(row?.status, 'confirmed');
      return row.unsubscribe_token;
    }

    it('names each wrong field in the page’s language and keeps what was typed (400)', async () => {
      const agent = new TestAgent(t.app);
      const stored = async () => (await db().selectFrom('email_subscriptions').select('id').execute()).length;
      const before = await stored();
      const fi = await agent.post('/fi/tilaa', { email: 'ei osoite', region: ['11', '18'], priority: 'digitalisation', locale: 'sv' });
      assert.equal(fi.statusCode, 400);
      assert.match(fi.body, /Korjaa seuraavat kohdat/);
      assert.match(fi.body, /href="#field-email">Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.</);
      assert.match(fi.body, /href="#field-what">Valitse, mistä haluat tiedon: uusista hauista, uutisista tai molemmista.</);
      assert.match(fi.body, /value="ei osoite"/);
      assert.match(fi.body, /name="region" id="field-region-11" value="11" checked/);
      assert.match(fi.body, /name="region" id="field-region-18" value="18" checked/);
      assert.doesNotMatch(fi.body, /name="region" id="field-region-19" value="19" checked/);
      assert.match(fi.body, /value="digitalisation" checked/);
      assert.match(fi.body, /name="locale" id="field-locale-sv" value="sv" checked/);

      const en = await agent.post('/en/subscribe', { email: '', what: 'news', region: '99', locale: 'xx' });
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /Enter your email address\./);
      assert.match(en.body, /Regions: choose from the options given\./);
      assert.match(en.body, /Language of the messages: choose from the options given\./);
      assert.match(en.body, /value="news" checked/);
      assert.equal(await stored(), before, 'nothing was stored');
    });

    it('offers the page’s language for the messages and says what is stored and for how long', async () => {
      const page = await new TestAgent(t.app).get('/sv/prenumerera');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="locale" id="field-locale-sv" value="sv" checked/);
      assert.match(page.body, /Så behandlar vi dina uppgifter/);
      assert.match(page.body, /din adress efter 30 dagar/);
      assert.match(page.body, /value="clean-solutions"/, 'the priorities of the strategy in force are offered by slug');
    });

    it('starts a subscription only when the link in the confirmation e-mail is confirmed with the button', async () => {
      const agent = new TestAgent(t.app);
      const response = await agent.post('/fi/tilaa', { email: ' Anna.Aaltonen@Example.test ', what: ['calls', 'news'], region: '18', priority: 'digitalisation', locale: 'sv' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/fi/tilaa/lahetetty');
      assert.match((await agent.get('/fi/tilaa/lahetetty')).body, /Tarkista sähköpostisi/);

      const row = await subscription('anna.aaltonen@example.test');
      assert.ok(row);
      assert.equal(row.status, 'pending');
      assert.equal(row.locale, 'sv');
      assert.deepEqual([row.wants_calls, row.wants_news], [1, 1]);
      assert.deepEqual(await regionsOf(row.id), ['18']);
      assert.deepEqual(await prioritiesOf(row.id), ['digitalisation']);
      assert.equal(row.confirm_expires_at, new Date(Date.parse(START) + 7 * DAY).toISOString());

      const [mail, ...more] = await mails('anna.aaltonen@example.test');
      assert.equal(more.length, 0);
      assert.equal(mail!.purpose, 'subscription-confirm');
      assert.equal(mail!.locale, 'sv', 'the confirmation is in the language chosen for the messages');
      assert.match(mail!.subject, /^Bekräfta prenumerationen/);
      assert.match(mail!.body_text, /Landskap: Kajanaland/);
      const match = new RegExp(`${TEST_BASE_URL}/sv/prenumerera/vahvista/([A-Za-z0-9_-]{43})`).exec(mail!.body_text);
      assert.ok(match, 'the e-mail carries the confirmation link');
      const token = match[1]!;
      assert.notEqual(row.confirm_token_hash, token, 'only the hash of the token is stored');

      const page = await agent.get(`/sv/prenumerera/vahvista/${token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /anna.aaltonen@example.test/);
      assert.match(page.body, /<form method="post" action="\/sv\/prenumerera\/vahvista\/[A-Za-z0-9_-]{43}">/);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.equal((await subscription('anna.aaltonen@example.test'))!.status, 'pending', 'opening the link changes nothing');

      later(60_000);
      const confirmed = await agent.post(`/sv/prenumerera/vahvista/${token}`);
      assert.equal(confirmed.statusCode, 303);
      assert.equal(confirmed.headers.location, '/sv/prenumerera/vahvistettu');
      assert.match((await agent.get('/sv/prenumerera/vahvistettu')).body, /Prenumerationen är bekräftad/);
      const after = (await subscription('anna.aaltonen@example.test'))!;
      assert.equal(after.status, 'confirmed');
      assert.equal(after.confirmed_at, t.clock.now().toISOString());
      assert.equal(after.confirm_token_hash, null);

      const again = await agent.post(`/sv/prenumerera/vahvista/${token}`);
      assert.equal(again.statusCode, 404, 'a spent link is refused');
      assert.match(again.body, /Länken gäller inte/);
      assert.match(again.body, /href="\/sv\/prenumerera"/);
    });

    it('refuses an expired confirmation link with a page that offers to subscribe again (410)', async () => {
      const token = await subscribe({ email: 'myohainen@example.test' });
      later(7 * DAY + 1000);
      const agent = new TestAgent(t.app);
      const page = await agent.get(`/fi/tilaa/vahvista/${token}`);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /Vahvistuslinkki on vanhentunut/);
      assert.match(page.body, /href="\/fi\/tilaa"/);
      assert.equal((await agent.post(`/fi/tilaa/vahvista/${token}`)).statusCode, 410);
      assert.equal((await subscription('myohainen@example.test'))!.status, 'pending');
      const unknown = await agent.get(`/en/subscribe/vahvista/${'x'.repeat(43)}`);
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.body, /This link does not work/);
    });

    it('answers the same for an address already subscribed, and sends it its own links instead of changing its choices', async () => {
      await subscribeAndConfirm({ email: 'tilaaja@example.test', region: '11' });
      const fresh = await new TestAgent(t.app).post('/fi/tilaa', { email: 'uusi@example.test', what: 'news', region: '12', locale: 'fi' });
      const known = await new TestAgent(t.app).post('/fi/tilaa', { email: 'tilaaja@example.test', what: 'news', region: '12', locale: 'fi' });
      assert.equal(known.statusCode, fresh.statusCode);
      assert.equal(known.headers.location, fresh.headers.location);
      assert.equal(known.body, fresh.body);

      const row = (await subscription('tilaaja@example.test'))!;
      assert.equal(row.status, 'confirmed');
      assert.deepEqual([row.wants_calls, row.wants_news], [1, 0], 'the choices are not changed by someone who only knows the address');
      assert.deepEqual(await regionsOf(row.id), ['11']);
      const notice = (await mails('tilaaja@example.test', 'subscription-manage'))[0];
      assert.ok(notice);
      assert.ok(notice.body_text.includes(`${TEST_BASE_URL}/fi/tilaa/muuta/${row.unsubscribe_token}`));
      assert.ok(notice.body_text.includes(`${TEST_BASE_URL}/fi/tilaa/peru/${row.unsubscribe_token}`));
      assert.equal(notice.list_unsubscribe, `${TEST_BASE_URL}/fi/tilaa/peru/${row.unsubscribe_token}`);
    });

    it('sends at most three request e-mails to one address in 24 hours, and answers the same past the limit', async () => {
      const agent = new TestAgent(t.app);
      for (let i = 0; i < 5; i += 1) {
        const response = await agent.post('/fi/tilaa', { email: 'tulva@example.test', what: 'calls', locale: 'fi' });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/fi/tilaa/lahetetty');
        later(60_000);
      }
      assert.equal((await mails('tulva@example.test')).length, 3);
      later(DAY);
      await agent.post('/fi/tilaa', { email: 'tulva@example.test', what: 'calls', locale: 'fi' });
      assert.equal((await mails('tulva@example.test')).length, 4, 'a day later the address gets mail again');
    });

    it('changes the choices through the link in a message, naming a wrong field', async () => {
      const token = await subscribeAndConfirm({ email: 'muuttaja@example.test', region: '11' });
      const agent = new TestAgent(t.app);
      const form = await agent.get(`/fi/tilaa/muuta/${token}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /muuttaja@example.test/);
      assert.match(form.body, /name="region" id="field-region-11" value="11" checked/, 'the form shows the present choices');
      assert.doesNotMatch(form.body, /name="email"/, 'the address is not changed here');

      const wrong = await agent.post(`/fi/tilaa/muuta/${token}`, { locale: 'en', region: '16' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Valitse, mistä haluat tiedon/);
      assert.match(wrong.body, /value="16" checked/);

      const saved = await agent.post(`/fi/tilaa/muuta/${token}`, { what: 'news', region: ['16', '17'], locale: 'en' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/fi/tilaa/muuta/${token}?saved=1`);
      assert.match((await agent.get(saved.headers.location!)).body, /Valintasi on tallennettu/);
      const row = (await subscription('muuttaja@example.test'))!;
      assert.deepEqual([row.status, row.locale, row.wants_calls, row.wants_news], ['confirmed', 'en', 0, 1]);
      assert.deepEqual(await regionsOf(row.id), ['16', '17']);
    });

    it('unsubscribes through the page’s button; opening the page changes nothing', async () => {
      const token = await subscribeAndConfirm({ email: 'lopettaja@example.test', region: '11', priority: 'digitalisation' });
      const agent = new TestAgent(t.app);
      const page = await agent.get(`/fi/tilaa/peru/${token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<form method="post" action="/fi/tilaa/peru/${token}">`));
      assert.match(page.body, new RegExp(`href="/fi/tilaa/muuta/${token}"`), 'a link to change the choices instead');
      assert.equal((await subscription('lopettaja@example.test'))!.status, 'confirmed');

      const done = await agent.post(`/fi/tilaa/peru/${token}`);
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, `/fi/tilaa/peru/${token}`);
      assert.match((await agent.get(done.headers.location!)).body, /Tilaus on peruttu/);
      const row = (await subscription('lopettaja@example.test'))!;
      assert.equal(row.status, 'unsubscribed');
      assert.equal(row.unsubscribed_at, START);
      assert.deepEqual([row.wants_calls, row.wants_news, row.confirm_token_hash], [0, 0, null]);
      assert.deepEqual(await regionsOf(row.id), [], 'the choices are not kept after unsubscribing');
      assert.deepEqual(await prioritiesOf(row.id), []);
    });

    it('unsubscribes with the one-click post of RFC 8058, which comes without a CSRF token or cookie', async () => {
      const token = await subscribeAndConfirm({ email: 'yksi.klikkaus@example.test' });
      const oneClick = (url: string, contentType = 'application/x-www-form-urlencoded', payload = 'List-Unsubscribe=One-Click') =>
        t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
      const response = await oneClick(`/fi/tilaa/peru/${token}`);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Tilaus on peruttu/);
      assert.equal((await subscription('yksi.klikkaus@example.test'))!.status, 'unsubscribed');
      assert.equal((await oneClick(`/fi/tilaa/peru/${token}`)).statusCode, 200, 'a repeated post is answered the same');
      assert.equal((await oneClick(`/fi/tilaa/peru/${'x'.repeat(43)}`)).statusCode, 404);

      const boundary = 'mail-provider';
      const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
      const other = await subscribeAndConfirm({ email: 'monimuoto@example.test' });
      assert.equal((await oneClick(`/en/subscribe/peru/${other}`, `multipart/form-data; boundary=${boundary}`, multipart)).statusCode, 200);
      assert.equal((await subscription('monimuoto@example.test'))!.status, 'unsubscribed');

      const formPost = await t.app.inject({ method: 'POST', url: '/fi/tilaa', payload: 'email=x%40example.test&what=calls&locale=fi', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(formPost.statusCode, 403, 'only the unsubscribe post is exempt from the CSRF check');
    });

    it('mails each matching subscriber a published news item, in another language when it has none in theirs', async () => {
      await subscribeAndConfirm({ email: 'kainuu@example.test', what: 'news', region: '18', locale: 'sv' });
      await subscribeAndConfirm({ email: 'lappi@example.test', what: 'news', region: '19', locale: 'en' });
      await subscribeAndConfirm({ email: 'vain.haut@example.test', what: 'calls' });
      const publish = async (regions: string[]) =>
        db()
          .transaction()
          .execute(async (trx) => {
            const at = t.clock.now().toISOString();
            const item = await trx
              .insertInto('news_items')
              .values({ status: 'published', publish_at: null, published_at: at, call_id: null, created_by: null, updated_by: null, created_at: at, updated_at: at })
              .returning('id')
              .executeTakeFirstOrThrow();
            await trx.insertInto('news_texts').values({ news_id: item.id, locale: 'fi', title: `Kainuun uutinen ${item.id}`, summary: 'Lyhyesti.', body: 'Koko teksti.' }).execute();
            if (regions.length > 0) await trx.insertInto('news_regions').values(regions.map((region_code) => ({ news_id: item.id, region_code }))).execute();
            await emitEvent(trx, { type: 'news.published', newsId: item.id }, t.clock.now());
            return item.id;
          });

      const kainuuOnly = await publish(['18']);
      await t.app.outbox.dispatch();
      const [sv, ...moreSv] = await mails('kainuu@example.test', 'subscription-news');
      assert.equal(moreSv.length, 0);
      assert.equal(sv!.locale, 'sv');
      assert.equal(sv!.subject, `Nyhet: Kainuun uutinen ${kainuuOnly}`);
      assert.match(sv!.body_text, /Nyheten har publicerats endast på finska\./);
      const token = (await subscription('kainuu@example.test'))!.unsubscribe_token;
      assert.equal(sv!.list_unsubscribe, `${TEST_BASE_URL}/sv/prenumerera/peru/${token}`);
      assert.ok(sv!.body_text.includes(`${TEST_BASE_URL}/sv/prenumerera/peru/${token}`), 'the body carries the unsubscribe link too');
      assert.equal((await mails('lappi@example.test', 'subscription-news')).length, 0, 'another council’s subscriber gets nothing');
      assert.equal((await mails('vain.haut@example.test', 'subscription-news')).length, 0, 'a subscriber of calls only gets no news');

      await publish([]);
      await t.app.outbox.dispatch();
      assert.equal((await mails('lappi@example.test', 'subscription-news')).length, 1, 'news for no council in particular reaches every council’s subscribers');
      assert.equal((await mails('kainuu@example.test', 'subscription-news')).length, 2);
    });

    it('prunes unsubscribed addresses 30 days on and requests never confirmed once their link expired', async () => {
      await subscribe({ email: 'vahvistamaton@example.test', region: '10' });
      const gone = await subscribeAndConfirm({ email: 'poistuva@example.test' });
      await subscribeAndConfirm({ email: 'pysyva@example.test' });
      await new TestAgent(t.app).post(`/fi/tilaa/peru/${gone}`);
      const pendingId = (await subscription('vahvistamaton@example.test'))!.id;
      const total = async () => (await db().selectFrom('email_subscriptions').select('id').execute()).length;

      const prune = async (atMs: number) => {
        t.clock.set(new Date(Date.parse(START) + atMs).toISOString());
        const before = await total();
        const counts = await pruneExpiredData(db(), t.clock.now());
        assert.equal(counts.subscriptions, before - (await total()), 'the count says how many rows went');
        return counts.subscriptions;
      };
      assert.equal(await prune(7 * DAY - 1000), 0, 'nothing before the confirmation link expires');
      assert.ok((await prune(7 * DAY + 1000)) >= 1);
      assert.equal(await subscription('vahvistamaton@example.test'), undefined);
      assert.deepEqual(await regionsOf(pendingId), [], 'the choices go with the row');
      assert.ok(await subscription('poistuva@example.test'), 'an unsubscribed address is kept for 30 days');
      assert.ok((await prune(30 * DAY + 1000)) >= 1);
      assert.equal(await subscription('poistuva@example.test'), undefined);
      assert.equal((await subscription('pysyva@example.test'))?.status, 'confirmed', 'a confirmed subscription stays');
    });
  });
}
