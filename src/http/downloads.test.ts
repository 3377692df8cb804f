import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentDisposition } from './downloads.js';

describe('download file names', () => {
  it('gives an ASCII fallback without accents and the UTF-8 name in Content-Disposition', () => {
    assert.equal(
      attachmentDisposition('Hankesuunnitelma äö.pdf'),
      `attachment; filename="Hankesuunnitelma ao.pdf"; filename*=UTF-8''Hankesuunnitelma%20%C3%A4%C3%B6.pdf`,
    );
    assert.equal(attachmentDisposition('Sitoumus – Kainuu.pdf'), `attachment; filename="Sitoumus _ Kainuu.pdf"; filename*=UTF-8''Sitoumus%20%E2%80%93%20Kainuu.pdf`);
  });

  it('cannot be broken out of: quotes, semicolons and percent signs never reach the fallback, and RFC 5987 reserved characters are encoded', () => {
    assert.equal(attachmentDisposition('x";y%(1).pdf'), `attachment; filename="x__y_(1).pdf"; filename*=UTF-8''x%22%3By%25%281%29.pdf`);
    assert.equal(attachmentDisposition('ääö'), `attachment; filename="aao"; filename*=UTF-8''%C3%A4%C3%A4%C3%B6`);
    assert.equal(attachmentDisposition('€'), `attachment; filename="_"; filename*=UTF-8''%E2%82%AC`);
  });
});
