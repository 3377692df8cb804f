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
 * Finnish stems after Snowball, folded over what Snowball leaves apart: consonant gradation and the
 * stem changes of the common noun types. Folding only ever merges keys, and index and query fold
 * alike, so a match is never lost; a merged pair of unrelated words costs a little precision only.
 *
 * Handled (each with an example of the forms it joins):
 * - -us/-ys nouns: talous/taloude-/taloutt-, tehokkuus/tehokkuude-, rakennus/rakennukse-, yritys/yrityste-;
 * - -nen words: osaaminen/osaamisen, suomalainen/suomalaisen (osaamin- → osaamis);
 * - gradation at the end of the stem: nn/nt (tuotanto/tuotannon), ll/lt (huolto/huollon), rr/rt
 *   (kerta/kerran), mm/mp (kampa/kamman), ng/nk (kenkä/kengän), d/t (vety/vedyn, pöytä/pöydän,
 *   tiede/tieteen, lähde/lähteen), v/p (lupa/luvan), and double consonants (kk/k, pp/p, tt/t);
 * - up to two vowels at the end of a longer stem (teknologia/teknologian, digitalisaatio).
 * Not handled: gradation inside the stem of a longer word (puhdas/puhtaat: puhd-/puht-), k that
 * vanishes or turns to v (kyky/kyvyn, luku/luvun), the t/s/d alternation (vesi/veden/vettä,
 * käsi/käden), and words that Snowball itself over-cuts (alusta → alu, but alustan → alust).
 */
const foldRules: ReadonlyArray<[RegExp, string]> = [
  [/([uy])(?:d|t|ks|kse|st)$/u, '$1s'],
  [/^(\p{L}{3,})in$/u, '$1is'],
  // Gradation at the end of the stem: before at most one vowel.
  [/(?:nn|nt)(?=[aeiouyäö]?$)/u, 'n'],
  [/(?:ll|lt)(?=[aeiouyäö]?$)/u, 'l'],
  [/(?:rr|rt)(?=[aeiouyäö]?$)/u, 'r'],
  [/(?:mm|mp)(?=[aeiouyäö]?$)/u, 'm'],
  [/ng(?=[aeiouyäö]?$)/u, 'nk'],
  [/(k|p|t|s)\1(?=[aeiouyäö]?$)/u, '$1'],
  [/([aeiouyäöhlrn])d(?=[aeiouyäö]?$)/u, '$1t'],
  [/([aeiouyäö])v(?=[aeiouyäö]?$)/u, '$1p'],
];

export function foldFinnish(stem: string): string {
  let s = stem;
  for (const [pattern, replacement] of foldRules) s = s.replace(pattern, replacement);
  for (let i = 0; i < 2 && s.length > 4 && /[aeiouyäö]$/u.test(s); i++) s = s.slice(0, -1);
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
