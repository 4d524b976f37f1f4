import { PassThrough } from 'node:stream';
import { createLogger, PinoNestLogger } from './logger';

function capture(): { stream: PassThrough; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line when the output is not a terminal', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).info({ repo: 'acme/api' }, 'synced');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 30, msg: 'synced', repo: 'acme/api' }),
    ]);
  });

  it('never writes authorization headers or passwords', () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.info({ req: { headers: { authorization: 'Bearer secret-token' } } }, 'request');
    logger.info({ admin: { password: 'hunter2hunter2' } }, 'admin');
    const text = JSON.stringify(lines());
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('[redacted]');
  });
});

describe('PinoNestLogger', () => {
  it('keeps the Nest context and the error stack', () => {
    const { stream, lines } = capture();
    const nest = new PinoNestLogger(createLogger('info', stream));
    nest.log('Mapped {/api/health, GET}', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        context: 'RouterExplorer',
        msg: 'Mapped {/api/health, GET}',
      }),
      expect.objectContaining({
        level: 50,
        context: 'ExceptionsHandler',
        stack: 'Error: boom\n    at x',
      }),
    ]);
  });
});
