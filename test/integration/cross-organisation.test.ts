import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import type { TestAgent } from '../helpers/agent.js';
import { buildOrganisation, buildUser, uniqueBusinessId } from '../helpers/factories.js';
import type { OrganisationRow, UserRow } from '../../src/db/schema.js';

for (const dialect of testDialects()) {
  describe(`one organisation's users cannot reach another's [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let orgA: OrganisationRow;
    let orgB: OrganisationRow;
    let adminA: UserRow;
    let memberA: UserRow;
    let adminB: UserRow;
    let memberB: UserRow;
    let asAdminA: TestAgent;
    let asMemberA: TestAgent;

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      orgA = await buildOrganisation(db, { name: 'Organisaatio A' });
      orgB = await buildOrganisation(db, { name: 'Organisaatio B' });
      adminA = await buildUser(db, { memberOf: [{ organisation: orgA, admin: true }] });
      memberA = await buildUser(db, { memberOf: [{ organisation: orgA }] });
      adminB = await buildUser(db, { memberOf: [{ organisation: orgB, admin: true }] });
      memberB = await buildUser(db, { email: 'member.b@example.test', memberOf: [{ organisation: orgB }] });
      asAdminA = await agentFor(t, adminA);
      asMemberA = await agentFor(t, memberA);
    });
    after(async () => t?.close());

    /** Everything of B that an attack could change: its row, its members, the users, invitations and mail. */
    async function snapshotOfB() {
      const db = t.database.db;
      return {
        organisation: await db.selectFrom('organisations').selectAll().where('id', '=', orgB.id).executeTakeFirst(),
        members: await db.selectFrom('organisation_members').selectAll().where('organisation_id', '=', orgB.id).orderBy('user_id').execute(),
        users: await db.selectFrom('users').select(['id', 'email', 'status']).orderBy('id').execute(),
        tokens: await db.selectFrom('one_time_tokens').select('id').execute(),
        mail: await db.selectFrom('email_messages').select('id').execute(),
      };
    }

    const b = (locale: 'fi' | 'en', ...rest: string[]) => `/${locale}/${locale === 'fi' ? 'organisaatiot' : 'organisations'}/${[orgB.id, ...rest].join('/')}`;
    const a = (...rest: string[]) => `/en/organisations/${[orgA.id, ...rest].join('/')}`;

    it('refuses A’s users B’s page and member list', async () => {
      for (const agent of [asAdminA, asMemberA]) {
        const page = await agent.get(b('fi'));
        assert.equal(page.statusCode, 403);
        assert.doesNotMatch(page.body, /Organisaatio B|member\.b@example\.test/);
        assert.equal((await agent.get(b('en', 'edit'))).statusCode, 403);
      }
      const mine = await asAdminA.get('/fi/organisaatiot');
      assert.doesNotMatch(mine.body, /Organisaatio B/);
    });

    it('refuses every change to B by A’s administrator, through B’s addresses or A’s, and B stays as it was', async () => {
      const before = await snapshotOfB();
      const attempts: Array<[string, Record<string, string>, number]> = [
        [b('en', 'invite'), { name: 'Intruder', email: 'intruder@example.test', isAdmin: '1' }, 403],
        [b('en', 'invite'), { name: 'Admin A', email: adminA.email, isAdmin: '1' }, 403],
        [b('en', 'members'), { userId: String(memberB.id), action: 'remove' }, 403],
        [b('en', 'members'), { userId: String(adminB.id), action: 'unmake-admin' }, 403],
        [b('en', 'members'), { userId: String(adminA.id), action: 'make-admin' }, 403],
        [b('en', 'edit'), { name: 'Taken over', orgType: 'other', regionCode: '19' }, 403],
        // A's own addresses with B's member in the hidden field: not a member of A, so not found.
        [a('members'), { userId: String(memberB.id), action: 'remove' }, 404],
        [a('members'), { userId: String(adminB.id), action: 'unmake-admin' }, 404],
        [a('members'), { userId: String(adminB.id), action: 'make-admin' }, 404],
        // The admin area and its edit form are not for applicants.
        [`/en/admin/organisations/${orgB.id}`, { businessId: uniqueBusinessId(), name: 'Taken over', orgType: 'other', regionCode: '19' }, 403],
        // An organisation that does not exist.
        ['/en/organisations/999999/members', { userId: String(memberB.id), action: 'remove' }, 404],
        ['/en/organisations/999999/invite', { name: 'x', email: 'x@example.test' }, 404],
      ];
      for (const [url, fields, status] of attempts) {
        const res = await asAdminA.post(url, fields);
        assert.equal(res.statusCode, status, `${url} ${JSON.stringify(fields)}`);
      }
      for (const [url, fields] of attempts.slice(0, 6)) assert.equal((await asMemberA.post(url, fields)).statusCode, 403, `member: ${url}`);
      assert.deepEqual(await snapshotOfB(), before);
      const audited = await t.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'organisation').where('entity_id', '=', String(orgB.id)).execute();
      assert.deepEqual(audited, []);
    });

    it('keeps A’s plain member from promoting themself in A, and A’s administrator still manages A', async () => {
      assert.equal((await asMemberA.post(a('members'), { userId: String(memberA.id), action: 'make-admin' })).statusCode, 403);
      const row = await t.database.db.selectFrom('organisation_members').selectAll().where('organisation_id', '=', orgA.id).where('user_id', '=', memberA.id).executeTakeFirstOrThrow();
      assert.equal(row.is_admin, 0);
      assert.equal((await asAdminA.post(a('members'), { userId: String(memberA.id), action: 'make-admin' })).statusCode, 303);
    });

    it('keeps an applicant out of the admin organisations area', async () => {
      for (const url of ['/fi/hallinta/organisaatiot', `/fi/hallinta/organisaatiot/${orgB.id}`, '/fi/hallinta/organisaatiot/new']) {
        assert.equal((await asAdminA.get(url)).statusCode, 403, url);
      }
      assert.equal((await asAdminA.post('/fi/hallinta/organisaatiot/new', { businessId: uniqueBusinessId(), name: 'x', orgType: 'other', regionCode: '17' })).statusCode, 403);
    });
  });
}
