/** Previous and next links of a paged list, in a labelled navigation landmark. */
export function Pager({
  labels,
  previous,
  next,
}: {
  labels: { pagination: string; previous: string; next: string };
  previous?: string | undefined;
  next?: string | undefined;
}) {
  if (!previous && !next) return null;
  return (
    <nav class="pager" aria-label={labels.pagination}>
      <ul>
        {previous ? (
          <li>
            <a href={previous} rel="prev">
              {labels.previous}
            </a>
          </li>
        ) : null}
        {next ? (
          <li>
            <a href={next} rel="next">
              {labels.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
