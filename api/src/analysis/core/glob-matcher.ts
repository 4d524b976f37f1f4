import picomatch from 'picomatch';

/**
 * Compiled matchers by glob list. Compiling costs far more than matching, and the globs come from
 * configuration that rarely changes, while review risk alone asks once per pull request.
 */
const compiled = new Map<string, (path: string) => boolean>();

/** Matches paths against `globs` (dot files included), compiling each distinct list once. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    matcher = picomatch([...globs], { dot: true });
    compiled.set(key, matcher);
  }
  return matcher;
}
