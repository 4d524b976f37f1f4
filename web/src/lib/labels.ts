import type { ReworkItemView, Role } from '@rework-radar/shared';

export const causeLabels: Record<ReworkItemView['cause'], string> = {
  missing_context: 'Missing context',
  execution: 'Execution',
  unknown: 'Unknown',
};

export const kindLabels: Record<ReworkItemView['kind'], string> = {
  revert: 'Revert',
  'follow-up-fix': 'Follow-up fix',
  reopened: 'Reopened',
  'linked-bug': 'Linked bug',
  incident: 'Incident',
};

/** What each cause means, for hover text wherever a cause is shown. */
export const causeDefinitions: Record<ReworkItemView['cause'], string> = {
  missing_context:
    'The team did not know what to build: the origin work lacked clear, stable requirements.',
  execution: 'The team knew what to build, and the build was wrong.',
  unknown: 'The evidence was too thin or too balanced to decide.',
};

/** Below this confidence a decided cause rests on little or mixed evidence. */
const leadConfidence = 0.5;

/**
 * Why the model gave its answer (the analysis's reason codes), in words. A decision only needs a
 * 10% margin, so a low-confidence one is worded as a lead to check, not as a clear win.
 */
export function modelReasonText(reason: string, confidence: number): string {
  switch (reason) {
    case 'decided':
      return confidence < leadConfidence
        ? 'One side outweighed the other, on little or mixed evidence: a lead to check, not a verdict.'
        : 'One side outweighed the other by a clear margin.';
    case 'thin_evidence':
      return 'Too little evidence on either side to decide.';
    case 'small_margin':
      return 'The two sides scored too close to call.';
    default:
      return reason;
  }
}

const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  vp: 'VP',
  director: 'Director',
  manager: 'Engineering manager',
};

export const labelOfRole = (role: Role): string => roleLabels[role];
