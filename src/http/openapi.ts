import type { Config } from '../config.js';

export function openApiInfo(config: Config) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'S3 East and North Finland – public API',
      version: '1.0.0',
      description:
        'Open data of the joint smart specialisation strategy of the seven regional councils of East and North Finland: regions, strategy versions and their priorities, the chair region of each year and the expert group. Names are given in Finnish, Swedish and English as { "fi", "sv", "en" }. Collections answer { "items": [...] }. Errors are RFC 9457 problem details with a stable code.',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: config.baseUrl }],
    tags: [
      { name: 'regions', description: 'The seven regions and their councils' },
      { name: 'strategy', description: 'Strategy versions and their priorities' },
      { name: 'calls', description: 'Joint funding calls, and the public details of the applications submitted to them' },
      { name: 'projects', description: 'Funded projects: search by words in Finnish, Swedish or English with filters, and each project with its partners, grants and reported indicators' },
      { name: 'news', description: 'Published news of the joint calls and the strategy, in Finnish, Swedish and English, tagged by region, priority and call' },
      { name: 'syndication', description: 'Feeds of calls and news (Atom, RSS, JSON Feed) and the calls’ timetable as an iCalendar, by language, region and priority' },
      { name: 'statistics', description: 'Monitoring figures of the strategy: funding by priority, council, year, call and instrument; cooperation between regions; indicators against targets' },
      { name: 'open-data', description: 'Calls, decisions, projects and indicator values as CSV, XLSX and JSON files (CC BY 4.0)' },
      { name: 'chair', description: 'The yearly rotating chair region' },
      { name: 'expert-group', description: 'The expert group and its public contacts' },
      { name: 'account', description: 'Who an API token acts for' },
      { name: 'health', description: 'Liveness and readiness of the service' },
    ],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http' as const,
          scheme: 'bearer',
          description:
            'An API token (s3e_…) made by an administrator: shown once, scoped (read, write:<action>, metrics), expiring and revocable. Changes through the API need a token; a browser session is not accepted for them.',
        },
      },
    },
  };
}
