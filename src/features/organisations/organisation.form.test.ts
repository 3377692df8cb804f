import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../i18n/messages/index.js';
import { businessIdError, readOrganisationForm, validateOrganisation } from './organisation.form.js';
import { organisationMessages } from './organisations.messages.js';

const fi = organisationMessages.fi;
const regions = ['11', '17'];

describe('the organisation form', () => {
  it('says what is wrong with a business ID: missing, badly written, or the check digit, naming the right one', () => {
    assert.equal(businessIdError('  ', fi), 'Kirjoita Y-tunnus.');
    assert.match(businessIdError('123-45', fi)!, /muodossa 1234567-8/);
    assert.match(businessIdError('0737546-3', fi)!, /Numeroiden 0737546 tarkistusnumero on 2 \(0737546-2\)/);
    assert.match(businessIdError('737546-3', fi)!, /0737546-2/);
    assert.equal(businessIdError('0737546-2', fi), null);
  });

  it('names the business ID that no valid ID can start with (remainder 1)', () => {
    // 0000030: 4·3 = 12, remainder 1, a check digit that is never issued.
    assert.match(businessIdError('0000030-0', fi)!, /Numeroilla 0000030 ei voi olla Y-tunnusta/);
  });

  it('normalises the ID and the name, and checks type and region against the lists', () => {
    const t = messages('fi');
    const ok = validateOrganisation(readOrganisationForm({ businessId: '0737546 2', name: '  Oy   Esimerkki  Ab ', orgType: 'company', regionCode: '17' }), t, fi, regions);
    assert.deepEqual(ok, { ok: true, value: { businessId: '0737546-2', name: 'Oy Esimerkki Ab', orgType: 'company', regionCode: '17' } });
    const bad = validateOrganisation(readOrganisationForm({ businessId: '0737546-2', name: 'x', orgType: 'castle', regionCode: '01' }), t, fi, regions);
    assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.field), ['orgType', 'regionCode']);
  });

  it('leaves the business ID out when the form may not change it', () => {
    const result = validateOrganisation(readOrganisationForm({ name: 'Nimi', orgType: 'other', regionCode: '11' }), messages('fi'), fi, regions, false);
    assert.equal(result.ok, true);
  });
});
