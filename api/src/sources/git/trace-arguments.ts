import { isAbsolute, resolve } from 'node:path';

/** Arguments of `npm run trace -w api -- --repo <path> --fix <rev>`. Pure. */

export interface TraceArguments {
  repo: string;
  fix: string;
}

export type ParsedArguments = { ok: true; value: TraceArguments } | { ok: false; message: string };

export const traceUsage =
  'usage: npm run --silent trace -w api -- --repo <path-to-git-repo> --fix <revision>';

export function parseTraceArguments(argv: readonly string[], baseDir: string): ParsedArguments {
  const values: Partial<Record<'repo' | 'fix', string>> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const match = /^--(repo|fix)(?:=(.*))?$/.exec(argument);
    if (match === null) return { ok: false, message: `unexpected argument: ${argument}` };
    const name = match[1] as 'repo' | 'fix';
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      index += 1;
    }
    if (value === undefined || value.length === 0)
      return { ok: false, message: `--${name} needs a value` };
    values[name] = value;
  }
  if (values.repo === undefined) return { ok: false, message: 'missing --repo' };
  if (values.fix === undefined) return { ok: false, message: 'missing --fix' };
  // npm runs workspace scripts inside api/, so relative paths are taken from where npm was run.
  const repo = isAbsolute(values.repo) ? values.repo : resolve(baseDir, values.repo);
  return { ok: true, value: { repo, fix: values.fix } };
}
