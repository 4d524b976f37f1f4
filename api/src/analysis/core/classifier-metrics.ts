/** Precision and recall of a binary rule over labelled cases; used by specs and the weight re-fit. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Cases labelled positive: the support of the recall figure. */
  support: number;
}

/** With no predicted positives precision is reported as 0 (nothing was found), not NaN. */
export function precisionRecall(
  outcomes: ReadonlyArray<{ expected: boolean; predicted: boolean }>,
): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of outcomes) {
    if (predicted && expected) truePositives += 1;
    else if (predicted) falsePositives += 1;
    else if (expected) falseNegatives += 1;
  }
  const predictedPositive = truePositives + falsePositives;
  const support = truePositives + falseNegatives;
  return {
    precision: predictedPositive === 0 ? 0 : truePositives / predictedPositive,
    recall: support === 0 ? 0 : truePositives / support,
    truePositives,
    falsePositives,
    falseNegatives,
    support,
  };
}
