import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches } from '../open-data/open-data.files.js';

/**
 * How the feeds, the calendar and the widget's snippet are sent: a strong ETag of the bytes (the
 * same data gives the same bytes on every instance, as nothing in them depends on the clock), the
 * time of the newest change as Last-Modified, five minutes in shared caches, readable from any origin.
 */
export const SYNDICATION_CACHE = 'public, max-age=300';

export function bodyEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether the client's copy is current: If-None-Match when sent (RFC 9110 §13.2.2), else If-Modified-Since. */
function notModified(request: FastifyRequest, etag: string, lastModified: Date | undefined): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  const since = request.headers['if-modified-since'];
  if (since === undefined || lastModified === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

export function sendSyndicated(
  request: FastifyRequest,
  reply: FastifyReply,
  content: { body: string; contentType: string; lastModified?: Date | undefined },
): FastifyReply {
  const etag = bodyEtag(content.body);
  reply
    .header('etag', etag)
    .header('cache-control', SYNDICATION_CACHE)
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'ETag, Last-Modified');
  if (content.lastModified !== undefined) reply.header('last-modified', content.lastModified.toUTCString());
  if (notModified(request, etag, content.lastModified)) return reply.code(304).send();
  return reply.code(200).header('content-type', content.contentType).send(Buffer.from(content.body, 'utf8'));
}

/** The newest of the given ISO times, or undefined for none. */
export function newest(times: readonly string[]): Date | undefined {
  let best: string | undefined;
  for (const t of times) if (best === undefined || t > best) best = t;
  return best === undefined ? undefined : new Date(best);
}
