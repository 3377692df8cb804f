import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalisedSchema, PUBLIC_CACHE, collection } from '../../http/schemas.js';
import { listRegions } from '../regions/regions.repository.js';
import { listExpertGroupMembers } from './expert-group.repository.js';

const MemberSchema = Type.Object({
  name: Type.String(),
  title: LocalisedSchema,
  organisation: Type.String(),
  email: Type.String({ format: 'email' }),
  phone: Type.Union([Type.String(), Type.Null()]),
  region: Type.Object({ code: Type.String(), name: LocalisedSchema }),
  demo: Type.Boolean({ description: 'true for a fictional person of the demo dataset' }),
});

export const expertGroupApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/expert-group',
    { config: { access: 'public' },
      schema: {
        tags: ['expert-group'],
        summary: 'The expert group members with their public contact details, by region',
        response: { 200: collection(MemberSchema) },
      },
    },
    async (_request, reply) => {
      const [members, regions] = await Promise.all([listExpertGroupMembers(app.database.db), listRegions(app.database.db)]);
      const regionByCode = new Map(regions.map((r) => [r.code, r]));
      reply.header('cache-control', PUBLIC_CACHE);
      return {
        items: members.map((m) => ({
          name: m.name,
          title: m.title,
          organisation: m.organisation,
          email: m.email,
          phone: m.phone,
          region: { code: m.regionCode, name: regionByCode.get(m.regionCode)!.name },
          demo: m.isDemo,
        })),
      };
    },
  );
};
