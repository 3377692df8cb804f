import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import suomifi from 'suomifi-design-tokens';

const require = createRequire(import.meta.url);
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web');
const fontDir = path.join(path.dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([a-z])(\d)/g, '$1$2').toLowerCase();

interface TypographyValue {
  fontFamily: string;
  fontSize: { value: number | string; unit?: string | null };
  lineHeight: { value: number | string; unit?: string | null };
  fontWeight: number;
}

/** The self-hosted Source Sans 3: these weights and subsets are declared and served, and no others. */
const fontWeights = [400, 600, 700] as const;
const fontSubsets = {
  'latin-ext':
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
} as const;
const fontFile = (subset: string, weight: number) => `source-sans-3-${subset}-${weight}-normal.woff2`;
const servedFonts = new Set(
  fontWeights.flatMap((weight) => Object.keys(fontSubsets).map((subset) => fontFile(subset, weight))),
);

function fontFacesCss(): string {
  return fontWeights
    .flatMap((weight) =>
      Object.entries(fontSubsets).map(
        ([subset, range]) =>
          `@font-face { font-family: 'Source Sans 3'; font-style: normal; font-display: swap; font-weight: ${weight}; ` +
          `src: url(/assets/fonts/${fontFile(subset, weight)}) format('woff2'); unicode-range: ${range}; }`,
      ),
    )
    .join('\n');
}

/**
 * CSS custom properties generated from the Suomi.fi design tokens, so the site follows the package,
 * and the font faces of the self-hosted font.
 */
export function designTokensCss(): string {
  const tokens = suomifi.suomifiDesignTokens;
  const lines: string[] = [];
  for (const [name, value] of Object.entries(tokens.colors)) lines.push(`--fi-color-${kebab(name)}: ${value};`);
  for (const [name, value] of Object.entries(tokens.spacing)) lines.push(`--fi-spacing-${kebab(name)}: ${value};`);
  for (const [name, value] of Object.entries(tokens.radiuses)) lines.push(`--fi-radius-${kebab(name)}: ${value};`);
  const typography = tokens.values.typography as unknown as Record<string, TypographyValue>;
  for (const [name, t] of Object.entries(typography)) {
    const unit = (v: { value: number | string; unit?: string | null }) => `${v.value}${v.unit ?? ''}`;
    lines.push(`--fi-text-${kebab(name)}-size: ${unit(t.fontSize)};`);
    lines.push(`--fi-text-${kebab(name)}-line-height: ${unit(t.lineHeight)};`);
    lines.push(`--fi-text-${kebab(name)}-weight: ${t.fontWeight};`);
  }
  const family = typography.bodyText?.fontFamily ?? "'Source Sans 3', sans-serif";
  lines.push(`--fi-font-family: ${family};`);
  return `/* Generated at start-up from suomifi-design-tokens and @fontsource/source-sans-3. */\n${fontFacesCss()}\n:root {\n  ${lines.join('\n  ')}\n}\n`;
}

/** The application editor's enhancement script (web/js/application-editor.ts), which runs the server's eligibility rules in the browser. */
export const APPLICATION_EDITOR_SCRIPT = '/assets/application-editor.js';

let editorBundle: Promise<{ code: string; etag: string }> | undefined;

/**
 * Bundles the editor's script with esbuild once per process, into memory: TypeScript and the shared
 * pure modules it imports (src/domain/eligibility.ts and the editor's messages) become one file that
 * old browsers can read. A failure stops the start-up with esbuild's message.
 */
export function applicationEditorBundle(): Promise<{ code: string; etag: string }> {
  editorBundle ??= build({
    entryPoints: [path.join(webDir, 'js', 'application-editor.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  }).then((result) => {
    const code = result.outputFiles[0]!.text;
    return { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"` };
  });
  editorBundle.catch(() => {
    editorBundle = undefined;
  });
  return editorBundle;
}

/**
 * Static assets under /assets: the site's CSS and images from web/, the generated design tokens and
 * the self-hosted Source Sans 3 font (no CDN). Cached for a day and revalidated with ETags.
 */
export const assetsPlugin = fp(async (app: FastifyInstance) => {
  const tokensCss = designTokensCss();
  const tokensEtag = `"${createHash('sha256').update(tokensCss).digest('hex').slice(0, 16)}"`;
  app.get('/assets/tokens.css', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    reply.header('etag', tokensEtag).header('cache-control', 'public, max-age=86400');
    if (request.headers['if-none-match'] === tokensEtag) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(tokensCss);
  });
  const editor = await applicationEditorBundle();
  app.get(APPLICATION_EDITOR_SCRIPT, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    reply.header('etag', editor.etag).header('cache-control', 'public, max-age=86400');
    if (request.headers['if-none-match'] === editor.etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(editor.code);
  });
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/assets/',
    maxAge: 86_400_000,
    index: false,
    wildcard: true,
    schemaHide: true,
    // Scripts are served bundled (above), never as their TypeScript sources.
    allowedPath: (pathName) => !pathName.startsWith('/js/'),
  });
  await app.register(fastifyStatic, {
    root: fontDir,
    prefix: '/assets/fonts/',
    decorateReply: false,
    maxAge: 31_536_000_000,
    immutable: true,
    index: false,
    schemaHide: true,
    allowedPath: (pathName) => servedFonts.has(pathName.replace(/^\//, '')),
  });
  app.get('/favicon.ico', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));
  app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send('User-agent: *\nAllow: /\n'),
  );
});
