import type { Locale } from '../../i18n/locales.js';
import type { FeedKind } from './syndication.urls.js';

/** Texts that go out with the feeds, the calendar and the widget, in the feed's or page's language. */
const fi = {
  kinds: { all: 'uutiset ja haut', calls: 'haut', news: 'uutiset' } satisfies Record<FeedKind, string>,
  descriptions: {
    all: 'Älykkään erikoistumisen strategian yhteiset rahoitushaut ja uutiset seitsemästä maakunnasta.',
    calls: 'Älykkään erikoistumisen strategian yhteiset rahoitushaut: milloin haku avautuu ja päättyy, määrärahat ja mukana olevat maakuntaliitot.',
    news: 'Älykkään erikoistumisen strategian uutiset seitsemästä maakunnasta.',
  } satisfies Record<FeedKind, string>,
  entryKinds: { call: 'Haku', news: 'Uutinen' },
  opens: 'Haku avautuu',
  closes: 'Hakuaika päättyy',
  budget: 'Määrärahat yhteensä',
  councils: 'Mukana olevat maakuntaliitot ja niiden määrärahat',
  priorities: 'Painopisteet',
  regions: 'Maakunnat',
  timesNote: 'Ajat ovat Suomen aikaa.',
  callPage: 'Haun sivu',
  newsPage: 'Uutisen sivu',
  relatedCall: 'Liittyy hakuun',

  calendarName: 'S3 Itä- ja Pohjois-Suomi – hakujen aikataulut',
  calendarDescription: 'Strategian yhteisten rahoitushakujen avautumis- ja päättymisajat.',
  eventOpens: (title: string) => `Haku aukeaa: ${title}`,
  eventCloses: (title: string) => `Haku sulkeutuu: ${title}`,
  eventOpensText: (when: string) => `Haku avautuu ${when} (Suomen aikaa).`,
  eventClosesText: (when: string) => `Hakemukset on jätettävä viimeistään ${when} (Suomen aikaa).`,

  widgetTitle: (region: string) => `Haut ja uutiset – ${region}`,
  widgetOpenCalls: 'Avoimet haut',
  widgetNoCalls: 'Avoimia hakuja ei juuri nyt ole.',
  widgetCloses: 'Päättyy',
  widgetNews: 'Uutiset',
  widgetNoNews: 'Uutisia ei vielä ole.',
  widgetAllCalls: 'Kaikki haut',
  widgetAllNews: 'Kaikki uutiset',
  newTab: '(avautuu uuteen välilehteen)',
};

export type SyndicationMessages = typeof fi;

const sv: SyndicationMessages = {
  kinds: { all: 'nyheter och utlysningar', calls: 'utlysningar', news: 'nyheter' },
  descriptions: {
    all: 'Gemensamma finansieringsutlysningar och nyheter inom strategin för smart specialisering i sju landskap.',
    calls: 'Gemensamma finansieringsutlysningar inom strategin för smart specialisering: när utlysningen öppnar och stänger, anslagen och de deltagande landskapsförbunden.',
    news: 'Nyheter inom strategin för smart specialisering i sju landskap.',
  },
  entryKinds: { call: 'Utlysning', news: 'Nyhet' },
  opens: 'Utlysningen öppnar',
  closes: 'Ansökningstiden går ut',
  budget: 'Anslag sammanlagt',
  councils: 'Deltagande landskapsförbund och deras anslag',
  priorities: 'Prioriteringar',
  regions: 'Landskap',
  timesNote: 'Tiderna anges i finsk tid.',
  callPage: 'Utlysningens sida',
  newsPage: 'Nyhetens sida',
  relatedCall: 'Gäller utlysningen',

  calendarName: 'S3 Öst- och Nordfinland – utlysningarnas tidtabeller',
  calendarDescription: 'När strategins gemensamma finansieringsutlysningar öppnar och stänger.',
  eventOpens: (title: string) => `Utlysningen öppnar: ${title}`,
  eventCloses: (title: string) => `Utlysningen stänger: ${title}`,
  eventOpensText: (when: string) => `Utlysningen öppnar ${when} (finsk tid).`,
  eventClosesText: (when: string) => `Ansökningarna ska lämnas in senast ${when} (finsk tid).`,

  widgetTitle: (region: string) => `Utlysningar och nyheter – ${region}`,
  widgetOpenCalls: 'Öppna utlysningar',
  widgetNoCalls: 'Just nu finns det inga öppna utlysningar.',
  widgetCloses: 'Stänger',
  widgetNews: 'Nyheter',
  widgetNoNews: 'Det finns inga nyheter ännu.',
  widgetAllCalls: 'Alla utlysningar',
  widgetAllNews: 'Alla nyheter',
  newTab: '(öppnas i en ny flik)',
};

const en: SyndicationMessages = {
  kinds: { all: 'news and calls', calls: 'calls', news: 'news' },
  descriptions: {
    all: 'Joint funding calls and news of the smart specialisation strategy of seven regions.',
    calls: 'Joint funding calls of the smart specialisation strategy: when each call opens and closes, its budget and the councils taking part.',
    news: 'News of the smart specialisation strategy of seven regions.',
  },
  entryKinds: { call: 'Call', news: 'News' },
  opens: 'The call opens',
  closes: 'Applications close',
  budget: 'Total budget',
  councils: 'Councils taking part and their budgets',
  priorities: 'Priorities',
  regions: 'Regions',
  timesNote: 'Times are Finnish time.',
  callPage: 'The call’s page',
  newsPage: 'The news item’s page',
  relatedCall: 'Concerns the call',

  calendarName: 'S3 East and North Finland – call deadlines',
  calendarDescription: 'When the strategy’s joint funding calls open and close.',
  eventOpens: (title: string) => `Call opens: ${title}`,
  eventCloses: (title: string) => `Call closes: ${title}`,
  eventOpensText: (when: string) => `The call opens on ${when} (Finnish time).`,
  eventClosesText: (when: string) => `Applications must be submitted by ${when} (Finnish time).`,

  widgetTitle: (region: string) => `Calls and news – ${region}`,
  widgetOpenCalls: 'Open calls',
  widgetNoCalls: 'There are no open calls at the moment.',
  widgetCloses: 'Closes',
  widgetNews: 'News',
  widgetNoNews: 'There is no news yet.',
  widgetAllCalls: 'All calls',
  widgetAllNews: 'All news',
  newTab: '(opens in a new tab)',
};

export const syndicationMessages: Readonly<Record<Locale, SyndicationMessages>> = { fi, sv, en };
