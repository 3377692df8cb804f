import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { endonym, locales } from '../../i18n/locales.js';
import { CsrfField, TextInput, fieldId } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import type { InviteForm } from './organisation.form.js';
import { organisationMessages } from './organisations.messages.js';
import type { Organisation, OrganisationMember } from './organisations.repository.js';
import { Checkbox, SelectField, errorOf } from '../../views/components/form.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

/** One button that posts a change of one member; the member travels in a hidden field and is checked again on the server. */
function MemberAction({ ctx, organisation, member, action, label }: { ctx: PageContext; organisation: Organisation; member: OrganisationMember; action: string; label: string }) {
  const m = organisationMessages[ctx.locale];
  return (
    <form method="post" action={pagePath(ctx.locale, 'organisations', String(organisation.id), 'members')} class="inline-form">
      <CsrfField token={ctx.csrf()} />
      <input type="hidden" name="userId" value={String(member.userId)} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" class="button button--secondary">
        {label}
        <span class="visually-hidden">{m.forMember(member.name)}</span>
      </button>
    </form>
  );
}

/** The member list, and for the organisation's administrators the actions on each member and the invitation form. */
export function MembersSection({
  ctx,
  organisation,
  members,
  canManage,
  invite,
}: {
  ctx: PageContext;
  organisation: Organisation;
  members: OrganisationMember[];
  canManage: boolean;
  viewerId: number;
  invite: { form: InviteForm; errors: FieldError[] };
}) {
  const { locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <>
      <section aria-labelledby="organisation-members">
        <h2 id="organisation-members">{m.membersHeading}</h2>
        <ScrollTable id="members-caption" caption={m.membersCaption}>
            <thead>
              <tr>
                <th scope="col">{m.colName}</th>
                <th scope="col">{m.colEmail}</th>
                <th scope="col">{m.colRole}</th>
                {canManage ? <th scope="col">{m.colActions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const error = errorOf(invite.errors, `member-${member.userId}`);
                return (
                  <tr>
                    <th scope="row">{member.name}</th>
                    <td>{member.email}</td>
                    <td>
                      {member.isAdmin ? m.roleAdmin : m.roleMember}
                      {member.status === 'invited' ? <span class="muted"> ({m.invitedNote})</span> : null}
                    </td>
                    {canManage ? (
                      <td id={fieldId(`member-${member.userId}`)}>
                        {error ? <p class="field__error">{error}</p> : null}
                        <MemberAction
                          ctx={ctx}
                          organisation={organisation}
                          member={member}
                          action={member.isAdmin ? 'unmake-admin' : 'make-admin'}
                          label={member.isAdmin ? m.unmakeAdmin : m.makeAdmin}
                        />
                        <MemberAction ctx={ctx} organisation={organisation} member={member} action="remove" label={m.remove} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
      </section>
      {canManage ? (
        <section aria-labelledby="organisation-invite" class="form-section">
          <h2 id="organisation-invite">{m.inviteHeading}</h2>
          <p>{m.inviteLead}</p>
          <form method="post" action={pagePath(locale, 'organisations', String(organisation.id), 'invite')} novalidate>
            <CsrfField token={ctx.csrf()} />
            <TextInput name="name" label={m.inviteName} value={invite.form.name} error={errorOf(invite.errors, 'name')} maxLength={200} autocomplete="off" />
            <TextInput
              name="email"
              type="email"
              label={m.inviteEmail}
              value={invite.form.email}
              error={errorOf(invite.errors, 'email')}
              maxLength={254}
              autocomplete="off"
            />
            <SelectField
              name="locale"
              label={m.inviteLocale}
              value={invite.form.locale}
              error={undefined}
              options={locales.map((l) => ({ value: l, label: endonym[l] }))}
            />
            <Checkbox name="isAdmin" label={m.inviteAsAdmin} checked={invite.form.isAdmin} />
            <button type="submit" class="button">
              {m.inviteSubmit}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

