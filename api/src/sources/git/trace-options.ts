import { z } from 'zod';

/** Files whose deleted lines are never bug-introducing code: docs, lockfiles, changelogs. */
export const defaultIgnoredPaths = [
  '**/*.md',
  '**/*.markdown',
  '**/*.rst',
  '**/*.txt',
  '**/*.adoc',
  '**/CHANGELOG*',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/*.lock',
  '**/go.sum',
];

/** The tracer's refinements over plain blame, each of which can be turned off. */
export const traceOptionsSchema = z.object({
  /** Blame with `-w`, and do not trace lines the fix only reformatted. */
  ignoreWhitespace: z.boolean().default(true),
  /** Do not trace comment or blank lines (language-aware). */
  skipCommentsAndBlanks: z.boolean().default(true),
  /** Blame through commits that only changed layout or comments (`--ignore-rev`). */
  skipCosmeticCommits: z.boolean().default(true),
  /** Rename detection in the fix's diff and `-M -C` in blame. */
  followRenames: z.boolean().default(true),
  /** picomatch globs (matched against the path before the fix) whose lines are not traced. */
  ignorePaths: z.array(z.string().min(1)).default(defaultIgnoredPaths),
  /** How many times blame is re-run after finding more cosmetic commits. */
  maxCosmeticRounds: z.number().int().min(0).max(10).default(4),
  /** Files blamed at the same time (each is one git process). */
  concurrency: z.number().int().min(1).max(16).default(2),
});

export type TraceOptions = z.infer<typeof traceOptionsSchema>;
export type TraceOptionsInput = z.input<typeof traceOptionsSchema>;

export const defaultTraceOptions: TraceOptions = traceOptionsSchema.parse({});

/** Plain SZZ (B-SZZ): blame every removed line as is. The baseline the harness compares with. */
export const plainBlameOptions: TraceOptions = traceOptionsSchema.parse({
  ignoreWhitespace: false,
  skipCommentsAndBlanks: false,
  skipCosmeticCommits: false,
  followRenames: false,
  ignorePaths: [],
});
