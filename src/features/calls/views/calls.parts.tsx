import type { Locale, Localised } from '../../../i18n/locales.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { PageContext } from '../../../views/page-context.js';
import { callsMessages } from '../calls.messages.js';
import type { PublicPhase } from '../calls.public.repository.js';

/** The text in the page's language, or the Finnish one (marked lang="fi") when that is missing. */
export function localText(text: Localised, locale: Locale): { text: string; lang: Locale | undefined } {
  const own = text[locale].trim();
  if (own !== '' || locale === 'fi') return { text: text[locale], lang: undefined };
  return { text: text.fi, lang: 'fi' };
}

export function LocalText({ text, locale }: { text: Localised; locale: Locale }) {
  const t = localText(text, locale);
  return t.lang ? <span lang={t.lang}>{t.text}</span> : <>{t.text}</>;
}

/** Plain text as paragraphs: a blank line starts a new one. */
export function Paragraphs({ text, locale }: { text: Localised; locale: Locale }) {
  const t = localText(text, locale);
  const paragraphs = t.text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <>
      {paragraphs.map((p) => (
        <p lang={t.lang}>{p}</p>
      ))}
    </>
  );
}

const tagClass: Record<PublicPhase, string> = {
  published: 'tag tag--info',
  open: 'tag tag--success',
  closed: 'tag tag--neutral',
  in_review: 'tag tag--pending',
  decided: 'tag tag--neutral',
};

/** The phase as a word in a tag: the colour only repeats what the word says. */
export function PhaseTag({ ctx, phase }: { ctx: PageContext; phase: PublicPhase }) {
  return <span class={tagClass[phase]}>{callsMessages[ctx.locale].phases[phase]}</span>;
}

/** "Open: applications until 15.12.2026 klo 16.15", "The call opens on …", "Closed on …". */
export function phaseSentence(ctx: PageContext, call: { opensAt: string; closesAt: string }, phase: PublicPhase): string {
  const m = callsMessages[ctx.locale];
  const closes = formatDateTime(call.closesAt, ctx.locale);
  switch (phase) {
    case 'published':
      return m.sentenceComing(formatDateTime(call.opensAt, ctx.locale), closes);
    case 'open':
      return m.sentenceOpen(closes);
    case 'closed':
      return m.sentenceClosed(closes);
    case 'in_review':
      return m.sentenceInReview(closes);
    case 'decided':
      return m.sentenceDecided(closes);
  }
}


