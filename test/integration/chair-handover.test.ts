import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { UserRow } from '../../src/db/schema.js';
import { chairHandoverJob } from '../../src/features/notifications/chair-handover.job.js';
import { chairOfYearWithRegion } from '../../src/features/chair/chair.service.js';
import type { Region } from '../../src/features/regions/regions.repository.js';
import { buildApp } from '../../src/http/app.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';
import { buildUser } from '../helpers/factories.js';

for (const dialect of testDialects()) {
  describe(`the chair-region handover at the turn of the year [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let second: FastifyInstance;
    let incoming: Region;
    let outgoing: Region;
    const db = () => t.database.db;

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      second = await buildApp(testConfig(), { database: t.database, now: t.clock.now });
      const [next, now] = await Promise.all([chairOfYearWithRegion(db(), 2027), chairOfYearWithRegion(db(), 2026)]);
      assert.ok(next.ok && now.ok && next.region.code !== now.region.code, 'the rotation names different chairs for 2026 and 2027');
      incoming = next.region;
      outgoing = now.region;
    });
    after(async () => {
      await second?.close();
      await t?.close();
    });

    const member = (spec: { name: string; email: string; region: string; user?: UserRow }) =>
      db()
        .insertInto('expert_group_members')
        .values({
          region_code: spec.region,
          name: spec.name,
          title_fi: 'Erityisasiantuntija',
          title_sv: 'Specialsakkunnig',
          title_en: 'Specialist',
          organisation: 'Maakuntaliitto',
          email: spec.email,
          phone: null,
          is_demo: 0,
          sort_order: 0,
          user_id: spec.user?.id ?? null,
        })
        .execute();
    const handoverMail = () => db().selectFrom('email_messages').selectAll().where('purpose', '=', 'chair-handover').orderBy('to_address').execute();

    it('tells the expert group and the officers of the incoming and outgoing chairs once, each in their language, and emits the event', async () => {
      const newCoordinator = await buildUser(db(), { email: 'uusi.koordinaattori@example.test', roles: [{ role: 'officer', region: incoming.code }] });
      const oldCoordinator = await buildUser(db(), { email: 'tidigare.koordinator@example.test', locale: 'sv', roles: [{ role: 'officer', region: outgoing.code }] });
      const bystander = await buildUser(db(), { email: 'muu.virkailija@example.test', roles: [{ role: 'officer', region: ['10', '11', '12', '16', '17', '18', '19'].find((c) => c !== incoming.code && c !== outgoing.code)! }] });
      const expertWithAccount = await buildUser(db(), { email: 'expert.account@example.test', locale: 'en', roles: [{ role: 'expert', region: '12' }] });
      await member({ name: 'Anna Account', email: 'anna.public@example.test', region: '12', user: expertWithAccount });
      await member({ name: 'Pekka Julkinen', email: 'pekka.julkinen@example.test', region: '16' });
      // A coordinator who also sits in the group gets one message.
      await member({ name: 'Uusi Koordinaattori', email: 'uusi.koordinaattori@example.test', region: incoming.code, user: newCoordinator });

      t.clock.set('2026-12-31T21:59:59.000Z');
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);
      assert.equal((await handoverMail()).length, 0, 'still 2026 in Helsinki');

      t.clock.set('2026-12-31T22:00:00.000Z');
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);
      t.clock.set('2027-01-02T08:00:00.000Z');
      await Promise.all([t.app.scheduler.tick(), second.scheduler.tick()]);

      const mails = await handoverMail();
      assert.deepEqual(
        mails.map((m) => [m.to_address, m.user_id, m.locale]),
        [
          ['expert.account@example.test', expertWithAccount.id, 'en'],
          ['pekka.julkinen@example.test', null, 'fi'],
          ['tidigare.koordinator@example.test', oldCoordinator.id, 'sv'],
          ['uusi.koordinaattori@example.test', newCoordinator.id, 'fi'],
        ],
      );
      assert.ok(!mails.some((m) => m.to_address === bystander.email), 'officers of other councils are not coordinators');

      const fi = mails.find((m) => m.locale === 'fi')!;
      assert.equal(fi.subject, `Vuoden 2027 puheenjohtajamaakunta on ${incoming.name.fi}`);
      assert.ok(fi.body_text.includes(`puheenjohtajamaakunta on ${incoming.name.fi}, ja yhteistyötä koordinoi ${incoming.council.name.fi}.`));
      assert.ok(fi.body_text.includes(`Tehtävän luovutti ${outgoing.name.fi} (${outgoing.council.name.fi}), joka oli puheenjohtajamaakunta vuonna 2026.`));
      assert.ok(fi.body_text.includes(`http://s3.test/fi/maakunnat/${incoming.slug}`));
      const sv = mails.find((m) => m.locale === 'sv')!;
      assert.equal(sv.subject, `Ordförandelandskap år 2027 är ${incoming.name.sv}`);
      assert.ok(sv.body_text.includes(`är ${incoming.name.sv} ordförandelandskap för S3-samarbetet, och samarbetet koordineras av ${incoming.council.name.sv}.`));
      assert.ok(sv.body_text.includes(`Uppdraget övertogs från ${outgoing.name.sv} (${outgoing.council.name.sv})`));
      assert.ok(sv.body_text.includes(`http://s3.test/sv/landskap/${incoming.slug}`));
      const en = mails.find((m) => m.locale === 'en')!;
      assert.match(en.body_text, new RegExp(`from the start of 2027, ${incoming.name.en} is the chair region`));

      const events = await db().selectFrom('outbox').select(['payload']).where('idempotency_key', '=', 'chair.handover:2027').execute();
      assert.equal(events.length, 1);
      assert.deepEqual(JSON.parse(events[0]!.payload).event, { type: 'chair.handover', year: 2027, regionCode: incoming.code, previousRegionCode: outgoing.code });
      assert.deepEqual(await db().selectFrom('job_runs').select('job_key').where('job_key', 'like', 'chair-handover:%').execute(), [{ job_key: 'chair-handover:2027' }]);
    });

    it('still sends on the fourteenth of January if no instance ran before, but not after it', async () => {
      const ctx = { config: t.app.config, owner: 'late-instance', deliverMail: false };
      assert.equal(await chairHandoverJob.run(db(), new Date('2028-01-14T22:00:00.000Z'), ctx), 0, '15 January in Helsinki');
      assert.ok((await chairHandoverJob.run(db(), new Date('2028-01-14T21:59:00.000Z'), ctx)) > 0, 'the last minute of 14 January');
      const next = await chairOfYearWithRegion(db(), 2028);
      assert.ok(next.ok);
      const mails = (await handoverMail()).filter((m) => m.subject.includes('2028'));
      assert.ok(mails.length > 0);
      assert.ok(mails.every((m) => m.body_text.includes(next.region.name[m.locale as 'fi' | 'sv' | 'en'])));
      assert.equal(await chairHandoverJob.run(db(), new Date('2028-01-14T21:59:30.000Z'), ctx), 0, 'once a year');
    });
  });
}
