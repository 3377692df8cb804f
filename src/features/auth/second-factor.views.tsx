import QRCode from 'qrcode';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { CsrfField, ErrorSummary, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { secondFactorMessages } from './second-factor.messages.js';
import { groupedSecret } from './second-factor.service.js';

/** What the enrolment form needs: the secret to show, sealed for the form, and its QR code as an image. */
export interface Enrolment {
  secret: string;
  sealed: string;
  qrDataUri: string;
}

/** The QR code as an SVG image in a data: address, which the CSP allows for images without inline markup. */
export async function qrDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function titleWithErrors(ctx: PageContext, title: string, errors: readonly FieldError[]): string {
  return errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${title}` : title;
}

export function CodeField({ ctx, error }: { ctx: PageContext; error: string | undefined }) {
  const m = secondFactorMessages[ctx.locale];
  return <TextInput name="code" label={m.code} hint={m.codeHint} value="" error={error} autocomplete="one-time-code" maxLength={20} />;
}

/** Scan, type a code, confirm: the same form at sign-in and on the account page. */
export function EnrolmentForm({ ctx, action, enrolment, errors, next }: { ctx: PageContext; action: string; enrolment: Enrolment; errors: readonly FieldError[]; next?: string }) {
  const m = secondFactorMessages[ctx.locale];
  const error = errors.find((e) => e.field === 'code')?.message;
  return (
    <form method="post" action={action} novalidate class="enrolment">
      <CsrfField token={ctx.csrf()} />
      <input type="hidden" name="enrolment" value={enrolment.sealed} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <h2>{m.step1}</h2>
      <p>
        <img class="enrolment__qr" src={enrolment.qrDataUri} alt={m.qrAlt} width={200} height={200} />
      </p>
      <p>{m.manualKey}</p>
      <p>
        <code class="enrolment__secret">{groupedSecret(enrolment.secret)}</code>
      </p>
      <h2>{m.step2}</h2>
      <TextInput name="code" label={m.code} value="" error={error} autocomplete="one-time-code" inputMode="numeric" maxLength={10} />
      <button type="submit" class="button">
        {m.confirm}
      </button>
    </form>
  );
}

export function SetUpPage({ ctx, enrolment, errors, next }: { ctx: PageContext; enrolment: Enrolment; errors: readonly FieldError[]; next: string }) {
  const m = secondFactorMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={titleWithErrors(ctx, m.setUpTitle, errors)}>
      <div class="narrow">
        <PageHeading title={m.setUpTitle} lead={m.setUpRequired} />
        <p>{m.setUpLead}</p>
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <EnrolmentForm ctx={ctx} action={pagePath(ctx.locale, 'signInSetUpSecondFactor')} enrolment={enrolment} errors={errors} next={next} />
        <CancelSignIn ctx={ctx} />
      </div>
    </Layout>
  );
}

export function VerifyPage({ ctx, errors, next }: { ctx: PageContext; errors: readonly FieldError[]; next: string }) {
  const m = secondFactorMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={titleWithErrors(ctx, m.verifyTitle, errors)}>
      <div class="narrow">
        <PageHeading title={m.verifyTitle} lead={m.verifyLead} />
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(ctx.locale, 'signInSecondFactor')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <input type="hidden" name="next" value={next} />
          <CodeField ctx={ctx} error={errors.find((e) => e.field === 'code')?.message} />
          <button type="submit" class="button">
            {m.verifySubmit}
          </button>
        </form>
        <CancelSignIn ctx={ctx} />
      </div>
    </Layout>
  );
}

function CancelSignIn({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action={pagePath(ctx.locale, 'signOut')}>
      <CsrfField token={ctx.csrf()} />
      <button type="submit" class="button button--secondary">
        {secondFactorMessages[ctx.locale].cancel}
      </button>
    </form>
  );
}

/** The recovery codes, shown once, right after they are made. */
export function RecoveryCodesPage({ ctx, codes, continueTo, notice }: { ctx: PageContext; codes: readonly string[]; continueTo: string; notice?: string }) {
  const m = secondFactorMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={m.codesTitle}>
      <div class="narrow">
        {notice ? (
          <div class="panel panel--success" role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        <PageHeading title={m.codesTitle} lead={m.codesLead} />
        <ul class="recovery-codes" aria-label={m.codesListLabel}>
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={continueTo}>
            {m.continue}
          </a>
        </p>
      </div>
    </Layout>
  );
}
