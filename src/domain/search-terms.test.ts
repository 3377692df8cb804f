import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentKeys, foldFinnish, MAX_KEY_LENGTH, queryKeys, wordKeys, words } from './search-terms.js';

/** Whether two words share a search key, i.e. a search for one finds a text with the other. */
const sharesKey = (a: string, b: string) => wordKeys(a).some((k) => wordKeys(b).includes(k));

describe('words', () => {
  it('lower-cases, keeps letters and digits, joins hyphenated compounds and drops one-letter words', () => {
    assert.deepEqual(words('Kiertotalous ja BIO-talous: 5G-verkot, Åbo Akademi, ö!'), ['kiertotalous', 'ja', 'biotalous', '5gverkot', 'åbo', 'akademi']);
  });

  it('treats composed and decomposed letters alike', () => {
    assert.deepEqual(words('Sa\u0308hko\u0308'), ['sähkö']);
  });

  it('gives nothing for punctuation only', () => {
    assert.deepEqual(words(' – , . ! '), []);
  });
});

describe('foldFinnish', () => {
  it('joins the stems of -us/-ys nouns', () => {
    assert.equal(foldFinnish('kiertotaloud'), 'kiertotalous');
    assert.equal(foldFinnish('kiertotalout'), 'kiertotalous');
    assert.equal(foldFinnish('rakennuks'), 'rakennus');
    assert.equal(foldFinnish('yrityst'), 'yritys');
  });

  it('joins the strong and weak grade at the end of a stem', () => {
    assert.equal(foldFinnish('palvelutuotanto'), foldFinnish('palvelutuotano'));
    assert.equal(foldFinnish('vedy'), 'vety');
    assert.equal(foldFinnish('terveydenhuolo'), foldFinnish('terveydenhuolto'));
    assert.equal(foldFinnish('keng'), 'kenk');
  });

  it('joins -nen words with their -se- stem', () => {
    assert.equal(foldFinnish('osaamin'), 'osaamis');
  });

  it('drops up to two final vowels of a longer stem, never from a short one', () => {
    assert.equal(foldFinnish('teknologia'), 'teknolog');
    assert.equal(foldFinnish('vety'), 'vety');
    assert.equal(foldFinnish('alue'), 'alue');
  });
});

describe('wordKeys', () => {
  it('kiertotaloudessa, kiertotalouden and kiertotaloutta all share a key with kiertotalous', () => {
    for (const form of ['kiertotaloudessa', 'kiertotalouden', 'kiertotaloutta']) {
      assert.ok(wordKeys(form).includes('kiertotalous'), form);
      assert.ok(sharesKey(form, 'kiertotalous'), form);
    }
  });

  const finnishPairs: Array<[string, string]> = [
    ['yliopistossa', 'yliopisto'],
    ['energiatehokkuuden', 'energiatehokkuus'],
    ['palvelutuotannossa', 'palvelutuotanto'],
    ['rakennuksen', 'rakennus'],
    ['digitalisaation', 'digitalisaatio'],
    ['akkumateriaalien', 'akkumateriaali'],
    ['vedyn', 'vety'],
    ['vetyä', 'vety'],
    ['osaamisen', 'osaaminen'],
    ['yritysten', 'yritys'],
    ['yrityksille', 'yritys'],
    ['metsäteollisuuden', 'metsäteollisuus'],
    ['biotalouden', 'biotalous'],
    ['innovaatioiden', 'innovaatio'],
    ['tutkimuksen', 'tutkimus'],
    ['hankkeessa', 'hanke'],
    ['teknologian', 'teknologia'],
    ['kehittämisen', 'kehittäminen'],
    ['verkostojen', 'verkosto'],
    ['elintarvikkeiden', 'elintarvike'],
    ['kaupungin', 'kaupunki'],
    ['terveydenhuollon', 'terveydenhuolto'],
    ['tieteen', 'tiede'],
    ['luvan', 'lupa'],
    ['yhteistyössä', 'yhteistyö'],
    ['vähähiilisyyden', 'vähähiilisyys'],
    ['luonnon', 'luonto'],
    ['koulutuksen', 'koulutus'],
    ['maakunnissa', 'maakunta'],
    ['kansainvälisen', 'kansainvälinen'],
    ['robotiikan', 'robotiikka'],
    ['tekoälyä', 'tekoäly'],
  ];
  for (const [inflected, base] of finnishPairs) {
    it(`Finnish: ${inflected} finds ${base} and back`, () => {
      assert.ok(sharesKey(inflected, base));
      assert.ok(sharesKey(base, inflected));
    });
  }

  const otherPairs: Array<[string, string]> = [
    ['cirkulära', 'cirkulär'],
    ['ekonomin', 'ekonomi'],
    ['innovationer', 'innovation'],
    ['hållbara', 'hållbar'],
    ['economies', 'economy'],
    ['innovations', 'innovation'],
    ['batteries', 'battery'],
  ];
  for (const [inflected, base] of otherPairs) {
    it(`Swedish and English: ${inflected} finds ${base}`, () => assert.ok(sharesKey(inflected, base)));
  }

  // Known limits (documented at foldFinnish): gradation inside the stem, k ~ v / k ~ ∅, and t ~ s ~ d.
  for (const [a, b] of [['puhtaat', 'puhdas'], ['kilpailukyvyn', 'kilpailukyky'], ['veden', 'vesi']] as const) {
    it(`not handled: ${a} does not find ${b}`, () => assert.equal(sharesKey(a, b), false));
  }

  it('does not join unrelated words', () => {
    assert.equal(sharesKey('kiertotalous', 'biotalous'), false);
    assert.equal(sharesKey('vety', 'vesi'), false);
    assert.equal(sharesKey('matkailu', 'metsä'), false);
  });

  it('gives each key once and cuts a long word to the column', () => {
    const keys = wordKeys('energiatehokkuus');
    assert.deepEqual(keys, ['energiatehokkuus']);
    const long = 'a'.repeat(100);
    assert.ok(wordKeys(long).every((k) => k.length <= MAX_KEY_LENGTH));
  });
});

describe('documentKeys', () => {
  it('keeps the weight of the weightiest field a key occurs in', () => {
    const keys = documentKeys([
      { text: 'Kiertotalous', weight: 3 },
      { text: 'Kiertotaloudessa ja vedyssä', weight: 2 },
      { text: 'vety', weight: 1 },
    ]);
    assert.equal(keys.get('kiertotalous'), 3);
    assert.equal(keys.get('vety'), 2);
  });
});

describe('queryKeys', () => {
  it('gives the keys of each distinct word, in order, up to the limit', () => {
    const q = queryKeys('Kiertotaloudessa vety kiertotaloudessa');
    assert.equal(q.length, 2);
    assert.ok(q[0]!.includes('kiertotalous'));
    assert.ok(q[1]!.includes('vety'));
    assert.equal(queryKeys('a b c d e f g h i j k l m n o p q r s t u v x y', 8).length, 0);
    assert.equal(queryKeys('aa bb cc dd ee ff gg hh ii jj', 8).length, 8);
  });

  it('gives nothing for an empty or one-letter query', () => {
    assert.deepEqual(queryKeys(''), []);
    assert.deepEqual(queryKeys('a – b'), []);
  });
});
