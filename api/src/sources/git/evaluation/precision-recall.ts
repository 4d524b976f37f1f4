/** Precision and recall over fix-to-introducer pairs, the way SZZ evaluations count them. Pure. */

export interface PairCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scorePairs(
  cases: readonly { truth: readonly string[]; predicted: readonly string[] }[],
): PairCounts {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { truth, predicted } of cases) {
    const truthSet = new Set(truth);
    const predictedSet = new Set(predicted);
    for (const sha of predictedSet)
      if (truthSet.has(sha)) truePositives += 1;
      else falsePositives += 1;
    for (const sha of truthSet) if (!predictedSet.has(sha)) falseNegatives += 1;
  }
  // No prediction at all is vacuously precise; no truth at all is vacuously recalled.
  const precision =
    truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall =
    truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}
