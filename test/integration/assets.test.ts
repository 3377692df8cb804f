import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { testDialects } from '../helpers/dialects.js';

// Static assets do not touch the database, so one dialect is enough.
const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('static assets', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(sqlite);
  });
  after(async () => t?.close());

  it('generates the design tokens and font faces, and answers a repeat request with 304', async () => {
    const res = await t.app.inject('/assets/tokens.css');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /--fi-color-brand-base: hsl\(214, 100%, 24%\);/);
    assert.match(res.body, /--fi-font-family: 'Source Sans 3'/);
    const again = await t.app.inject({ url: '/assets/tokens.css', headers: { 'if-none-match': res.headers.etag as string } });
    assert.equal(again.statusCode, 304);
  });

  it('serves every font file the font faces name from this origin, and no others', async () => {
    const css = (await t.app.inject('/assets/tokens.css')).body;
    const files = [...css.matchAll(/url\((\/assets\/fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    assert.equal(files.length, 6);
    for (const file of files) {
      const res = await t.app.inject(file);
      assert.equal(res.statusCode, 200, file);
      assert.match(res.headers['content-type'] as string, /font\/woff2/);
    }
    assert.equal((await t.app.inject('/assets/fonts/source-sans-3-cyrillic-400-normal.woff2')).statusCode, 404);
    assert.equal((await t.app.inject('/assets/fonts/../package.json')).statusCode, 404);
  });

  it('serves the stylesheet and icon', async () => {
    assert.match((await t.app.inject('/assets/site.css')).headers['content-type'] as string, /text\/css/);
    assert.equal((await t.app.inject('/assets/favicon.svg')).statusCode, 200);
  });
});
