import { formatDateTime } from '../../../i18n/format.js';
import { applicationsMessages } from '../applications.messages.js';
import { EditorFrame, ValueList, type EditorData, type EditorPlace } from './editor-frame.js';

/**
 * A save refused because the call has closed or the application was submitted meanwhile: nothing
 * was stored, and what the user typed is shown back so that nothing is lost.
 */
export function RefusedPage({ data, place, typed }: { data: EditorData; place: EditorPlace; typed: ReadonlyArray<{ label: string; value: string }> }) {
  const { locale } = data.ctx;
  const m = applicationsMessages[locale];
  const refusal = data.refusal;
  const why =
    refusal?.code === 'DEADLINE_PASSED' && refusal.closesAt
      ? m.refusedDeadline(formatDateTime(refusal.closesAt, locale))
      : refusal?.code === 'APPLICATION_STATE'
        ? m.refusedState
        : m.refusedNotOpen;
  const shown = typed.filter((item) => item.value.trim() !== '');
  return (
    <EditorFrame data={data} place={place} title={m.refusedTitle}>
      <p>{why}</p>
      {shown.length > 0 ? (
        <section aria-labelledby="typed-title">
          <h2 id="typed-title">{m.typedHeading}</h2>
          <p>{m.typedLead}</p>
          <ValueList items={shown} empty={m.empty} />
        </section>
      ) : null}
    </EditorFrame>
  );
}
