import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { countOutbox, oldestPendingOutbox } from '../../jobs/outbox.repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

/**
 * Prometheus metrics: a request counter and a latency histogram labelled by route template (not by
 * raw URL, which would let a crawler create unbounded series), plus the process metrics. One
 * registry per app instance, so tests can build many apps in one process.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The outbox as operators watch it: a growing pending count or an old pending row means deliveries are stuck.
  new Gauge({
    name: 's3_outbox_rows',
    help: 'Outbox rows by kind (email, webhook, event) and status (pending, delivered, failed)',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      const counts = await countOutbox(app.database.db);
      for (const [kind, byStatus] of Object.entries(counts)) {
        for (const [status, n] of Object.entries(byStatus)) this.set({ kind, status }, n);
      }
    },
  });
  new Gauge({
    name: 's3_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row that is due and not yet delivered (0 when none)',
    registers: [registry],
    async collect() {
      const oldest = await oldestPendingOutbox(app.database.db, app.now());
      this.set(oldest === null ? 0 : Math.max(0, (app.now().getTime() - Date.parse(oldest)) / 1000));
    },
  });
  app.decorate('metrics', registry);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { access: 'readMetrics' }, schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', registry.contentType).header('cache-control', 'no-store');
    return registry.metrics();
  });
});
