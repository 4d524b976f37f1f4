import { AnswerCache } from './answer-cache';

describe('the metrics answer cache', () => {
  it('computes an answer once for requests that ask while it is being computed', async () => {
    const cache = new AnswerCache<{ n: number }>(4);
    let computations = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      computations += 1;
      await gate;
      return { n: 1 };
    };
    const asked = [1, 2, 3].map(() => cache.getOrCompute('q', compute));
    release();
    const answers = await Promise.all(asked);
    expect(computations).toBe(1);
    expect(answers.map((answer) => answer.json)).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    await cache.getOrCompute('q', compute);
    expect(computations).toBe(1);
  });

  it('keeps no failed answer: the next request computes again', async () => {
    const cache = new AnswerCache<number>(4);
    await expect(
      cache.getOrCompute('q', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    await expect(cache.getOrCompute('q', () => Promise.resolve(2))).resolves.toMatchObject({
      value: 2,
    });
  });

  it('drops the least recently used answer beyond its capacity', async () => {
    const cache = new AnswerCache<string>(2);
    await cache.getOrCompute('a', () => Promise.resolve('a'));
    await cache.getOrCompute('b', () => Promise.resolve('b'));
    await cache.getOrCompute('a', () => Promise.resolve('stale'));
    await cache.getOrCompute('c', () => Promise.resolve('c'));
    expect(cache.size).toBe(2);
    expect((await cache.getOrCompute('a', () => Promise.resolve('again'))).value).toBe('a');
    expect((await cache.getOrCompute('b', () => Promise.resolve('again'))).value).toBe('again');
  });
});
