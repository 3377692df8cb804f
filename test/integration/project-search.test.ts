import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import type { OrganisationRow, ProjectStatus } from '../../src/db/schema.js';
import {
  decodeCursor,
  encodeCursor,
  partnerSearch,
  searchProjects,
  type ProjectSearchParams,
  type ProjectSummary,
} from '../../src/features/projects/projects.search.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildOrganisation } from '../helpers/factories.js';
import { buildProject } from '../helpers/project-factories.js';

/**
 * The project search gives the same results in the same order on SQLite and PostgreSQL (issue 6):
 * Finnish inflected forms, several words, filters, and keyset paging, on a fixed set of 40 projects.
 * Expected orders are worked out by hand from the fixture below (weights: title 3, summary 2,
 * partner names and priority names 1; ties by id, the newer first).
 */

type OrgKey = 'uef' | 'oulu' | 'kamk' | 'lapin' | 'savonia' | 'centria' | 'xamk' | 'kiertory';
const organisations: Record<OrgKey, { name: string; region: string }> = {
  uef: { name: 'Itä-Suomen yliopisto', region: '12' },
  oulu: { name: 'Oulun yliopisto', region: '17' },
  kamk: { name: 'Kajaanin ammattikorkeakoulu', region: '18' },
  lapin: { name: 'Lapin ammattikorkeakoulu', region: '19' },
  savonia: { name: 'Savonia-ammattikorkeakoulu', region: '11' },
  centria: { name: 'Centria-ammattikorkeakoulu', region: '16' },
  xamk: { name: 'Kaakkois-Suomen ammattikorkeakoulu', region: '10' },
  kiertory: { name: 'Kiertotalous ry', region: '18' },
};
const pool: OrgKey[] = ['uef', 'oulu', 'kamk', 'lapin', 'savonia', 'centria', 'xamk'];

interface FixtureProject {
  key: string;
  title: string;
  summary: string;
  priority: 'clean-solutions' | 'digitalisation' | 'sustainable-services';
  partners: OrgKey[];
  year: number;
  status: ProjectStatus;
  /** 1 or 2: which of the two calls. */
  call: 1 | 2;
}

const core: FixtureProject[] = [
  { key: 'A', title: 'Kiertotalous Pohjois-Savossa', summary: 'Akkumateriaalien kierrätys ja vety.', priority: 'clean-solutions', partners: ['oulu', 'savonia', 'kamk'], year: 2025, status: 'ongoing', call: 1 },
  { key: 'B', title: 'Vetytalouden pilotti', summary: 'Kiertotalouden ratkaisuja ja vedyn tuotanto teollisuudelle.', priority: 'clean-solutions', partners: ['lapin', 'uef', 'kamk'], year: 2026, status: 'ongoing', call: 1 },
  { key: 'C', title: 'Energiatehokkuus rakennuksissa', summary: 'Rakennusten energiatehokkuuden parantaminen ja kiertotaloutta tukeva korjausrakentaminen.', priority: 'digitalisation', partners: ['xamk', 'centria', 'kamk'], year: 2024, status: 'completed', call: 2 },
  { key: 'D', title: 'Yliopistojen yhteinen datapalvelu', summary: 'Yliopistossa kehitetty palvelutuotannon malli.', priority: 'sustainable-services', partners: ['kamk', 'lapin'], year: 2026, status: 'ongoing', call: 1 },
  { key: 'E', title: 'Circular economy in batteries', summary: 'Battery materials and hydrogen economies.', priority: 'clean-solutions', partners: ['oulu', 'kamk'], year: 2025, status: 'ongoing', call: 2 },
  { key: 'F', title: 'Cirkulär ekonomi i Österbotten', summary: 'Hållbara lösningar för cirkulära material.', priority: 'sustainable-services', partners: ['centria', 'oulu'], year: 2026, status: 'ongoing', call: 1 },
  { key: 'G', title: 'Digitalisaatio matkailussa', summary: 'Matkailuyritysten digitaalinen tuki.', priority: 'digitalisation', partners: ['uef', 'xamk'], year: 2026, status: 'ongoing', call: 2 },
  { key: 'H', title: 'Teollisuuden sivuvirrat', summary: 'Sivuvirtojen hyödyntäminen.', priority: 'clean-solutions', partners: ['kiertory', 'oulu', 'uef'], year: 2025, status: 'ongoing', call: 1 },
];
const priorities = ['clean-solutions', 'digitalisation', 'sustainable-services'] as const;
const fillers: FixtureProject[] = Array.from({ length: 32 }, (_, i) => ({
  key: `X${i + 1}`,
  title: `Alueellinen yhteistyöhanke ${i + 1}`,
  summary: 'Maakuntien yhteinen kehittämistyö.',
  priority: priorities[i % 3]!,
  partners: [pool[i % 7]!, pool[(i + 2) % 7]!],
  year: 2023 + (i % 4),
  status: i % 5 === 0 ? 'completed' : 'ongoing',
  call: ((i % 2) + 1) as 1 | 2,
}));
/** In creation order, so ids grow down the list. */
const fixture = [...core, ...fillers];

/** The results of each dialect, by the query's name, as titles: compared across dialects at the end. */
const results = new Map<string, Map<string, string[]>>();

async function buildFixture(db: Db): Promise<{ ids: Map<string, number>; orgIds: Record<OrgKey, number>; callIds: [number, number] }> {
  const calls = [await buildCall(db, { title: 'Hakukierros yksi' }), await buildCall(db, { title: 'Hakukierros kaksi' })];
  await ownFundingProposals(db, calls.map((c) => c.id));
  const orgs = {} as Record<OrgKey, OrganisationRow>;
  for (const [key, o] of Object.entries(organisations) as Array<[OrgKey, { name: string; region: string }]>) {
    orgs[key] = await buildOrganisation(db, { name: o.name, region: o.region });
  }
  const ids = new Map<string, number>();
  for (const p of fixture) {
    const built = await buildProject(db, {
      call: calls[p.call - 1]!,
      title: p.title,
      summary: p.summary,
      priority: p.priority,
      partners: p.partners.map((k) => ({ region: organisations[k].region, organisation: orgs[k] })),
      decisionYear: p.year,
      status: p.status,
    });
    ids.set(p.key, built.id);
  }
  return { ids, orgIds: Object.fromEntries(Object.entries(orgs).map(([k, o]) => [k, o.id])) as Record<OrgKey, number>, callIds: [calls[0]!.id, calls[1]!.id] };
}

/**
 * buildProject keeps each call's funding proposal id in a module-level cache, which a second database
 * in the same process does not have: each call gets its proposal here first, so that the ids agree.
 */
async function ownFundingProposals(db: Db, callIds: readonly number[]): Promise<void> {
  for (const callId of callIds) {
    const existing = await db.selectFrom('funding_proposals').select('id').where('call_id', '=', callId).executeTakeFirst();
    if (!existing) {
      await db
        .insertInto('funding_proposals')
        .values({ call_id: callId, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
        .execute();
    }
  }
}

/** The expected order without a query: newest decision year first (funded_at follows it), then the later created. */
function listOrder(projects: readonly FixtureProject[]): string[] {
  const index = new Map(fixture.map((p, i) => [p.key, i]));
  return [...projects].sort((a, b) => b.year - a.year || index.get(b.key)! - index.get(a.key)!).map((p) => p.key);
}

const titleOf = new Map(fixture.map((p) => [p.title, p.key]));
const keysOf = (items: readonly ProjectSummary[]) => items.map((i) => titleOf.get(i.title) ?? `?${i.title}`);

for (const dialect of testDialects()) {
  describe(`project search [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    let db: Db;
    let fx: Awaited<ReturnType<typeof buildFixture>>;
    const seen = new Map<string, string[]>();
    results.set(dialect.name, seen);

    /** Every page of a search, following the cursor; also records the whole list for the cross-dialect check. */
    async function all(name: string, params: ProjectSearchParams): Promise<{ keys: string[]; totals: number[]; pages: number }> {
      const keys: string[] = [];
      const totals: number[] = [];
      let after: ProjectSearchParams['after'];
      let pages = 0;
      for (;;) {
        const page = await searchProjects(db, { ...params, after });
        pages++;
        keys.push(...keysOf(page.items));
        totals.push(page.total);
        if (!page.nextCursor) break;
        after = decodeCursor(page.nextCursor) ?? assert.fail('the next cursor is one the search reads');
        assert.ok(pages < 100, 'paging ends');
      }
      seen.set(name, keys);
      return { keys, totals, pages };
    }

    before(async () => {
      t = await buildTestApp(dialect, { demo: false });
      db = t.database.db;
      fx = await buildFixture(db);
    });
    after(async () => t?.close());

    it('"kiertotaloudessa" finds the projects with kiertotalous in any form, title before summary before partners', async () => {
      // A: title Kiertotalous (3); B: summary Kiertotalouden (2); C: summary kiertotaloutta (2); H: partner Kiertotalous ry (1).
      const { keys, totals } = await all('kiertotaloudessa', { q: 'kiertotaloudessa' });
      assert.deepEqual(keys, ['A', 'C', 'B', 'H']);
      assert.deepEqual(totals, [4]);
      const first = await searchProjects(db, { q: 'kiertotaloudessa' });
      assert.deepEqual(first.items.map((i) => i.score), [3, 2, 2, 1]);
      assert.equal(first.searched, true);
    });

    it('every word must match; the score is the sum of each word’s best field', async () => {
      // A: Kiertotalous in the title (3) + vety in the summary (2) = 5; B: Kiertotalouden (2) + vedyn (2) = 4.
      const page = await searchProjects(db, { q: 'Kiertotalous VETY' });
      assert.deepEqual(keysOf(page.items), ['A', 'B']);
      assert.deepEqual(page.items.map((i) => i.score), [5, 4]);
      assert.equal(page.total, 2);
      seen.set('kiertotalous vety', keysOf(page.items));
      assert.deepEqual((await searchProjects(db, { q: 'kiertotalous matkailussa' })).items, []);
    });

    it('finds inflected Finnish, Swedish and English forms', async () => {
      const cases: Array<[string, string[]]> = [
        ['energiatehokkuuden', ['C']],
        ['rakennus', ['C']],
        ['vedyn', ['B', 'A']], // B: summary vedyn (2), A: summary vety (2): the newer first
        ['cirkulära', ['F']],
        ['economy', ['E']],
        ['batteries', ['E']],
        ['mallit', ['D']],
      ];
      for (const [q, expected] of cases) {
        const { keys } = await all(q, { q });
        assert.deepEqual(keys, expected, q);
      }
    });

    it('filters: region, call, year, organisation, status and priority narrow a query or the whole list', async () => {
      assert.deepEqual((await all('kiertotalous+region12', { q: 'kiertotalous', region: '12' })).keys, ['B', 'H']);
      assert.deepEqual((await all('kiertotalous+completed', { q: 'kiertotalous', status: 'completed' })).keys, ['C']);
      assert.deepEqual((await all('kiertotalous+call2', { q: 'kiertotalous', call: fx.callIds[1] })).keys, ['C']);
      assert.deepEqual((await all('kiertotalous+2025', { q: 'kiertotalous', year: 2025 })).keys, ['A', 'H']);
      assert.deepEqual((await all('kiertotalous+kiertory', { q: 'kiertotalous', organisation: fx.orgIds.kiertory })).keys, ['H']);
      assert.deepEqual((await all('kiertotalous+digitalisation', { q: 'kiertotalous', priority: 'digitalisation' })).keys, ['C']);

      const inRegion11 = fixture.filter((p) => p.partners.some((k) => organisations[k].region === '11'));
      assert.deepEqual((await all('region11', { region: '11' })).keys, listOrder(inRegion11));
      const completed2023 = fixture.filter((p) => p.status === 'completed' && p.year === 2023);
      assert.deepEqual((await all('completed2023', { status: 'completed', year: 2023 })).keys, listOrder(completed2023));
      const uefProjects = fixture.filter((p) => p.partners.includes('uef') && p.priority === 'digitalisation');
      assert.deepEqual((await all('uef+digitalisation', { organisation: fx.orgIds.uef, priority: 'digitalisation' })).keys, listOrder(uefProjects));
      const call1 = fixture.filter((p) => p.call === 1);
      assert.deepEqual((await all('call1', { call: fx.callIds[0] })).keys, listOrder(call1));
      assert.deepEqual((await all('nothing', { q: 'kiertotalous', region: '12', year: 2024 })).keys, []);
    });

    it('without a query lists every project, the latest funded first, and pages through without repeats', async () => {
      const expected = listOrder(fixture);
      const whole = await all('everything', {});
      assert.equal(whole.keys.length, 40);
      assert.deepEqual(whole.keys, expected);
      for (const limit of [1, 7, 20, 100]) {
        const paged = await all(`everything/${limit}`, { limit });
        assert.deepEqual(paged.keys, expected, `limit ${limit}`);
        assert.equal(new Set(paged.keys).size, 40);
        assert.equal(paged.pages, Math.ceil(40 / limit));
        assert.ok(paged.totals.every((n) => n === 40));
      }
    });

    it('pages a query by (score, id): the pages together are the whole list', async () => {
      // "yliopisto": D has it in the title (3); the projects of Oulun yliopisto and Itä-Suomen yliopisto have it as a partner (1).
      const whole = await all('yliopisto', { q: 'yliopisto', limit: 100 });
      const withUniversity = fixture.filter((p) => p.partners.includes('uef') || p.partners.includes('oulu')).map((p) => p.key);
      const index = new Map(fixture.map((p, i) => [p.key, i]));
      assert.deepEqual(whole.keys, ['D', ...withUniversity.sort((a, b) => index.get(b)! - index.get(a)!)]);
      for (const limit of [1, 3, 5]) {
        const paged = await all(`yliopisto/${limit}`, { q: 'yliopisto', limit });
        assert.deepEqual(paged.keys, whole.keys, `limit ${limit}`);
        assert.equal(paged.pages, Math.ceil(whole.keys.length / limit));
      }
      // "digitalisaatio": G in the title (3), every project of the digitalisation priority by its name (1).
      const digital = await all('digitalisaatio', { q: 'digitalisaatio', limit: 4 });
      const ofPriority = fixture.filter((p) => p.priority === 'digitalisation' && p.key !== 'G').map((p) => p.key);
      assert.deepEqual(digital.keys, ['G', ...ofPriority.sort((a, b) => index.get(b)! - index.get(a)!)]);
    });

    it('a cursor is opaque base64url and a foreign one is refused', async () => {
      const cursor = encodeCursor({ by: 'score', score: 3, id: 12 });
      assert.match(cursor, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeCursor(cursor), { by: 'score', score: 3, id: 12 });
      assert.deepEqual(decodeCursor(encodeCursor({ by: 'funded', fundedAt: '2026-11-27T12:00:00.000Z', id: 5 })), {
        by: 'funded',
        fundedAt: '2026-11-27T12:00:00.000Z',
        id: 5,
      });
      for (const bad of ['', 'x', '!!!', Buffer.from('["s",-1,3]').toString('base64url'), Buffer.from('["f","yesterday",3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
        assert.equal(decodeCursor(bad), null, bad);
      }
    });

    it('partner search groups the organisations of matching projects, leaving out the searcher’s region', async () => {
      const found = await partnerSearch(db, { q: 'kiertotaloudessa', excludeRegion: '17' });
      // Matching: A (oulu, savonia, kamk), B (lapin, uef, kamk), C (xamk, centria, kamk), H (kiertory, oulu, uef); Oulu (17) left out.
      assert.deepEqual(
        found.organisations.map((o) => [o.name, o.regionCode, o.projectCount]),
        [
          ['Kajaanin ammattikorkeakoulu', '18', 3],
          ['Itä-Suomen yliopisto', '12', 2],
          ['Centria-ammattikorkeakoulu', '16', 1],
          ['Kaakkois-Suomen ammattikorkeakoulu', '10', 1],
          ['Kiertotalous ry', '18', 1],
          ['Lapin ammattikorkeakoulu', '19', 1],
          ['Savonia-ammattikorkeakoulu', '11', 1],
        ],
      );
      assert.equal(found.total, 7);
      // Kajaani's projects best first: A (3), then C and B (2 each, the newer first).
      assert.deepEqual(found.organisations[0]!.projects.map((p) => titleOf.get(p.title)), ['A', 'C', 'B']);
      const only18 = await partnerSearch(db, { q: 'kiertotalous', region: '18' });
      assert.deepEqual(only18.organisations.map((o) => [o.name, o.projectCount]), [['Kajaanin ammattikorkeakoulu', 3], ['Kiertotalous ry', 1]]);
      assert.deepEqual(await partnerSearch(db, { q: ' ' }), { searched: false, total: 0, organisations: [] });
      seen.set('partners', found.organisations.map((o) => `${o.name}:${o.projectCount}:${o.projects.map((p) => p.title).join('|')}`));
    });
  });
}

describe('project search: the same answers on both databases', () => {
  it('gives the same ordered results for every query on SQLite and PostgreSQL', (ctx) => {
    const sqlite = results.get('sqlite');
    const postgres = results.get('postgres');
    if (!sqlite?.size || !postgres?.size) return ctx.skip('needs both dialects (set TEST_DATABASE_URL)');
    assert.ok(sqlite.size >= 20);
    assert.deepEqual([...postgres.keys()].sort(), [...sqlite.keys()].sort());
    for (const [name, keys] of sqlite) assert.deepEqual(postgres.get(name), keys, name);
  });
});
