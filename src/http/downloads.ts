import type { FastifyReply } from 'fastify';

/**
 * A file name in a Content-Disposition header for a download: an ASCII fallback for old clients
 * (accents dropped, anything else outside ASCII and the header's own delimiters as "_") and the name
 * itself in UTF-8 (RFC 6266, RFC 5987).
 */
export function attachmentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/[\\"%;]/g, '_')
      .trim() || 'download';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file that only its rightful readers may fetch (an attachment, a decision letter): as
 * a download, never cached by shared caches, never sniffed into another type, and sandboxed should a
 * browser open it anyway.
 */
export function sendPrivateFile(reply: FastifyReply, file: { filename: string; contentType: string; content: Uint8Array }): FastifyReply {
  return reply
    .code(200)
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.filename))
    .header('content-length', String(file.content.length))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(Buffer.from(file.content));
}
