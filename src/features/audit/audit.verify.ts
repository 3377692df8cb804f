import type { Executor } from '../../db/database.js';
import { verifyAuditChain, type ChainVerdict } from './audit.repository.js';

export interface VerifyReport {
  verdict: ChainVerdict;
  /** What an operator reads: one line naming the result, and the entry where the chain breaks. */
  message: string;
}

/**
 * Verifies the audit chain and names the first broken entry by number, time and action. A removed
 * entry is named by the number that is missing and the entry where the chain picks up again.
 */
export async function verifyAuditLog(db: Executor): Promise<VerifyReport> {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) return { verdict, message: `Audit log intact: ${verdict.entries} entries, last hash ${verdict.lastHash}.` };
  const at = await db.selectFrom('audit_log').select(['seq', 'at', 'action']).where('seq', '>=', verdict.seq).orderBy('seq').limit(1).executeTakeFirst();
  const where = at ? `entry ${at.seq} (${at.at}, ${at.action})` : 'the end of the log';
  const message =
    verdict.problem === 'altered'
      ? `Audit log altered: entry ${verdict.seq} (${at?.at ?? '?'}, ${at?.action ?? '?'}) does not match its hash. ${verdict.entries} entries before it are intact.`
      : at && at.seq === verdict.seq
        ? `Audit log broken: an entry before ${where} was removed or replaced; it does not link to the entry before it. ${verdict.entries} entries before it are intact.`
        : `Audit log broken: entry ${verdict.seq} was removed; the chain resumes at ${where}. ${verdict.entries} entries before it are intact.`;
  return { verdict, message };
}
