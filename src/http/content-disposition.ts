/**
 * A file name in a Content-Disposition header for a download: an ASCII fallback for old clients and
 * the name itself in UTF-8 (RFC 6266 / RFC 8187).
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7E]/g, '').replace(/["\\;]/g, '_').trim() || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
