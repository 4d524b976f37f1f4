import type { ReworkDetail } from '@rework-radar/shared';
import { causeLabels } from '../../../lib/labels';
import { sourceLinkName } from '../../../lib/references';

/** Each signal that weighed on the cause, strongest first, with a link to where it was seen. */
export function EvidenceList({ evidence }: { evidence: ReworkDetail['evidence'] }) {
  if (evidence.length === 0) {
    return (
      <p className="muted">
        No signal was found for either cause, which is why the model could not decide.
      </p>
    );
  }
  const sorted = [...evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {sorted.map((piece, index) => (
        <li key={`${piece.signal}-${index}`}>
          <span className={`badge badge--${piece.side}`}>{causeLabels[piece.side]}</span>{' '}
          <strong>{piece.description}</strong>{' '}
          <span className="muted">
            (weight {piece.weight.toFixed(2)}, {piece.kind})
          </span>
          {piece.url !== undefined && (
            <>
              {' '}
              <a href={piece.url} target="_blank" rel="noreferrer">
                {sourceLinkName(piece.url)}
              </a>
            </>
          )}
          {piece.excerpt !== undefined && piece.excerpt !== '' && (
            <blockquote>{piece.excerpt}</blockquote>
          )}
        </li>
      ))}
    </ul>
  );
}
