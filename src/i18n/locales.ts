export const locales = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fi';

/** A text in each of the platform's languages. */
export type Localised = Readonly<Record<Locale, string>>;

/** The BCP 47 tags that Intl formats with: Finnish and Swedish as written in Finland. */
export const intlLocale: Readonly<Record<Locale, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Each language's name in itself, for the language switch. */
export const endonym: Localised = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header, by its q-values; Finnish when none fits. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { primary } of ranked) {
    if (isLocale(primary)) return primary;
    if (primary === 'nb' || primary === 'nn' || primary === 'no' || primary === 'da') return 'sv';
  }
  return ranked.some((r) => r.primary === '*') ? defaultLocale : ranked.length > 0 ? 'en' : defaultLocale;
}

/** Reads a column triple such as name_fi, name_sv, name_en from a row as a Localised text. */
export function localisedColumns<P extends string>(
  row: Readonly<Record<`${P}_${Locale}`, string>>,
  prefix: P,
): Localised {
  return { fi: row[`${prefix}_fi`], sv: row[`${prefix}_sv`], en: row[`${prefix}_en`] };
}
