import type { Executor } from '../../db/database.js';
import { findUserById } from '../auth/users.repository.js';

function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Everything the platform holds about one person (GDPR art. 15 and 20), as plain JSON. Secrets are
 * left out by listing the columns to give rather than the ones to hide, so that a column added
 * later is not exported until someone decides it should be: no password or TOTP secret, no hash of
 * a session, token or recovery code.
 */
export async function exportPersonalData(db: Executor, userId: number, now: Date) {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [roles, memberships, sessions, apiTokens, emails, audit, feedback, expertGroup, inquiries, applicationWork, reviewWork] = await Promise.all([
    db.selectFrom('role_assignments').select(['role', 'region_code', 'created_at']).where('user_id', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('organisation_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id as organisation_id', 'o.name as organisation_name', 'o.business_id', 'm.is_admin', 'm.created_at'])
      .where('m.user_id', '=', userId)
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['method', 'mfa_pending', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'scopes', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('email_messages')
      .select(['id', 'to_address', 'locale', 'purpose', 'subject', 'body_text', 'status', 'created_at', 'sent_at'])
      .where((eb) => eb.or([eb('user_id', '=', userId), eb('to_address', '=', user.email)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'actor_user_id', 'actor_label', 'ip', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json'])
      .where((eb) => eb.or([eb('actor_user_id', '=', userId), eb.and([eb('entity_type', '=', 'user'), eb('entity_id', '=', String(userId))])]))
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('accessibility_feedback')
      .select(['reference', 'received_at', 'locale', 'page_url', 'name', 'email', 'message'])
      .where('email', '=', user.email)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('expert_group_members')
      .select(['region_code', 'name', 'title_fi', 'title_sv', 'title_en', 'organisation', 'email', 'phone'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('call_inquiries')
      .select(['call_id', 'question', 'public_question', 'answer', 'status', 'asked_at', 'answered_at'])
      .where('asked_by', '=', userId)
      .orderBy('id')
      .execute(),
    applicationsOfPerson(db, userId, user.email),
    reviewsOfPerson(db, userId),
  ]);
  return {
    exportedAt: now.toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      status: user.status,
      passwordSet: user.password_hash !== null,
      passwordChangedAt: user.password_changed_at,
      secondFactorEnabledAt: user.totp_enabled_at,
      failedSignIns: user.failed_logins,
      lockedUntil: user.locked_until,
      lastSignInAt: user.last_login_at,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    roles: roles.map((r) => ({ role: r.role, regionCode: r.region_code, grantedAt: r.created_at })),
    memberships: memberships.map((m) => ({
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      businessId: m.business_id,
      isAdmin: m.is_admin === 1,
      since: m.created_at,
    })),
    sessions: sessions.map((s) => ({
      method: s.method,
      secondFactorPending: s.mfa_pending === 1,
      startedAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    apiTokens: apiTokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      scopes: parseJson(t.scopes),
      createdAt: t.created_at,
      expiresAt: t.expires_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
    emails: emails.map((e) => ({
      id: e.id,
      to: e.to_address,
      locale: e.locale,
      purpose: e.purpose,
      subject: e.subject,
      text: e.body_text,
      status: e.status,
      createdAt: e.created_at,
      sentAt: e.sent_at,
    })),
    notifications: await notificationData(db, userId, user.email),
    auditEntries: audit.map((a) => ({
      seq: a.seq,
      at: a.at,
      actorUserId: a.actor_user_id,
      actorLabel: a.actor_label,
      ip: a.ip,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      before: parseJson(a.before_json),
      after: parseJson(a.after_json),
    })),
    accessibilityFeedback: feedback.map((f) => ({
      reference: f.reference,
      receivedAt: f.received_at,
      locale: f.locale,
      pageUrl: f.page_url,
      name: f.name,
      email: f.email,
      message: f.message,
    })),
    expertGroupContact: expertGroup.map((g) => ({
      regionCode: g.region_code,
      name: g.name,
      title: { fi: g.title_fi, sv: g.title_sv, en: g.title_en },
      organisation: g.organisation,
      email: g.email,
      phone: g.phone,
    })),
    callQuestions: inquiries.map((q) => ({
      callId: q.call_id,
      question: q.question,
      publishedWording: q.public_question,
      answer: q.answer,
      status: q.status,
      askedAt: q.asked_at,
      answeredAt: q.answered_at,
    })),
    applications: applicationWork,
    reviews: reviewWork,
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof exportPersonalData>>>;

/**
 * The applications a person started, may edit, or is named in as a partner's contact person, with
 * what the application holds about them (not the whole application, which belongs to the organisations).
 */
async function applicationsOfPerson(db: Executor, userId: number, email: string) {
  const [created, editing, contact] = await Promise.all([
    db.selectFrom('applications').select(['id', 'call_id', 'title', 'status', 'created_at']).where('created_by', '=', userId).orderBy('id').execute(),
    db.selectFrom('application_editors').select(['application_id', 'partner_id', 'created_at']).where('user_id', '=', userId).orderBy('application_id').execute(),
    db
      .selectFrom('application_partners')
      .select(['application_id', 'id as partner_id', 'contact_name', 'contact_email'])
      .where('contact_email', '=', email)
      .orderBy('application_id')
      .execute(),
  ]);
  return {
    started: created.map((a) => ({ applicationId: a.id, callId: a.call_id, title: a.title, status: a.status, startedAt: a.created_at })),
    invitedToEdit: editing.map((e) => ({ applicationId: e.application_id, partnerId: e.partner_id, since: e.created_at })),
    namedAsContact: contact.map((c) => ({ applicationId: c.application_id, partnerId: c.partner_id, name: c.contact_name, email: c.contact_email })),
  };
}

/**
 * The reviews a person was assigned as an expert: their disqualification declarations and the scores
 * and comments they wrote. Officers' consensus scores recorded by the person are included too.
 */
async function reviewsOfPerson(db: Executor, userId: number) {
  const [assignments, scores, consensus] = await Promise.all([
    db
      .selectFrom('review_assignments')
      .select(['id', 'application_id', 'method', 'status', 'barred_reason', 'assigned_at', 'declared_at', 'disqualification_grounds', 'declaration_note', 'submitted_at'])
      .where('reviewer_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('review_scores as s')
      .innerJoin('review_assignments as ra', 'ra.id', 's.assignment_id')
      .select(['s.assignment_id', 's.criterion_id', 's.score', 's.comment', 's.updated_at'])
      .where('ra.reviewer_id', '=', userId)
      .orderBy('s.assignment_id')
      .orderBy('s.criterion_id')
      .execute(),
    db
      .selectFrom('consensus_scores')
      .select(['application_id', 'criterion_id', 'score', 'justification', 'recorded_at'])
      .where('recorded_by', '=', userId)
      .orderBy('application_id')
      .orderBy('criterion_id')
      .execute(),
  ]);
  return {
    assignments: assignments.map((a) => ({
      applicationId: a.application_id,
      method: a.method,
      status: a.status,
      barredReason: a.barred_reason,
      assignedAt: a.assigned_at,
      declaredAt: a.declared_at,
      disqualificationGrounds: parseJson(a.disqualification_grounds),
      declarationNote: a.declaration_note,
      scoresSubmittedAt: a.submitted_at,
      scores: scores
        .filter((s) => s.assignment_id === a.id)
        .map((s) => ({ criterionId: s.criterion_id, score: s.score, comment: s.comment, updatedAt: s.updated_at })),
    })),
    consensusScoresRecorded: consensus.map((c) => ({
      applicationId: c.application_id,
      criterionId: c.criterion_id,
      score: c.score,
      justification: c.justification,
      recordedAt: c.recorded_at,
    })),
  };
}

/** The user's notification choices, notices waiting for the digest, and a public e-mail subscription of the same address. */
async function notificationData(db: Executor, userId: number, email: string) {
  const [preferences, digestItems, subscription] = await Promise.all([
    db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('digest_items').select(['purpose', 'subject', 'body_text', 'created_at', 'email_id']).where('user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('email_subscriptions').select(['id', 'email', 'locale', 'status', 'wants_calls', 'wants_news', 'created_at', 'confirmed_at', 'unsubscribed_at']).where('email', '=', email).executeTakeFirst(),
  ]);
  const [regions, priorities] = subscription
    ? await Promise.all([
        db.selectFrom('email_subscription_regions').select('region_code').where('subscription_id', '=', subscription.id).orderBy('region_code').execute(),
        db.selectFrom('email_subscription_priorities').select('priority_slug').where('subscription_id', '=', subscription.id).orderBy('priority_slug').execute(),
      ])
    : [[], []];
  return {
    preferences: preferences
      ? {
          deadlineReminders: preferences.deadline_reminders === 1,
          reviewAssignments: preferences.review_assignments === 1,
          reportNotices: preferences.report_notices === 1,
          delivery: preferences.delivery,
          updatedAt: preferences.updated_at,
        }
      : null,
    digestItems: digestItems.map((d) => ({ purpose: d.purpose, subject: d.subject, text: d.body_text, createdAt: d.created_at, sentInEmail: d.email_id })),
    emailSubscription: subscription
      ? {
          email: subscription.email,
          locale: subscription.locale,
          status: subscription.status,
          newCalls: subscription.wants_calls === 1,
          news: subscription.wants_news === 1,
          regions: regions.map((r) => r.region_code),
          priorities: priorities.map((p) => p.priority_slug),
          createdAt: subscription.created_at,
          confirmedAt: subscription.confirmed_at,
          unsubscribedAt: subscription.unsubscribed_at,
        }
      : null,
  };
}
