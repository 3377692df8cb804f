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
  signIn: { fi: 'kirjaudu', sv: 'logga-in', en: 'sign-in' },
  signInSecondFactor: { fi: 'kirjaudu/vahvistus', sv: 'logga-in/verifiering', en: 'sign-in/verify' },
  signInSetUpSecondFactor: { fi: 'kirjaudu/ota-kayttoon', sv: 'logga-in/aktivera', en: 'sign-in/set-up' },
  signOut: { fi: 'kirjaudu-ulos', sv: 'logga-ut', en: 'sign-out' },
  passwordReset: { fi: 'salasana-unohtui', sv: 'glomt-losenord', en: 'forgot-password' },
  invitation: { fi: 'kutsu', sv: 'inbjudan', en: 'invitation' },
  register: { fi: 'luo-tunnus', sv: 'skapa-konto', en: 'create-account' },
  account: { fi: 'oma-tili', sv: 'mitt-konto', en: 'account' },
  accountPassword: { fi: 'oma-tili/salasana', sv: 'mitt-konto/losenord', en: 'account/password' },
  accountSecondFactor: { fi: 'oma-tili/kaksivaiheinen-tunnistus', sv: 'mitt-konto/tvastegsverifiering', en: 'account/two-factor' },
  accountSessions: { fi: 'oma-tili/istunnot', sv: 'mitt-konto/sessioner', en: 'account/sessions' },
  accountData: { fi: 'oma-tili/omat-tiedot', sv: 'mitt-konto/mina-uppgifter', en: 'account/my-data' },
  organisations: { fi: 'organisaatiot', sv: 'organisationer', en: 'organisations' },
  admin: { fi: 'hallinta', sv: 'administration', en: 'admin' },
  adminUsers: { fi: 'hallinta/kayttajat', sv: 'administration/anvandare', en: 'admin/users' },
  adminOrganisations: { fi: 'hallinta/organisaatiot', sv: 'administration/organisationer', en: 'admin/organisations' },
  adminExpertGroup: { fi: 'hallinta/asiantuntijaryhma', sv: 'administration/expertgrupp', en: 'admin/expert-group' },
  adminStrategy: { fi: 'hallinta/strategia', sv: 'administration/strategi', en: 'admin/strategy' },
  adminGrowthSectors: { fi: 'hallinta/kasvualat', sv: 'administration/tillvaxtbranscher', en: 'admin/growth-sectors' },
  adminChair: { fi: 'hallinta/puheenjohtajuus', sv: 'administration/ordforandeskap', en: 'admin/chair' },
  adminAudit: { fi: 'hallinta/lokitiedot', sv: 'administration/logg', en: 'admin/audit-log' },
  adminEmail: { fi: 'hallinta/sahkopostit', sv: 'administration/e-post', en: 'admin/email' },
  adminApiTokens: { fi: 'hallinta/api-avaimet', sv: 'administration/api-nycklar', en: 'admin/api-tokens' },
  calls: { fi: 'haut', sv: 'utlysningar', en: 'calls' },
  applications: { fi: 'hakemukset', sv: 'ansokningar', en: 'applications' },
  adminCalls: { fi: 'hallinta/haut', sv: 'administration/utlysningar', en: 'admin/calls' },
  reviews: { fi: 'arvioinnit', sv: 'bedomningar', en: 'reviews' },
  projects: { fi: 'hankkeet', sv: 'projekt', en: 'projects' },
  partnerSearch: { fi: 'kumppanihaku', sv: 'partnersok', en: 'partner-search' },
  monitoring: { fi: 'seuranta', sv: 'uppfoljning', en: 'monitoring' },
  openData: { fi: 'avoin-data', sv: 'oppna-data', en: 'open-data' },
  myProjects: { fi: 'omat-hankkeet', sv: 'mina-projekt', en: 'my-projects' },
  adminProjects: { fi: 'hallinta/hankkeet', sv: 'administration/projekt', en: 'admin/projects' },
  adminIndicators: { fi: 'hallinta/indikaattorit', sv: 'administration/indikatorer', en: 'admin/indicators' },
  news: { fi: 'uutiset', sv: 'nyheter', en: 'news' },
  // Feeds, the calendar, the widget and e-mail subscriptions, explained in one place.
  feeds: { fi: 'syotteet', sv: 'floden', en: 'feeds' },
  subscribe: { fi: 'tilaa', sv: 'prenumerera', en: 'subscribe' },
  widget: { fi: 'upotus', sv: 'inbaddning', en: 'embed' },
  accountNotifications: { fi: 'oma-tili/ilmoitukset', sv: 'mitt-konto/aviseringar', en: 'account/notifications' },
  adminNews: { fi: 'hallinta/uutiset', sv: 'administration/nyheter', en: 'admin/news' },
  adminWebhooks: { fi: 'hallinta/webhookit', sv: 'administration/webhooks', en: 'admin/webhooks' },
} as const satisfies Record<string, Record<Locale, string>>;

export type PageId = keyof typeof pageSegments;

/** The address of a page in a language, with further path segments (e.g. a region's slug). */
export function pagePath(locale: Locale, page: PageId, ...rest: string[]): string {
  const segments = [locale, pageSegments[page][locale], ...rest.map((part) => encodeURIComponent(part))].filter((s) => s !== '');
  return `/${segments.join('/')}`;
}

/** The same page in every language. */
export function alternatePaths(page: PageId, ...rest: string[]): Record<Locale, string> {
  return Object.fromEntries(locales.map((l) => [l, pagePath(l, page, ...rest)])) as Record<Locale, string>;
}

/** Which page a route pattern belongs to, e.g. "/sv/landskap/:slug" → regions with suffix "/:slug". */
export function matchPageRoute(pattern: string): { locale: Locale; page: PageId; suffix: string } | null {
  for (const locale of locales) {
    if (pattern === `/${locale}`) return { locale, page: 'home', suffix: '' };
    let best: { page: PageId; length: number } | null = null;
    for (const page of Object.keys(pageSegments) as PageId[]) {
      const segment = pageSegments[page][locale];
      if (segment === '') continue;
      const base = `/${locale}/${segment}`;
      if ((pattern === base || pattern.startsWith(`${base}/`)) && (!best || base.length > best.length)) best = { page, length: base.length };
    }
    if (best) return { locale, page: best.page, suffix: pattern.slice(best.length) };
  }
  return null;
}
