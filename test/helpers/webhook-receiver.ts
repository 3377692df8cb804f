import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with one request: answer with a status, or keep the caller waiting. */
export type ReceiverAnswer = number | { status: number; delayMs?: number; headers?: Record<string, string>; body?: string };

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers each path by script: the
 * next scripted answer for the path, or 200 when the script has run out.
 */
export interface WebhookReceiver {
  /** The address of a path on this server, e.g. url('/council-11'). */
  url(path: string): string;
  received: ReceivedWebhook[];
  /** Requests to one path, in the order they came. */
  at(path: string): ReceivedWebhook[];
  script(path: string, answers: ReceiverAnswer[]): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, ReceiverAnswer[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = scripts.get(path)?.shift() ?? 200;
      const answer = typeof next === 'number' ? { status: next } : next;
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(answer.status, { 'content-type': 'text/plain', ...(answer.headers ?? {}) });
        response.end(answer.body ?? (answer.status >= 400 ? `refused with ${answer.status}` : 'ok'));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path) => received.filter((r) => r.path === path),
    script: (path, answers) => scripts.set(path, [...answers]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
