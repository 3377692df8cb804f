import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localisedColumns, negotiateLocale } from './locales.js';

describe('language negotiation', () => {
  it('defaults to Finnish without a header', () => {
    assert.equal(negotiateLocale(undefined), 'fi');
  });

  it('honours the order of q-values', () => {
    assert.equal(negotiateLocale('de;q=0.9, sv-FI;q=0.8, fi;q=0.7'), 'sv');
    assert.equal(negotiateLocale('en-US,en;q=0.9,fi;q=0.8'), 'en');
  });

  it('ignores languages refused with q=0', () => {
    assert.equal(negotiateLocale('sv;q=0, en'), 'en');
  });

  it('offers English to a visitor whose languages we do not have, and Swedish to a Norwegian or Dane', () => {
    assert.equal(negotiateLocale('de-DE, fr;q=0.5'), 'en');
    assert.equal(negotiateLocale('nb-NO'), 'sv');
  });

  it('reads a column triple into a localised text', () => {
    assert.deepEqual(localisedColumns({ name_fi: 'Kainuu', name_sv: 'Kajanaland', name_en: 'Kainuu' }, 'name'), {
      fi: 'Kainuu',
      sv: 'Kajanaland',
      en: 'Kainuu',
    });
  });
});
