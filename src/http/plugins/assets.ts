import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
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

/** CSS custom properties generated from the Suomi.fi design tokens, so the site follows the package. */
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
  return `/* Generated from suomifi-design-tokens at start-up. */\n:root {\n  ${lines.join('\n  ')}\n}\n`;
}

/**
 * Static assets under /assets: the site's CSS and images from web/, the generated design tokens and
 * the self-hosted Source Sans 3 font (no CDN). Cached for a day and revalidated with ETags.
 */
export const assetsPlugin = fp(async (app: FastifyInstance) => {
  const tokensCss = designTokensCss();
  const tokensEtag = `"${createHash('sha256').update(tokensCss).digest('hex').slice(0, 16)}"`;
  app.get('/assets/tokens.css', { schema: { hide: true } }, async (request, reply) => {
    reply.header('etag', tokensEtag).header('cache-control', 'public, max-age=86400');
    if (request.headers['if-none-match'] === tokensEtag) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(tokensCss);
  });
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/assets/',
    maxAge: 86_400_000,
    index: false,
    wildcard: true,
    schemaHide: true,
  });
  await app.register(fastifyStatic, {
    root: fontDir,
    prefix: '/assets/fonts/',
    decorateReply: false,
    maxAge: 31_536_000_000,
    immutable: true,
    index: false,
    schemaHide: true,
    allowedPath: (pathName) => /^\/?source-sans-3-latin(-ext)?-(400|600|700)-normal\.woff2$/.test(pathName),
  });
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/assets/favicon.svg', 301));
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send('User-agent: *\nAllow: /\n'),
  );
});
