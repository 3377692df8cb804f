import { locales, type Locale } from '../i18n/locales.js';

/**
 * The first path segment of each public page in each language: addresses read naturally in the
 * page's language (/fi/maakunnat, /sv/landskap, /en/regions) and the language switch can find the
 * same page in another language.
 */
export const pageSegments = {
  home: { fi: '', sv: '', en: '' },
  strategy: { fi: 'strategia', sv: 'strategi', en: 'strategy' },
  regions: { fi: 'maakunnat', sv: 'landskap', en: 'regions' },
  expertGroup: { fi: 'asiantuntijaryhma', sv: 'expertgrupp', en: 'expert-group' },
  accessibility: { fi: 'saavutettavuusseloste', sv: 'tillganglighetsutlatande', en: 'accessibility-statement' },
} as const satisfies Record<string, Record<Locale, string>>;

export type PageId = keyof typeof pageSegments;

/** The address of a page in a language, with further path segments (e.g. a region's slug). */
export function pagePath(locale: Locale, page: PageId, ...rest: string[]): string {
  const segments = [locale, pageSegments[page][locale], ...rest.map(encodeURIComponent)].filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

/** The same page in every language. */
export function alternatePaths(page: PageId, ...rest: string[]): Record<Locale, string> {
  return Object.fromEntries(locales.map((l) => [l, pagePath(l, page, ...rest)])) as Record<Locale, string>;
}
