import { reworkCauseSchema, type ReworkDetail } from '@rework-radar/shared';
import { useState } from 'react';
import { causeLabels } from '../../../lib/labels';
import { useOverride } from '../api/post-override';

/** Sets the cause with a reason; kept with who (the signed-in account) and when, never lost on re-analysis. */
export function OverrideForm({ item }: { item: ReworkDetail }) {
  const [cause, setCause] = useState<ReworkDetail['cause']>(item.cause);
  const [reason, setReason] = useState('');
  const override = useOverride(item.id);
  return (
    <form
      className="override-form"
      aria-label="Override the cause"
      onSubmit={(event) => {
        event.preventDefault();
        override.mutate(
          { cause, reason: reason.trim() },
          {
            onSuccess: () => setReason(''),
          },
        );
      }}
    >
      <label>
        Cause
        <select
          value={cause}
          onChange={(event) => setCause(reworkCauseSchema.parse(event.target.value))}
        >
          {reworkCauseSchema.options.map((option) => (
            <option key={option} value={option}>
              {causeLabels[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <textarea
          required
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <div>
        <button
          type="submit"
          className="button"
          disabled={override.isPending || reason.trim() === ''}
        >
          {override.isPending ? 'Saving…' : 'Save override'}
        </button>
      </div>
      {override.isError && (
        <p role="alert" className="error-panel">
          The override was not saved: {override.error.message}
        </p>
      )}
      {override.isSuccess && <p role="status">Override saved.</p>}
    </form>
  );
}
