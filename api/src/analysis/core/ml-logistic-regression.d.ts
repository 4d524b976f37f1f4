/** Types for the parts of ml-logistic-regression 2.x (plain JS, no types shipped) used by `weight-refit.ts`. */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  interface TwoClassClassifier {
    /** 1 x features row of fitted coefficients, after `train`. */
    weights: Matrix;
    testScores(features: Matrix): number[];
  }

  class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    /** One-vs-all: classifier i scores the probability of NOT being class i. */
    classifiers: TwoClassClassifier[];
    numberClasses: number;
    train(features: Matrix, labels: Matrix): void;
    predict(features: Matrix): number[];
  }

  export = LogisticRegression;
}
