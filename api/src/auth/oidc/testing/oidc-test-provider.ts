import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OidcTestProvider {
  issuer: string;
  stop(): Promise<void>;
}

export interface OidcTestPerson {
  sub: string;
  email: string;
  name: string;
}

/** Starts `oidc-test-provider.mjs` for one client and one person, and waits until it listens. */
export async function startOidcTestProvider(options: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  person: OidcTestPerson;
}): Promise<OidcTestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-test-provider.mjs')], {
    env: {
      ...process.env,
      CLIENT_ID: options.clientId,
      CLIENT_SECRET: options.clientSecret,
      REDIRECT_URI: options.redirectUri,
      ACCOUNT_SUB: options.person.sub,
      ACCOUNT_EMAIL: options.person.email,
      ACCOUNT_NAME: options.person.name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /issuer (\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the OIDC test provider exited (${code}): ${errors}`)),
    );
  });
  return {
    issuer,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
