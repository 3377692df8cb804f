import { createRequire } from 'node:module';
import type { Stemmer } from 'snowball-stemmers';

/**
 * The search keys of the project database. A text is cut into words; each word gets the stems of
 * Snowball's Finnish, Swedish and English stemmers (a project's texts and a searcher's query can
 * be in any of the three languages), the Finnish one normalised further for consonant gradation,
 * which Snowball leaves alone (kiertotalous, kiertotalouden, kiertotaloudessa all give one key).
 * Keys are computed here, in the application, and stored: both databases then match plain strings
 * and answer a query identically.
 */

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };
const finnish = snowball.newStemmer('finnish');
const swedish = snowball.newStemmer('swedish');
const english = snowball.newStemmer('english');

/** Longest key stored; longer words are cut (the column is varchar(64)). */
export const MAX_KEY_LENGTH = 60;
/** Words shorter than this are not keys (and, as query words, are ignored). */
export const MIN_WORD_LENGTH = 2;

/** Lower-cased words of letters and digits (a hyphen joins the parts of a compound: "bio-talous" is one word). */
export function words(text: string): string[] {
  return (text.normalize('NFC').toLocaleLowerCase('fi').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .map((w) => w.replaceAll('-', ''))
    .filter((w) => w.length >= MIN_WORD_LENGTH);
}

/**
 * Finnish stems after Snowball, folded over the common consonant-gradation and -us/-ude- pairs:
 * talous/taloude-/taloutt-, tehokkuus/tehokkuude-, rakennus/rakennukse-, tuotanto/tuotanno-.
 * Folding only ever merges keys, and index and query fold alike, so a match is never lost.
 */
export function foldFinnish(stem: string): string {
  let s = stem;
  s = s.replace(/([uy])(?:d|t|ks|kse)$/u, '$1s');
  s = s.replace(/(?:nn|nt)(?=[aeiouyäö]?$)/u, 'n');
  s = s.replace(/(kk|pp|tt|ll|rr|mm|ss)(?=[aeiouyäö]?$)/u, (m) => m[0]!);
  s = s.replace(/[aeiouyäö]$/u, (v) => (s.length > 4 ? '' : v));
  return s;
}

/** The keys of one word: its Finnish (folded), Swedish and English stems, without repeats. */
export function wordKeys(word: string): string[] {
  const keys = new Set([foldFinnish(finnish.stem(word)), swedish.stem(word), english.stem(word)]);
  return [...keys].filter((k) => k.length > 0).map((k) => k.slice(0, MAX_KEY_LENGTH));
}

/** A document's keys with the weight of the weightiest field each occurs in (e.g. title 3, summary 2, partners 1). */
export function documentKeys(fields: readonly { text: string; weight: number }[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (const field of fields) {
    for (const word of words(field.text)) {
      for (const key of wordKeys(word)) keys.set(key, Math.max(keys.get(key) ?? 0, field.weight));
    }
  }
  return keys;
}

/** A query as the key sets of its distinct words: a project matches when it has a key of every word. */
export function queryKeys(query: string, maxWords = 8): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const word of words(query)) {
    if (seen.has(word)) continue;
    seen.add(word);
    result.push(wordKeys(word));
    if (result.length === maxWords) break;
  }
  return result;
}
