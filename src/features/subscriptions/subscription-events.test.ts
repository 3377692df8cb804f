import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewsSubject } from '../notifications/event-subjects.js';
import { matchesSubscriber, type ItemTags } from './subscription-events.js';
import { newsMail } from './subscription-mail.js';

const call = (regionCodes: string[], prioritySlugs: string[]): ItemTags => ({ regionCodes, prioritySlugs, regionless: 'matches-none' });
const news = (regionCodes: string[], prioritySlugs: string[]): ItemTags => ({ regionCodes, prioritySlugs, regionless: 'matches-all' });
const subscriber = (regionCodes: string[], prioritySlugs: string[] = []) => ({ regionCodes, prioritySlugs });

describe('which subscribers an item reaches', () => {
  it('reaches a subscriber who chose no councils, and one who chose any council of a call', () => {
    assert.equal(matchesSubscriber(subscriber([]), call(['11', '12'], ['digitalisation'])), true);
    assert.equal(matchesSubscriber(subscriber(['12', '19']), call(['11', '12'], [])), true);
    assert.equal(matchesSubscriber(subscriber(['19']), call(['11', '12'], [])), false);
  });

  it('reaches every council’s subscribers with news tagged with no council', () => {
    assert.equal(matchesSubscriber(subscriber(['19']), news([], [])), true);
    assert.equal(matchesSubscriber(subscriber(['19']), news(['18'], [])), false);
  });

  it('matches priorities when either side names none, or they share one', () => {
    assert.equal(matchesSubscriber(subscriber([], ['digitalisation']), call(['11'], [])), true);
    assert.equal(matchesSubscriber(subscriber([], ['digitalisation']), call(['11'], ['clean-solutions', 'digitalisation'])), true);
    assert.equal(matchesSubscriber(subscriber([], ['digitalisation']), call(['11'], ['clean-solutions'])), false);
  });
});

describe('a news message', () => {
  const links = { unsubscribe: 'https://s3.example/sv/prenumerera/peru/t', change: 'https://s3.example/sv/prenumerera/muuta/t' };
  const item = (title: NewsSubject['title']): NewsSubject => ({
    id: 5,
    title,
    summary: title,
    publishedAt: '2026-11-28T10:00:00.000Z',
    callId: null,
    regionCodes: [],
    prioritySlugs: [],
    url: { fi: 'https://s3.example/fi/uutiset/5', sv: 'https://s3.example/sv/nyheter/5', en: 'https://s3.example/en/news/5' },
  });

  it('is in the subscriber’s language when the item has it', () => {
    const mail = newsMail('sv', item({ fi: 'Otsikko', sv: 'Rubrik' }), links)!;
    assert.equal(mail.subject, 'Nyhet: Rubrik');
    assert.doesNotMatch(mail.text, /endast/);
    assert.ok(mail.text.includes(links.unsubscribe));
  });

  it('falls back to another language and says so, linking to the page in that language', () => {
    const mail = newsMail('sv', item({ en: 'Headline' }), links)!;
    assert.equal(mail.subject, 'Nyhet: Headline');
    assert.match(mail.text, /Nyheten har publicerats endast på engelska\./);
    assert.ok(mail.text.includes('https://s3.example/en/news/5'));
    assert.equal(newsMail('fi', item({}), links), undefined);
  });
});
