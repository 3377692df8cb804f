import * as OTPAuth from 'otpauth';
import { seedDemoNews } from '../../src/db/seed/demo-news.js';
import type { TestApp } from '../helpers/app.js';
import { buildUser } from '../helpers/factories.js';
import { buildNews } from '../helpers/news-factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import type { Account } from './browsing.js';
export { Browsing } from './browsing.js';

/**
 * What the news-and-notifications browser test starts from (the test clock is 28 Nov 2026):
 *  - the demo news (seedDemoNews: three published items, of which one in fi/sv/en about clean
 *    solutions for every region, one in Finnish only for Kainuu, one in fi/sv about digitalisation
 *    for Etelä-Savo, Pohjois-Savo and Pohjois-Karjala; one scheduled; one draft);
 *  - 21 more published Finnish items for Pohjois-Savo (11) about digitalisation, dated October 2026,
 *    so that the list filtered to Pohjois-Savo and digitalisation has 22 items: 20 on the first page,
 *    2 on the next;
 *  - one published item written in English only, for the language fallback of the item page;
 *  - an officer of the Regional Council of Pohjois-Savo (with a second factor, as officials have)
 *    and an applicant (no roles, no second factor);
 *  - a webhook receiver on 127.0.0.1 answering 200 to everything.
 */

export type Who = 'officer' | 'applicant';

export const regionCode = '11';
export const prioritySlug = 'digitalisation';
export const fillerCount = 21;
/** The items of the list filtered to Pohjois-Savo and digitalisation: the fillers and the demo item about digitalisation. */
export const filteredCount = fillerCount + 1;
export const englishOnlyTitle = 'Cross-border seminar on smart specialisation';

export interface World {
  accounts: Record<Who, Account>;
  receiver: WebhookReceiver;
  /** The published item in English only. */
  englishOnlyId: number;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  await seedDemoNews(db, t.clock.now());
  for (let i = 0; i < fillerCount; i++) {
    const day = String(i + 1).padStart(2, '0');
    await buildNews(db, {
      publishedAt: `2026-10-${day}T07:00:00.000Z`,
      title: `Pohjois-Savon digitalisaatiouutinen ${i + 1}`,
      regions: [regionCode],
      priorities: [prioritySlug],
    });
  }
  const englishOnlyId = await buildNews(db, {
    publishedAt: '2026-11-15T09:00:00.000Z',
    texts: { en: { title: englishOnlyTitle, summary: 'Councils meet to compare their smart specialisation work.', body: 'The seminar is held online.\n\nEveryone is welcome.' } },
  });

  const totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
  const accounts: Record<Who, Account> = {
    officer: {
      user: await buildUser(db, { name: 'Outi Savolainen', roles: [{ role: 'officer', region: regionCode }], totpSecret }, t.app.config),
      totpSecret,
    },
    applicant: { user: await buildUser(db, { name: 'Aino Hakija' }) },
  };
  return { accounts, receiver: await startWebhookReceiver(), englishOnlyId };
}
