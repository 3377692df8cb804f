import type { ComponentChildren } from 'preact';

/**
 * A data table that scrolls sideways on a narrow screen instead of squeezing its columns. The
 * scrolling region is focusable and named by the caption, so keyboard users can scroll it too.
 */
export function ScrollTable({ id, caption, class: className, children }: { id: string; caption: string; class?: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
      <table class={className ?? 'table'}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
