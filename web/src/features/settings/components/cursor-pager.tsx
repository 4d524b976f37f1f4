/** Previous / next over cursor pages: the cursors seen so far are the way back. */
export function CursorPager({
  label,
  trail,
  nextCursor,
  onChange,
}: {
  label: string;
  trail: (string | undefined)[];
  nextCursor: string | null;
  onChange: (trail: (string | undefined)[]) => void;
}) {
  if (trail.length <= 1 && nextCursor === null) return null;
  return (
    <nav aria-label={label} className="settings-actions">
      <button
        type="button"
        className="button button--secondary"
        disabled={trail.length <= 1}
        onClick={() => onChange(trail.slice(0, -1))}
      >
        Previous page
      </button>
      <span className="muted">Page {trail.length}</span>
      <button
        type="button"
        className="button button--secondary"
        disabled={nextCursor === null}
        onClick={() => nextCursor !== null && onChange([...trail, nextCursor])}
      >
        Next page
      </button>
    </nav>
  );
}
