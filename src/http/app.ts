import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { accessibilityPages } from '../features/accessibility/accessibility.pages.js';
import { adminPages } from '../features/admin/admin.pages.js';
import { authPages } from '../features/auth/auth.pages.js';
import { accountPages } from '../features/account/account.pages.js';
import { notificationPreferencesPages } from '../features/notifications/notification-preferences.pages.js';
import { oidcRoutes } from '../features/auth/oidc.routes.js';
import { apiTokenPages } from '../features/api-tokens/api-tokens.pages.js';
import { meApi } from '../features/me/me.api.js';
import { createMailer, type Mailer } from '../features/mail/mailer.js';
import { createDispatcher, type Dispatcher } from '../jobs/dispatcher.js';
import { outboxHandlers } from '../jobs/outbox-handlers.js';
import { scheduledJobs } from '../jobs/scheduled-jobs.js';
import { createScheduler, type Scheduler } from '../jobs/scheduler.js';
import { apiDocsPages } from '../features/api-docs/api-docs.pages.js';
import { chairApi } from '../features/chair/chair.api.js';
import { expertGroupApi } from '../features/expert-group/expert-group.api.js';
import { expertGroupPages } from '../features/expert-group/expert-group.pages.js';
import { expertGroupAdminPages } from '../features/expert-group/expert-group.admin.pages.js';
import { organisationAdminPages } from '../features/organisations/organisations.admin.pages.js';
import { organisationPages } from '../features/organisations/organisations.pages.js';
import { healthRoutes } from '../features/health/health.routes.js';
import { homePages } from '../features/home/home.pages.js';
import { regionsApi } from '../features/regions/regions.api.js';
import { regionsPages } from '../features/regions/regions.pages.js';
import { chairAdminPages } from '../features/chair/chair.admin.pages.js';
import { growthSectorsAdminPages } from '../features/regions/growth-sectors.admin.pages.js';
import { strategyAdminPages } from '../features/strategy/strategy.admin.pages.js';
import { strategyApi } from '../features/strategy/strategy.api.js';
import { strategyPages } from '../features/strategy/strategy.pages.js';
import { callsAdminPages } from '../features/calls/calls.admin.pages.js';
import { callCriteriaAdminPages } from '../features/calls/call-criteria.admin.pages.js';
import { callInquiryPages } from '../features/calls/call-inquiries.pages.js';
import { callsPages } from '../features/calls/calls.pages.js';
import { callsApi } from '../features/calls/calls.api.js';
import { applicationsPages } from '../features/applications/applications.pages.js';
import { collaborationPages } from '../features/applications/collaboration.pages.js';
import { submissionPages } from '../features/applications/submission.pages.js';
import { assignmentPages } from '../features/reviews/assignments.pages.js';
import { scoringPages } from '../features/reviews/scoring.pages.js';
import { decisionsApi } from '../features/decisions/decisions.api.js';
import { decisionsPublicPages } from '../features/decisions/decisions.public.pages.js';
import { openDataApi } from '../features/open-data/open-data.api.js';
import { openDataPages } from '../features/open-data/open-data.pages.js';
import { monitoringApi } from '../features/monitoring/monitoring.api.js';
import { monitoringPages } from '../features/monitoring/monitoring.pages.js';
import { fundingPages } from '../features/decisions/funding.pages.js';
import { councilDecisionPages } from '../features/decisions/council-decisions.pages.js';
import { projectsAdminPages } from '../features/projects/projects.admin.pages.js';
import { indicatorsAdminPages } from '../features/projects/indicators.admin.pages.js';
import { reportsPages } from '../features/projects/reports.pages.js';
import { projectsApi } from '../features/projects/projects.api.js';
import { projectsPages } from '../features/projects/projects.pages.js';
import { newsApi } from '../features/news/news.api.js';
import { newsPages } from '../features/news/news.pages.js';
import { newsAdminPages } from '../features/news/news.admin.pages.js';
import { feedsRoutes } from '../features/syndication/feeds.routes.js';
import { calendarRoutes } from '../features/syndication/calendar.routes.js';
import { widgetPages } from '../features/syndication/widget.pages.js';
import { feedsPages } from '../features/syndication/feeds.pages.js';
import { partnerSearchPages } from '../features/projects/partner-search.pages.js';
import { stopWhatIfWorker } from '../features/decisions/what-if.pool.js';
import { openApiInfo } from './openapi.js';

/** The largest attachment taken: 10 MiB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A file of a multipart form as the route reads it from the body (see the multipart registration below). */
export interface UploadedFile {
  /** The name the browser sent: never trusted for the type, only shown and offered back on download. */
  filename: string;
  mimetype: string;
  data: Buffer;
  /** The file was longer than MAX_UPLOAD_BYTES and was cut there. */
  truncated: boolean;
}
import { assetsPlugin } from './plugins/assets.js';
import { authPlugin } from './plugins/auth.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { metricsPlugin } from './plugins/metrics.js';
import { rootRoutes } from './root.routes.js';
import { usersAdminPages } from '../features/users/users.admin.pages.js';
import { emailPages } from '../features/mail/email.pages.js';
import { auditPages } from '../features/audit/audit.pages.js';
import { registrationPages } from '../features/auth/invitations.registration.pages.js';
import { invitationPages } from '../features/auth/invitations.pages.js';
import { passwordResetPages } from '../features/auth/password-reset.pages.js';
import { secondFactorPages } from '../features/auth/second-factor.pages.js';
import { subscriptionPages } from '../features/subscriptions/subscriptions.pages.js';
import { webhooksAdminPages } from '../features/webhooks/webhooks.admin.pages.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: DatabaseHandle;
    /** The clock every rule that depends on "now" reads; tests set it. */
    now(): Date;
    /** Sends e-mail over SMTP, or, when no mail server is set, says so (e-mail is then kept in the database). */
    mailer: Mailer;
    /** Delivers the outbox (e-mail, webhooks, event fan-out); routes call dispatch() after a commit that wrote to it. */
    outbox: Dispatcher;
    /** Runs the scheduled jobs (reminders, publication of scheduled news, handover, digests); server.ts starts it. */
    scheduler: Scheduler;
  }
}

export interface AppDependencies {
  database: DatabaseHandle;
  now?: () => Date;
}

const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Builds the application without listening: the server entry point listens, tests call inject().
 * Plugins register in a fixed order: framework and security, then our own cross-cutting plugins,
 * then the feature routes.
 */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.env === 'development' && config.logLevel !== 'silent'
        ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } }
        : { level: config.logLevel },
    trustProxy: config.trustProxy > 0 ? (_address: string, hop: number) => hop < config.trustProxy : false,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', deps.database);
  app.decorate('now', deps.now ?? (() => new Date()));
  const mailer = createMailer(config, deps.database.db);
  app.decorate('mailer', mailer);
  const outbox = createDispatcher({
    db: deps.database.db,
    handlers: outboxHandlers(config, deps.database.db, mailer),
    now: () => app.now(),
    log: (error, row) => app.log.error({ err: error, outboxId: row?.id, kind: row?.kind }, 'outbox delivery failed'),
  });
  app.decorate('outbox', outbox);
  const scheduler = createScheduler({
    db: deps.database.db,
    jobs: scheduledJobs,
    now: () => app.now(),
    context: { config, owner: outbox.owner, deliverMail: mailer.delivers },
    afterTick: () => outbox.dispatch(),
    log: (error, job) => app.log.error({ err: error, job }, 'scheduled job failed'),
  });
  app.decorate('scheduler', scheduler);
  app.addHook('onClose', async () => {
    await scheduler.stop();
    await outbox.stop();
    await mailer.close();
    await stopWhatIfWorker();
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(config.baseUrl.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.baseUrl.startsWith('https:') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  // Application texts are long, and URL-encoded Finnish takes up to six bytes a letter.
  await app.register(formbody, { bodyLimit: 1_048_576 });
  // File uploads (PDF attachments): fields and the one file are read into the body, so the CSRF check sees them.
  // The file arrives as an UploadedFile; one byte over the limit is read so that the page can say the file is too large.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 20, fieldSize: 65_536 },
    async onFile(part) {
      const data = await part.toBuffer();
      const file: UploadedFile = { filename: part.filename, mimetype: part.mimetype, data, truncated: part.file.truncated };
      Object.assign(part, { value: file });
    },
  });
  await app.register(swagger, { openapi: openApiInfo(config), hideUntagged: false });

  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);
  await app.register(metricsPlugin);
  await app.register(assetsPlugin);

  await app.register(healthRoutes);
  await app.register(rootRoutes);
  await app.register(regionsApi, { prefix: '/api/v1' });
  await app.register(strategyApi, { prefix: '/api/v1' });
  await app.register(chairApi, { prefix: '/api/v1' });
  await app.register(expertGroupApi, { prefix: '/api/v1' });
  await app.register(apiDocsPages);
  await app.register(homePages);
  await app.register(strategyPages);
  await app.register(regionsPages);
  await app.register(expertGroupPages);
  await app.register(accessibilityPages);
  await app.register(authPages);
  await app.register(accountPages);
  await app.register(notificationPreferencesPages);
  await app.register(adminPages);
  await app.register(usersAdminPages);
  await app.register(emailPages);
  await app.register(auditPages);
  await app.register(oidcRoutes);
  await app.register(apiTokenPages);
  await app.register(meApi, { prefix: '/api/v1' });
  await app.register(strategyAdminPages);
  await app.register(growthSectorsAdminPages);
  await app.register(chairAdminPages);
  await app.register(organisationPages);
  await app.register(organisationAdminPages);
  await app.register(expertGroupAdminPages);
  await app.register(callsApi, { prefix: '/api/v1' });
  await app.register(callsPages);
  await app.register(callInquiryPages);
  await app.register(callsAdminPages);
  await app.register(callCriteriaAdminPages);
  await app.register(applicationsPages);
  await app.register(collaborationPages);
  await app.register(submissionPages);
  await app.register(assignmentPages);
  await app.register(scoringPages);
  await app.register(decisionsApi, { prefix: '/api/v1' });
  await app.register(decisionsPublicPages);
  await app.register(openDataApi, { prefix: '/api/v1' });
  await app.register(openDataPages);
  await app.register(monitoringApi, { prefix: '/api/v1' });
  await app.register(monitoringPages);
  await app.register(fundingPages);
  await app.register(councilDecisionPages);
  await app.register(projectsAdminPages);
  await app.register(indicatorsAdminPages);
  await app.register(reportsPages);
  await app.register(projectsApi, { prefix: '/api/v1' });
  await app.register(projectsPages);
  await app.register(newsApi, { prefix: '/api/v1' });
  await app.register(newsPages);
  await app.register(newsAdminPages);
  await app.register(feedsRoutes);
  await app.register(calendarRoutes);
  await app.register(widgetPages);
  await app.register(feedsPages);
  await app.register(partnerSearchPages);
  await app.register(secondFactorPages);
  await app.register(passwordResetPages);
  await app.register(invitationPages);
  await app.register(registrationPages);
  await app.register(subscriptionPages);
  await app.register(webhooksAdminPages);

  await app.ready();
  return app;
}
