import { cloneUrlOf, isPermanentGitFailure } from './repository-mirror';

describe('mirror failures', () => {
  it.each([
    ["fatal: repository 'https://ghe.acme.test/acme/gone.git/' not found", true],
    ["fatal: Authentication failed for 'https://github.com/acme/api.git/'", true],
    ['error: RPC failed; HTTP 404 curl 22 The requested URL returned error: 404', true],
    ['fatal: unable to access: Could not resolve host: github.com', false],
    ['error: RPC failed; curl 56 Recv failure: Connection reset by peer', false],
    ['error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502', false],
  ])('treats %j as permanent: %s', (reason, permanent) => {
    expect(isPermanentGitFailure(reason)).toBe(permanent);
  });

  it('adds .git to a web URL once', () => {
    expect(cloneUrlOf('https://github.com/acme/api/')).toBe('https://github.com/acme/api.git');
    expect(cloneUrlOf('https://github.com/acme/api.git')).toBe('https://github.com/acme/api.git');
  });
});
