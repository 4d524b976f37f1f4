/**
 * A full analysis peaks at about three times the heap its loaded dataset takes (1M PRs: 4.7 GiB
 * after loading, 14 GiB at the peak). Node's default heap limit is about 4 GiB, which a few
 * hundred thousand PRs outgrow: the advice says so before the process runs out of memory. Pure.
 */
const peakOverLoaded = 3;

export function heapAdvice(heapUsedBytes: number, heapLimitBytes: number): string | null {
  const neededMiB = Math.ceil((heapUsedBytes * peakOverLoaded) / 2 ** 20);
  if (neededMiB * 2 ** 20 <= heapLimitBytes) return null;
  const limitMiB = Math.floor(heapLimitBytes / 2 ** 20);
  // Rounded up to whole GiB, with a quarter to spare.
  const suggestedMiB = Math.ceil((neededMiB * 1.25) / 1024) * 1024;
  return (
    `the analysis may run out of memory: it needs about ${neededMiB} MiB of heap and this process ` +
    `has ${limitMiB} MiB; start the api and workers with NODE_OPTIONS=--max-old-space-size=${suggestedMiB}`
  );
}
