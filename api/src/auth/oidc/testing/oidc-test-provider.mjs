// A small OpenID Connect provider for the sign-in tests: node-oidc-provider (a certified
// implementation) on 127.0.0.1, with one client and one person, whose login and consent complete
// at once. Run as a child process (it is ESM and Koa); prints `issuer <url>` when ready.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, ACCOUNT_SUB, ACCOUNT_EMAIL, ACCOUNT_NAME } =
  process.env;

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_context, sub) => ({
    accountId: sub,
    claims: () => ({ sub, email: ACCOUNT_EMAIL, email_verified: true, name: ACCOUNT_NAME }),
  }),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['oidc test provider cookie key'] },
});

const handle = provider.callback();
server.on('request', async (request, response) => {
  if (!request.url.startsWith('/interaction/')) return handle(request, response);
  try {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(request, response, { login: { accountId: ACCOUNT_SUB } });
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session.accountId,
      clientId: details.params.client_id,
    });
    grant.addOIDCScope(details.params.scope);
    await provider.interactionFinished(
      request,
      response,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  } catch (error) {
    response.statusCode = 500;
    response.end(String(error));
  }
});

process.stdout.write(`issuer ${issuer}\n`);
