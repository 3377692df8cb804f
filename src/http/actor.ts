import type { FastifyRequest } from 'fastify';
import type { Actor } from '../features/audit/audit.repository.js';

/** The audit log's view of who sent a request. */
export function requestActor(request: FastifyRequest): Actor {
  const p = request.principal;
  if (p) return { userId: p.userId, label: p.via === 'token' ? 'token' : 'user', ip: request.ip };
  if (request.session) return { userId: request.session.userId, label: 'user', ip: request.ip };
  return { userId: null, label: 'anonymous', ip: request.ip };
}
