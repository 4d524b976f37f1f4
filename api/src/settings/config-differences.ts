/**
 * Dotted paths where `value` differs from `defaults` (`windows.followUpFixDays`,
 * `agentLogins`): what an ANALYSIS_CONFIG file changed. Arrays compare as a whole.
 */
export function configDifferences(value: unknown, defaults: unknown, path = ''): string[] {
  if (isPlainObject(value) && isPlainObject(defaults)) {
    const keys = [...new Set([...Object.keys(value), ...Object.keys(defaults)])].sort();
    return keys.flatMap((key) =>
      configDifferences(value[key], defaults[key], path === '' ? key : `${path}.${key}`),
    );
  }
  return JSON.stringify(value) === JSON.stringify(defaults) ? [] : [path === '' ? '(root)' : path];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
