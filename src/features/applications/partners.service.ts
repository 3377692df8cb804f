import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { OrganisationType } from '../../db/schema.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { auditView, findOrganisationByBusinessId, insertOrganisation, type Organisation } from '../organisations/organisations.repository.js';
import { costFieldsOf, type PartnerInput } from './applications.form.js';
import { listPartners, type ApplicationPartner } from './applications.repository.js';
import { editState, savedBy, type EditRefusal, type SaveResult } from './applications.service.js';

/**
 * The partners of an application: adding one by business ID (registering the organisation when it
 * is not yet in the service), removing one, and saving a partner's part (details, costs, financing)
 * under the same guards as the general part: the call open, the application a draft, and the part
 * still at the version the editor loaded.
 */

export interface AddPartnerInput {
  /** A valid business ID, as parseBusinessId writes it. */
  businessId: string;
  /** The region where it works in the project; null for its home region. */
  regionCode: string | null;
  /** The organisation to register when none has the business ID yet. */
  newOrganisation: { name: string; orgType: OrganisationType; regionCode: string } | null;
}

export type AddPartnerResult =
  | { ok: true; partnerId: number; organisation: Organisation; created: boolean }
  | { ok: false; reason: 'unknown-organisation' }
  | { ok: false; reason: 'already-partner'; organisation: Organisation }
  | { ok: false; refused: EditRefusal };

async function addOnce(db: Db, actor: Actor, applicationId: number, input: AddPartnerInput, now: Date): Promise<AddPartnerResult> {
  return db.transaction().execute(async (trx): Promise<AddPartnerResult> => {
    const state = await editState(trx, applicationId, now);
    if (state.refusal) return { ok: false, refused: state.refusal };
    let organisation = await findOrganisationByBusinessId(trx, input.businessId);
    let created = false;
    if (!organisation) {
      if (!input.newOrganisation) return { ok: false, reason: 'unknown-organisation' };
      organisation = await insertOrganisation(trx, { businessId: input.businessId, ...input.newOrganisation }, now);
      created = true;
      await appendAudit(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: organisation.id, after: auditView(organisation) }, now);
    }
    const existing = await trx
      .selectFrom('application_partners')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirst();
    if (existing) return { ok: false, reason: 'already-partner', organisation };
    const last = await trx
      .selectFrom('application_partners')
      .select((eb) => eb.fn.max('sort_order').as('n'))
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    const at = now.toISOString();
    const regionCode = input.regionCode ?? organisation.regionCode;
    const { id } = await trx
      .insertInto('application_partners')
      .values({
        application_id: applicationId,
        organisation_id: organisation.id,
        is_lead: 0,
        region_code: regionCode,
        unit: '',
        role_description: '',
        contact_name: '',
        contact_email: '',
        sort_order: Number(last?.n ?? 0) + 1,
        created_at: at,
        updated_at: at,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: 'application.partner-added', entityType: 'application', entityId: applicationId, after: { partnerId: id, organisationId: organisation.id, regionCode } },
      now,
    );
    return { ok: true, partnerId: id, organisation, created };
  });
}

/**
 * Adds a partner. Two people adding the same organisation (or registering the same business ID) at
 * once both pass the look-ups; a unique index stops the second, who is then answered as if they had
 * come a moment later.
 */
export async function addPartner(db: Db, actor: Actor, applicationId: number, input: AddPartnerInput, now: Date): Promise<AddPartnerResult> {
  try {
    return await addOnce(db, actor, applicationId, input, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return addOnce(db, actor, applicationId, input, now);
  }
}

export type RemovePartnerResult =
  | { ok: true; name: string }
  | { ok: false; reason: 'not-found' | 'lead' }
  | { ok: false; refused: EditRefusal };

/** Removes a partner (never the lead) with its part: costs and invitations go with it. */
export async function removePartner(db: Db, actor: Actor, applicationId: number, partnerId: number, now: Date): Promise<RemovePartnerResult> {
  return db.transaction().execute(async (trx): Promise<RemovePartnerResult> => {
    const state = await editState(trx, applicationId, now);
    if (state.refusal) return { ok: false, refused: state.refusal };
    const partner = await trx
      .selectFrom('application_partners as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.is_lead', 'p.organisation_id', 'p.region_code', 'o.name'])
      .where('p.id', '=', partnerId)
      .where('p.application_id', '=', applicationId)
      .executeTakeFirst();
    if (!partner) return { ok: false, reason: 'not-found' };
    if (partner.is_lead === 1) return { ok: false, reason: 'lead' };
    await trx.deleteFrom('application_partners').where('id', '=', partnerId).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'application.partner-removed',
        entityType: 'application',
        entityId: applicationId,
        before: { partnerId, organisationId: partner.organisation_id, regionCode: partner.region_code },
      },
      now,
    );
    return { ok: true, name: partner.name };
  });
}

/** A stored partner's part in the shape the form and the save take. */
export function partnerValuesOf(p: ApplicationPartner): PartnerInput {
  return {
    unit: p.unit,
    roleDescription: p.roleDescription,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    costs: p.costs,
    requestedCents: p.requestedCents,
    ownFundingCents: p.ownFundingCents,
    otherPublicCents: p.otherPublicCents,
  };
}

/**
 * Saves a partner's part if it is still at `expectedVersion`; otherwise returns what is stored now
 * and who saved it, and saves nothing. Only the cost categories of the call's cost model are kept.
 */
export async function savePartnerPart(
  db: Db,
  actor: Actor,
  applicationId: number,
  partnerId: number,
  expectedVersion: number,
  input: PartnerInput,
  now: Date,
): Promise<SaveResult<PartnerInput> | { ok: false; reason: 'not-found' }> {
  return db.transaction().execute(async (trx): Promise<SaveResult<PartnerInput> | { ok: false; reason: 'not-found' }> => {
    const state = await editState(trx, applicationId, now);
    if (state.refusal) return { ok: false, refused: state.refusal };
    // Touching the application row makes a submission at the same moment wait for this save (or this save for it).
    const draft = await trx
      .updateTable('applications')
      .set((eb) => ({ status: eb.ref('status') }))
      .where('id', '=', applicationId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(draft.numUpdatedRows) === 0) {
      const status = (await trx.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status;
      return { ok: false, refused: { code: 'APPLICATION_STATE', status, closesAt: state.call!.closesAt } };
    }
    const at = now.toISOString();
    const updated = await trx
      .updateTable('application_partners')
      .set((eb) => ({
        unit: input.unit,
        role_description: input.roleDescription,
        contact_name: input.contactName,
        contact_email: input.contactEmail,
        requested_cents: input.requestedCents,
        own_funding_cents: input.ownFundingCents,
        other_public_cents: input.otherPublicCents,
        version: eb('version', '+', 1),
        updated_at: at,
        updated_by: actor.userId,
      }))
      .where('id', '=', partnerId)
      .where('application_id', '=', applicationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const current = (await listPartners(trx, applicationId)).find((p) => p.id === partnerId);
      if (!current) return { ok: false, reason: 'not-found' };
      return {
        ok: false,
        conflict: { current: partnerValuesOf(current), version: current.version, savedBy: await savedBy(trx, current.updatedBy, current.updatedAt), savedAt: current.updatedAt },
      };
    }
    await trx.deleteFrom('application_partner_costs').where('partner_id', '=', partnerId).execute();
    const costs = costFieldsOf(state.call!.costModel)
      .filter((c) => input.costs[c] !== undefined)
      .map((category) => ({ partner_id: partnerId, category, amount_cents: input.costs[category]! }));
    if (costs.length > 0) await trx.insertInto('application_partner_costs').values(costs).execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'application.partner-saved',
        entityType: 'application',
        entityId: applicationId,
        before: { partnerId, version: expectedVersion },
        after: { partnerId, version: expectedVersion + 1 },
      },
      now,
    );
    return { ok: true, version: expectedVersion + 1, savedAt: at };
  });
}
