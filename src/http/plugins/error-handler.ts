import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { h } from 'preact';
import { isUniqueViolation } from '../../db/errors.js';
import { ErrorPage } from '../../views/error-page.js';
import { AppError, problemDetails, type ErrorCode, type FieldError } from '../errors.js';
import { pageContext, renderDocument, requestLocale } from '../render.js';

/** HTML for browsers on pages; problem+json for the API and for clients that did not ask for HTML. */
function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

/** Turns whatever was thrown into a catalogued AppError; anything unknown becomes INTERNAL_ERROR. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as Partial<FastifyError> & { validation?: Array<{ instancePath?: string; message?: string; params?: Record<string, unknown> }>; validationContext?: string };
  if (e.validation) {
    const fieldErrors: FieldError[] = e.validation.map((v) => {
      const missing = v.params?.missingProperty;
      const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const field = typeof missing === 'string' ? (path ? `${path}.${missing}` : missing) : path || (e.validationContext ?? 'request');
      return { field, message: `${e.validationContext ?? 'request'} ${field}: ${v.message ?? 'is not valid'}` };
    });
    return new AppError('VALIDATION_FAILED', fieldErrors.map((f) => f.message).join('; '), fieldErrors);
  }
  if (e.code && fastifyCodes[e.code]) return new AppError(fastifyCodes[e.code]!, e.message);
  if (isUniqueViolation(error)) return new AppError('CONFLICT', 'Someone saved the same value at the same moment');
  if (e.statusCode === 400 || e.code === 'FST_ERR_BAD_URL') return new AppError('BAD_REQUEST', e.message);
  if (e.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (e.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (e.statusCode === 429) return new AppError('TOO_MANY_REQUESTS');
  return new AppError('INTERNAL_ERROR');
}

export function sendError(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, error: AppError) {
  reply.status(error.status);
  if (error.status >= 500) reply.header('cache-control', 'no-store');
  if (wantsHtml(request)) {
    const ctx = pageContext(request, requestLocale(request));
    return reply
      .type('text/html; charset=utf-8')
      .send(renderDocument(h(ErrorPage, { ctx, status: error.status, code: error.code, requestId: request.id })));
  }
  return reply
    .type('application/problem+json; charset=utf-8')
    .send(problemDetails(error, app.config.baseUrl, { instance: request.url, requestId: request.id }));
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, detail: appError.detail }, 'request refused');
    return sendError(app, request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(app, request, reply, new AppError('NOT_FOUND')));
});
