/** Ultimate SMS uses a fixed page size. */
export const PER_PAGE = 25;
const ON_EACH_SIDE = 3;

/** Laravel's page parameter rule: a whole number ≥ 1, anything else means page 1 (no clamping to the last page). */
export function pageParam(query: URLSearchParams): number {
  const raw = query.get("page");
  return raw !== null && /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

/** Laravel 8 LengthAwarePaginator::toArray(), including the `links` window with "..." separators. */
export function laravelPaginator<T>(all: readonly T[], page: number, path: string) {
  const total = all.length;
  const lastPage = Math.max(1, Math.ceil(total / PER_PAGE));
  const data = all.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const url = (n: number) => `${path}?page=${n}`;
  const from = data.length > 0 ? (page - 1) * PER_PAGE + 1 : null;
  return {
    current_page: page,
    data,
    first_page_url: url(1),
    from,
    last_page: lastPage,
    last_page_url: url(lastPage),
    links: [
      { url: page > 1 ? url(page - 1) : null, label: "&laquo; Previous", active: false },
      ...elements(page, lastPage).map((n) =>
        n === null ? { url: null, label: "...", active: false } : { url: url(n), label: String(n), active: n === page },
      ),
      { url: page < lastPage ? url(page + 1) : null, label: "Next &raquo;", active: false },
    ],
    next_page_url: page < lastPage ? url(page + 1) : null,
    path,
    per_page: PER_PAGE,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: from === null ? null : from + data.length - 1,
    total,
  };
}

/** Laravel's UrlWindow: page numbers to show, null for a "..." gap. */
function elements(page: number, lastPage: number): Array<number | null> {
  if (lastPage < ON_EACH_SIDE * 2 + 8) return range(1, lastPage);
  const window = ON_EACH_SIDE + 4;
  const start = [1, 2];
  const finish = [lastPage - 1, lastPage];
  if (page <= window) return [...range(1, window + ON_EACH_SIDE), null, ...finish];
  if (page > lastPage - window) return [...start, null, ...range(lastPage - (window + (ON_EACH_SIDE - 1)), lastPage)];
  return [...start, null, ...range(page - ON_EACH_SIDE, page + ON_EACH_SIDE), null, ...finish];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
