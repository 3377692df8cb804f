import type { Db } from '../../src/db/database.js';
import type { Locale } from '../../src/i18n/locales.js';
import { buildCall } from './call-factories.js';
import { buildNews } from './news-factories.js';

/**
 * The calls and news the syndication tests read (the test clock stands at 28 Nov 2026):
 *   call A  councils 11 + 12, clean-solutions, open until 31 Aug 2027 16.15 Helsinki time, a title with & < " ]]>
 *   call B  council 18, digitalisation, open until 15 Dec 2026 16.15, published earlier
 *   call C  a draft (never public)
 *   call D  councils 11 + 18, clean-solutions, closed on 1 Oct 2026
 *   news N1 fi/sv/en, region 11, clean-solutions, about call A
 *   news N2 Finnish only, no region (every council's)
 *   news N3 English only, region 18
 *   news N4 a draft (never public)
 */
export const TRICKY_TITLE = 'Tutkimus & kehitys <2027> "uusi" ]]> loppu';

export interface SyndicationFixture {
  calls: { a: number; b: number; c: number; d: number };
  news: { n1: number; n2: number; n3: number; n4: number };
  /** Every public item: its kind, id, publication time, regions, priorities and the languages of its text. */
  items: Array<{ kind: 'call' | 'news'; id: number; publishedAt: string; regions: string[] | 'all'; priorities: string[]; languages: readonly Locale[] }>;
}

async function publish(db: Db, id: number, publishedAt: string, updatedAt = publishedAt): Promise<void> {
  await db.updateTable('calls').set({ published_at: publishedAt, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function buildSyndicationFixture(db: Db): Promise<SyndicationFixture> {
  const all = ['fi', 'sv', 'en'] as const;
  const a = await buildCall(db, {
    budgets: { '11': 40_000_000, '12': 25_000_000 },
    priorities: ['clean-solutions'],
    opensAt: '2026-11-02T07:00:00.000Z',
    // 31.8.2027 klo 16.15 Helsinki summer time (UTC+3).
    closesAt: '2027-08-31T13:15:00.000Z',
  });
  await db
    .updateTable('calls')
    .set({ title_fi: TRICKY_TITLE, title_sv: `${TRICKY_TITLE} (sv)`, title_en: `${TRICKY_TITLE} (en)` })
    .where('id', '=', a.id)
    .execute();
  await publish(db, a.id, '2026-11-10T08:00:00.000Z', '2026-11-11T09:30:00.000Z');
  const b = await buildCall(db, { budgets: { '18': 30_000_000 }, priorities: ['digitalisation'], title: 'Kainuun digihaku', minRegions: 1 });
  await publish(db, b.id, '2026-11-05T08:00:00.000Z');
  const c = await buildCall(db, { status: 'draft', budgets: { '11': 10_000_000, '18': 10_000_000 }, title: 'Luonnoshaku' });
  const d = await buildCall(db, {
    budgets: { '11': 20_000_000, '18': 20_000_000 },
    priorities: ['clean-solutions'],
    title: 'Päättynyt haku',
    opensAt: '2026-08-01T07:00:00.000Z',
    closesAt: '2026-10-01T13:15:00.000Z',
  });
  await publish(db, d.id, '2026-07-20T08:00:00.000Z');

  const n1 = await buildNews(db, {
    texts: { fi: { title: 'Uusi haku avattu' }, sv: { title: 'Ny utlysning öppnad' }, en: { title: 'New call opened' } },
    regions: ['11'],
    priorities: ['clean-solutions'],
    callId: a.id,
    publishedAt: '2026-11-20T10:00:00.000Z',
  });
  const n2 = await buildNews(db, { texts: { fi: { title: 'Kaikkien maakuntien uutinen & muuta' } }, publishedAt: '2026-11-15T10:00:00.000Z' });
  const n3 = await buildNews(db, { texts: { en: { title: 'Kainuu in English' } }, regions: ['18'], publishedAt: '2026-11-12T10:00:00.000Z' });
  const n4 = await buildNews(db, { status: 'draft', texts: { fi: { title: 'Luonnosuutinen' } }, regions: ['11'] });

  return {
    calls: { a: a.id, b: b.id, c: c.id, d: d.id },
    news: { n1, n2, n3, n4 },
    items: [
      { kind: 'call', id: a.id, publishedAt: '2026-11-10T08:00:00.000Z', regions: ['11', '12'], priorities: ['clean-solutions'], languages: all },
      { kind: 'call', id: b.id, publishedAt: '2026-11-05T08:00:00.000Z', regions: ['18'], priorities: ['digitalisation'], languages: all },
      { kind: 'call', id: d.id, publishedAt: '2026-07-20T08:00:00.000Z', regions: ['11', '18'], priorities: ['clean-solutions'], languages: all },
      { kind: 'news', id: n1, publishedAt: '2026-11-20T10:00:00.000Z', regions: ['11'], priorities: ['clean-solutions'], languages: all },
      { kind: 'news', id: n2, publishedAt: '2026-11-15T10:00:00.000Z', regions: 'all', priorities: [], languages: ['fi'] },
      { kind: 'news', id: n3, publishedAt: '2026-11-12T10:00:00.000Z', regions: ['18'], priorities: [], languages: ['en'] },
    ],
  };
}

/** The items a feed should carry, newest first: the specification the tests hold the feeds to. */
export function expectedItems(
  fixture: SyndicationFixture,
  feed: { kind: 'all' | 'calls' | 'news'; locale: Locale; region?: string; priority?: string },
): Array<{ kind: 'call' | 'news'; id: number; publishedAt: string }> {
  return fixture.items
    .filter((i) => feed.kind === 'all' || (feed.kind === 'calls' ? i.kind === 'call' : i.kind === 'news'))
    .filter((i) => i.languages.includes(feed.locale))
    .filter((i) => feed.region === undefined || i.regions === 'all' || i.regions.includes(feed.region))
    .filter((i) => feed.priority === undefined || i.priorities.includes(feed.priority))
    .sort((x, y) => y.publishedAt.localeCompare(x.publishedAt));
}
