import type { Executor } from '../../db/database.js';
import { documentKeys } from '../../domain/search-terms.js';

/** Weights of the fields a key occurs in: a word of the title counts most. */
export const FIELD_WEIGHTS = { title: 3, summary: 2, context: 1 } as const;

/**
 * Rebuilds one project's keys in the search index: its title, summary, and as context the names
 * of its partner organisations and of its priority in every language. Runs in the caller's
 * transaction, so the index never lags behind the project.
 */
export async function reindexProject(db: Executor, projectId: number): Promise<void> {
  const project = await db
    .selectFrom('projects')
    .leftJoin('priorities', 'priorities.id', 'projects.priority_id')
    .select(['projects.title', 'projects.summary', 'priorities.name_fi', 'priorities.name_sv', 'priorities.name_en'])
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  await db.deleteFrom('project_search_terms').where('project_id', '=', projectId).execute();
  if (!project) return;
  const partners = await db
    .selectFrom('project_partners')
    .innerJoin('organisations', 'organisations.id', 'project_partners.organisation_id')
    .select('organisations.name')
    .where('project_partners.project_id', '=', projectId)
    .execute();
  const context = [project.name_fi, project.name_sv, project.name_en, ...partners.map((p) => p.name)].filter((t): t is string => !!t).join(' ');
  const keys = documentKeys([
    { text: project.title, weight: FIELD_WEIGHTS.title },
    { text: project.summary, weight: FIELD_WEIGHTS.summary },
    { text: context, weight: FIELD_WEIGHTS.context },
  ]);
  const rows = [...keys].map(([term, weight]) => ({ term, project_id: projectId, weight }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('project_search_terms').values(rows.slice(i, i + 200)).execute();
}
