import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemSchema } from '../../http/schemas.js';

const MeSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String({ format: 'email' }),
  roles: Type.Array(Type.Object({ role: Type.String(), regionCode: Type.Union([Type.String(), Type.Null()]) })),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')], { description: 'token: an API token; session: a signed-in browser' }),
  scopes: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'The scopes of the API token; null for a signed-in session, which may do whatever the roles allow',
  }),
});

/** Who is calling: lets an integrator check a token and what it may do before relying on it. */
export const meApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me',
    {
      config: { access: 'readOwnAccount' },
      schema: {
        security: [{ bearerAuth: [] }],
        tags: ['account'],
        summary: 'The user an API token acts for, with its roles and the token’s scopes',
        description: 'Send an API token as `Authorization: Bearer s3e_…`; a token needs the read scope.',
        response: { 200: MeSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request, reply) => {
      const p = request.principal!;
      reply.header('cache-control', 'private, no-store');
      return {
        id: p.userId,
        name: p.name,
        email: p.email,
        roles: p.roles.map((r) => ({ role: r.role, regionCode: r.regionCode })),
        via: p.via,
        scopes: p.scopes === null ? null : [...p.scopes],
      };
    },
  );
};
