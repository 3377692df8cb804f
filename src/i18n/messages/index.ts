import type { Locale } from '../locales.js';
import { en } from './en.js';
import { fi, type Messages } from './fi.js';
import { sv } from './sv.js';

export type { Messages };

const catalogues: Readonly<Record<Locale, Messages>> = { fi, sv, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}
