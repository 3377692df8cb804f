/**
 * The links of a paged list, in a labelled navigation landmark: back to the first page (keyset paging
 * cannot step back one page), the previous and the next one, each only where there is one.
 */
export function Pager({
  labels,
  first,
  previous,
  next,
}: {
  labels: { pagination: string; first?: string; previous?: string; next: string };
  first?: string | undefined;
  previous?: string | undefined;
  next?: string | undefined;
}) {
  if (!first && !previous && !next) return null;
  return (
    <nav class="pager" aria-label={labels.pagination}>
      <ul>
        {first && labels.first ? (
          <li>
            <a href={first}>{labels.first}</a>
          </li>
        ) : null}
        {previous && labels.previous ? (
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
