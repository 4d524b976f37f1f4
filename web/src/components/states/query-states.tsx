import './query-states.css';

/** A placeholder in the shape of the content while it loads. */
export function Skeleton({ label, height = 220 }: { label: string; height?: number }) {
  return (
    <div
      className="skeleton"
      role="progressbar"
      aria-label={label}
      aria-busy="true"
      style={{ height }}
    />
  );
}

/** What went wrong, in the api's words, with a way to try again. */
export function ErrorPanel({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: Error;
  onRetry: () => void;
}) {
  return (
    <div role="alert" className="error-panel">
      <p>
        {what} could not be loaded: {error.message}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** A section whose api does not exist yet: says so rather than showing invented data. */
export function NotAvailable({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="not-available" aria-label={title}>
      <h2>{title}</h2>
      <p>
        <span className="not-available__tag">Not available yet</span> {children}
      </p>
    </section>
  );
}
