import { heapAdvice } from './heap-advice';

const GiB = 2 ** 30;

describe('heapAdvice', () => {
  it('is silent while three times the loaded dataset fits the heap limit', () => {
    expect(heapAdvice(1 * GiB, 4 * GiB)).toBeNull();
    expect(heapAdvice(4.7 * GiB, 20 * GiB)).toBeNull();
  });

  it('names the heap needed, the limit and the setting that raises it', () => {
    expect(heapAdvice(4.7 * GiB, 4 * GiB)).toBe(
      'the analysis may run out of memory: it needs about 14439 MiB of heap and this process has ' +
        '4096 MiB; start the api and workers with NODE_OPTIONS=--max-old-space-size=18432',
    );
  });
});
