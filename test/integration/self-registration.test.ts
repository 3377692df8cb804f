import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { issueInvitation } from '../../src/features/auth/invitations.service.js';
import { registrationLimits } from '../../src/features/auth/invitations.registration.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';

const PASSWORD = 'oulun yliopiston kirjastossa sataa';
const FORM = { fi: '/fi/luo-tunnus', sv: '/sv/skapa-konto', en: '/en/create-account' } as const;
const LINK = /https?:\/\/[^/\s]+(\/(?:fi\/kutsu|sv\/inbjudan|en\/invitation)\/[A-Za-z0-9_-]{30,})/;

let ipCounter = 0;
/** A network address of its own for each test, so the per-source limit of one does not touch another. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

/** Masks the per-request CSRF tokens, which are the only part of a page that may differ. */
function withoutCsrf(body: string): string {
  return body.replace(/(name="_csrf"[^>]*value=")[^"]*/g, '$1…').replace(/(value=")[A-Za-z0-9_-]{40,}(")/g, '$1…$2');
}

for (const dialect of testDialects()) {
  describe(`creating an account oneself [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
    });
    after(async () => t?.close());

    /** Posts the form as a browser at a given network address would, with a valid CSRF token. */
    async function register(
      fields: Record<string, string>,
      options: { ip: string; locale?: keyof typeof FORM; agent?: TestAgent },
    ): Promise<LightMyRequestResponse> {
      const agent = options.agent ?? new TestAgent(t.app);
      const body = new URLSearchParams({ _csrf: agent.csrfToken(), ...fields });
      return t.app.inject({
        method: 'POST',
        url: FORM[options.locale ?? 'fi'],
        payload: body.toString(),
        remoteAddress: options.ip,
        headers: {
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    }

    function mails(to: string, purpose?: string) {
      let query = t.database.db.selectFrom('email_messages').selectAll().where('to_address', '=', to).orderBy('id');
      if (purpose) query = query.where('purpose', '=', purpose);
      return query.execute();
    }

    async function lastLink(email: string): Promise<string> {
      const match = LINK.exec((await mails(email, 'self-registration')).at(-1)?.body_text ?? '');
      assert.ok(match, 'the kept e-mail carries the link');
      return match[1]!;
    }

    function requests(ip: string) {
      return t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'before_json as before', 'after_json as after'])
        .where('ip', '=', ip)
        .where('action', 'like', 'user.self-regist%')
        .orderBy('seq')
        .execute();
    }

    it('shows the form in the page language with the language preselected, and the sign-in page links to it', async () => {
      const agent = new TestAgent(t.app);
      const page = await agent.get('/sv/skapa-konto');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1[^>]*>Skapa konto<\/h1>/);
      assert.match(page.body, /<legend class="field__label">Språk<\/legend>/);
      assert.match(page.body, /value="sv" checked/);
      assert.doesNotMatch(page.body, /value="fi" checked/);
      assert.match(page.body, /href="\/sv\/logga-in"/);
      assert.match(page.body, /får sitt konto genom en inbjudan/);
      const signIn = await agent.get('/en/sign-in');
      assert.match(signIn.body, /No account yet\? <a href="\/en\/create-account">Create one<\/a>/);
    });

    it('creates a waiting account, confirms the address from the e-mail in the chosen language, and leads on to the organisation', async () => {
      t.clock.set('2026-11-29T08:00:00Z');
      const ip = freshIp();
      const email = 'aino.hakija@oulu.example';
      const response = await register({ name: 'Aino Hakija', email: 'Aino.Hakija@Oulu.example', locale: 'en' }, { ip });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/fi/luo-tunnus/sent');

      const user = await t.database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      assert.deepEqual([user.status, user.name, user.locale, user.password_hash], ['invited', 'Aino Hakija', 'en', null]);
      const token = await t.database.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(token.purpose, 'invite');
      assert.equal(token.expires_at, '2026-11-30T08:00:00.000Z', 'a self-started link works for a day');
      assert.deepEqual(JSON.parse(token.data ?? 'null'), { inviterName: null, selfRegistration: true });

      const [mail] = await mails(email);
      assert.equal(mail?.purpose, 'self-registration');
      assert.equal(mail?.locale, 'en');
      assert.match(mail!.subject, /^Confirm your email address/);
      assert.match(mail!.body_text, /finish creating the account/);
      assert.match(mail!.body_text, /If it wasn't you, you can ignore this message/);
      assert.doesNotMatch(mail!.body_text, /Aino/, 'the typed name is not mailed to the address');
      const link = await lastLink(email);
      assert.ok(link.startsWith('/en/invitation/'));

      const audit = await requests(ip);
      assert.deepEqual(
        audit.map((a) => [a.action, a.entity_id, a.after]),
        [
          ['user.self-registered', String(user.id), JSON.stringify({ status: 'invited', locale: 'en' })],
          ['user.self-registration-requested', String(user.id), JSON.stringify({ outcome: 'created' })],
        ],
      );
      for (const a of audit) assert.doesNotMatch(`${a.before ?? ''}${a.after ?? ''}`, /Aino|oulu\.example/i);

      const agent = new TestAgent(t.app);
      const sent = await agent.get('/fi/luo-tunnus/sent');
      assert.match(sent.body, /Tarkista sähköpostisi/);
      const page = await agent.get(link);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1[^>]*>Create your account<\/h1>/);
      assert.doesNotMatch(page.body, /invited you/);
      assert.match(page.body, /value="Aino Hakija"/);
      const mismatch = await agent.post(link, { name: 'Aino Hakija', password: PASSWORD, passwordConfirm: 'something else' });
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /The passwords are not the same/);

      const accepted = await agent.post(link, { name: 'Aino Hakija', password: PASSWORD, passwordConfirm: PASSWORD });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/en/create-account/welcome');
      const active = await t.database.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
      assert.equal(active.status, 'active');
      assert.ok(active.password_hash);
      const welcome = await agent.get('/en/create-account/welcome');
      assert.equal(welcome.statusCode, 200, 'signed in at once: no roles, so no second factor');
      assert.match(welcome.body, /Your account is ready and you are signed in/);
      assert.match(welcome.body, /href="\/en\/organisations\/new"/);
      assert.match(welcome.body, /Ask your organisation’s administrator to invite you/);
      assert.equal((await agent.get('/en/organisations/new')).statusCode, 200);
      const confirmed = await t.database.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('action', '=', 'user.self-registration-confirmed')
        .where('entity_id', '=', String(user.id))
        .executeTakeFirstOrThrow();
      assert.deepEqual([confirmed.before_json, confirmed.after_json], [JSON.stringify({ status: 'invited' }), JSON.stringify({ status: 'active', nameChanged: false })]);

      const again = await new TestAgent(t.app).get(link);
      assert.equal(again.statusCode, 410, 'a used link is gone');
      assert.match(again.body, /href="\/en\/create-account"/);

      // Later the organisation's administrator invites the address: the existing account joins at once.
      const organisation = await buildOrganisation(t.database.db);
      const orgAdmin = await buildUser(t.database.db, { memberOf: [{ organisation, admin: true }] });
      const invited = await t.database.db
        .transaction()
        .execute((trx) =>
          issueInvitation(
            trx,
            { userId: orgAdmin.id, label: 'user', ip },
            { email, name: 'Aino', locale: 'fi', organisation: { id: organisation.id, isAdmin: false } },
            t.clock.now(),
            { baseUrl: t.app.config.baseUrl, deliver: false },
          ),
        );
      assert.deepEqual(invited, { ok: true, userId: user.id, existing: true });
      const member = await t.database.db
        .selectFrom('organisation_members')
        .select('is_admin')
        .where('organisation_id', '=', organisation.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      assert.equal(member?.is_admin, 0);
    });

    it('answers a known, an unknown and a disabled address alike; only the mail differs', async () => {
      t.clock.set('2026-11-29T09:00:00Z');
      const known = await buildUser(t.database.db, { name: 'Kalle Olemassa', locale: 'fi' });
      const disabled = await buildUser(t.database.db, { status: 'disabled' });
      const unknown = 'uusi.hakija@oulu.example';
      const answers: string[] = [];
      for (const email of [known.email, unknown, disabled.email]) {
        const agent = new TestAgent(t.app);
        const response = await register({ name: 'Joku Muu', email, locale: 'sv' }, { ip: freshIp(), agent });
        const page = await agent.get(String(response.headers.location));
        answers.push(
          JSON.stringify({
            status: response.statusCode,
            location: response.headers.location,
            body: response.body,
            type: response.headers['content-type'] ?? null,
            cache: response.headers['cache-control'],
            cookies: response.cookies.map((c) => c.name),
            page: withoutCsrf(page.body),
            pageStatus: page.statusCode,
          }),
        );
      }
      assert.equal(answers[0], answers[1]);
      assert.equal(answers[1], answers[2]);

      const notice = await mails(known.email);
      assert.deepEqual(notice.map((m) => [m.purpose, m.locale]), [['account-exists', 'sv']]);
      assert.match(notice[0]!.body_text, /Hej Kalle Olemassa/, 'the stored name, not the typed one');
      assert.doesNotMatch(notice[0]!.body_text, /Joku Muu/);
      assert.match(notice[0]!.body_text, /\/sv\/logga-in/);
      assert.match(notice[0]!.body_text, /\/sv\/glomt-losenord/);
      const stillOne = await t.database.db.selectFrom('users').select(['id', 'status', 'name']).where('email', '=', known.email).execute();
      assert.deepEqual(stillOne, [{ id: known.id, status: 'active', name: 'Kalle Olemassa' }]);
      const tokens = await t.database.db.selectFrom('one_time_tokens').select('id').where('user_id', '=', known.id).execute();
      assert.equal(tokens.length, 0, 'no link for an account already in use');

      assert.equal((await mails(disabled.email)).length, 0);
      const closed = await t.database.db.selectFrom('users').select('status').where('id', '=', disabled.id).executeTakeFirstOrThrow();
      assert.equal(closed.status, 'disabled');
      assert.deepEqual((await mails(unknown)).map((m) => m.purpose), ['self-registration']);
    });

    it('sends a waiting account a fresh link and withdraws the old one; an invited person gets their invitation again', async () => {
      t.clock.set('2026-11-29T10:00:00Z');
      const ip = freshIp();
      const email = 'kahdesti@oulu.example';
      await register({ name: 'Eka Nimi', email, locale: 'fi' }, { ip });
      const first = await lastLink(email);
      t.clock.set('2026-11-29T10:05:00Z');
      await register({ name: 'Toka Nimi', email, locale: 'sv' }, { ip });
      const second = await lastLink(email);
      assert.notEqual(first, second);
      assert.ok(second.startsWith('/sv/inbjudan/'), 'the newest language wins');
      assert.equal((await t.database.db.selectFrom('users').select('id').where('email', '=', email).execute()).length, 1);
      assert.equal((await new TestAgent(t.app).get(first)).statusCode, 410);
      const page = await new TestAgent(t.app).get(second);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /value="Toka Nimi"/);

      const organisation = await buildOrganisation(t.database.db);
      const admin = await buildUser(t.database.db, { roles: [{ role: 'admin' }] });
      await t.database.db
        .transaction()
        .execute((trx) =>
          issueInvitation(
            trx,
            { userId: admin.id, label: 'user', ip },
            { email: 'kutsuttu@oulu.example', name: 'Kutsuttu', locale: 'fi', organisation: { id: organisation.id, isAdmin: true } },
            t.clock.now(),
            { baseUrl: t.app.config.baseUrl, deliver: false },
          ),
        );
      await register({ name: 'Kutsuttu', email: 'kutsuttu@oulu.example', locale: 'en' }, { ip });
      const sent = await mails('kutsuttu@oulu.example');
      assert.deepEqual(sent.map((m) => m.purpose), ['invitation', 'invitation'], 'the invitation again, with what it gives');
      assert.match(sent[1]!.body_text, /ylläpitäjä/);
    });

    it('stops mailing one address after three messages an hour, answering the same', async () => {
      t.clock.set('2026-11-29T11:00:00Z');
      const email = 'tulva@oulu.example';
      for (let i = 0; i < registrationLimits.perTargetPerHour + 1; i += 1) {
        const response = await register({ name: 'Tulva', email, locale: 'fi' }, { ip: freshIp() });
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/fi/luo-tunnus/sent');
      }
      assert.equal((await mails(email)).length, registrationLimits.perTargetPerHour);
      const limited = await t.database.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'user.self-registration-requested')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(limited.after_json, JSON.stringify({ outcome: 'target-limited' }));
      t.clock.set('2026-11-29T12:01:00Z');
      await register({ name: 'Tulva', email, locale: 'fi' }, { ip: freshIp() });
      assert.equal((await mails(email)).length, registrationLimits.perTargetPerHour + 1, 'an hour later it works again');
    });

    it('stops taking requests from one network address after twenty an hour, answering the same', async () => {
      t.clock.set('2026-11-29T13:00:00Z');
      const ip = freshIp();
      for (let i = 0; i < registrationLimits.perSourcePerHour; i += 1) {
        assert.equal((await register({ name: 'Massa', email: `massa${i}@oulu.example`, locale: 'fi' }, { ip })).statusCode, 303);
      }
      const over = await register({ name: 'Massa', email: 'massa-yli@oulu.example', locale: 'fi' }, { ip });
      assert.equal(over.statusCode, 303);
      assert.equal(over.headers.location, '/fi/luo-tunnus/sent');
      assert.equal(await t.database.db.selectFrom('users').select('id').where('email', '=', 'massa-yli@oulu.example').executeTakeFirst(), undefined);
      assert.equal((await mails('massa-yli@oulu.example')).length, 0);
      const audit = await requests(ip);
      assert.equal(audit.at(-1)?.after, JSON.stringify({ outcome: 'source-limited' }));
      const elsewhere = await register({ name: 'Massa', email: 'massa-yli@oulu.example', locale: 'fi' }, { ip: freshIp() });
      assert.equal(elsewhere.statusCode, 303);
      assert.equal((await mails('massa-yli@oulu.example')).length, 1, 'another address is not held back');
    });

    it('answers an expired confirmation link with 410', async () => {
      t.clock.set('2026-11-29T14:00:00Z');
      const email = 'myohassa@oulu.example';
      await register({ name: 'Myöhässä', email, locale: 'fi' }, { ip: freshIp() });
      const link = await lastLink(email);
      t.clock.set('2026-11-30T14:00:01Z');
      const agent = new TestAgent(t.app);
      const page = await agent.get(link);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /href="\/fi\/luo-tunnus"/);
      const post = await agent.post(link, { name: 'Myöhässä', password: PASSWORD, passwordConfirm: PASSWORD });
      assert.equal(post.statusCode, 410);
      const user = await t.database.db.selectFrom('users').select('status').where('email', '=', email).executeTakeFirstOrThrow();
      assert.equal(user.status, 'invited');
    });

    it('names each wrong field in the page language and keeps what was typed', async () => {
      const before = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const fi = await register({ name: '', email: '', locale: 'fi' }, { ip: freshIp() });
      assert.equal(fi.statusCode, 400);
      assert.match(fi.body, /Kirjoita nimi\./);
      assert.match(fi.body, /Kirjoita sähköpostiosoite\./);
      assert.match(fi.body, /<title>Korjaa seuraavat kohdat: Luo tunnus/);
      const sv = await register({ name: 'Stina', email: 'inte en adress', locale: 'sv' }, { ip: freshIp(), locale: 'sv' });
      assert.equal(sv.statusCode, 400);
      assert.match(sv.body, /Skriv e-postadressen i formen namn@exempel\.fi\./);
      assert.match(sv.body, /value="Stina"/);
      assert.match(sv.body, /value="inte en adress"/);
      assert.match(sv.body, /value="sv" checked/);
      const en = await register({ name: 'x'.repeat(201), email: 'ok@oulu.example', locale: 'de' }, { ip: freshIp(), locale: 'en' });
      assert.equal(en.statusCode, 400);
      assert.match(en.body, /Name must be 200 characters or fewer\./);
      assert.match(en.body, /href="#field-locale">Choose a language\./);
      assert.match(en.body, /value="ok@oulu.example"/);
      assert.doesNotMatch(en.body, /checked/);
      const afterCount = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n), 'no account from a form with errors');
    });

    it('refuses the form without its CSRF token', async () => {
      const agent = new TestAgent(t.app);
      const response = await agent.post('/fi/luo-tunnus', { name: 'Ilman', email: 'ilman@oulu.example', locale: 'fi' }, { csrf: false });
      assert.equal(response.statusCode, 403);
      assert.equal((await mails('ilman@oulu.example')).length, 0);
      assert.equal(await t.database.db.selectFrom('users').select('id').where('email', '=', 'ilman@oulu.example').executeTakeFirst(), undefined);
    });
  });
}
