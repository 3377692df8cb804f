import type { ComponentChildren } from 'preact';

export function PageHeading({ title, lead, children }: { title: string; lead?: string; children?: ComponentChildren }) {
  return (
    <div class="page-heading">
      <h1>{title}</h1>
      {lead ? <p class="lead">{lead}</p> : null}
      {children}
    </div>
  );
}

export function DemoTag({ label }: { label: string }) {
  return <span class="tag tag--demo">{label}</span>;
}
