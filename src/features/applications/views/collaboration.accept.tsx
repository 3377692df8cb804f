import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { CsrfField, ErrorSummary, TextInput, errorOf } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { invitationMessages } from '../../auth/invitations.messages.js';
import { MessagePage, NewPasswordFields } from '../../auth/password-reset.pages.js';
import { collaborationMessages } from '../collaboration.messages.js';

export const NAME_MAX = 200;

/** Taking an invited account into use from an invitation to an application: a name and a password, then the application. */
export function AcceptApplicationInvitationPage(props: {
  ctx: PageContext;
  token: string;
  email: string;
  name: string;
  about: { inviter: string; title: string; organisation: string };
  errors: FieldError[];
}) {
  const { ctx, errors } = props;
  const m = invitationMessages[ctx.locale];
  const c = collaborationMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${m.title}` : m.title}>
      <div class="narrow">
        <PageHeading title={m.title} lead={c.acceptLead(props.about.inviter, props.about.title.trim() || c.untitled, props.about.organisation)} />
        <p>{m.accountEmail(props.email)}</p>
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(ctx.locale, 'applications', 'invitation', props.token)} novalidate>
          <CsrfField token={ctx.csrf()} />
          <TextInput name="name" label={m.name} hint={m.nameHint} value={props.name} error={errorOf(errors, 'name')} autocomplete="name" maxLength={NAME_MAX} />
          <NewPasswordFields ctx={ctx} email={props.email} errors={errors} />
          <button type="submit" class="button">
            {m.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** The link was used, withdrawn or is out of date. */
export function InvitationGonePage({ ctx }: { ctx: PageContext }) {
  const m = invitationMessages[ctx.locale];
  return (
    <MessagePage ctx={ctx} title={m.goneTitle} text={m.goneText}>
      <p>
        <a href={pagePath(ctx.locale, 'signIn')}>{m.goneSignIn}</a>
      </p>
    </MessagePage>
  );
}
