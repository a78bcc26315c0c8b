// A real OpenID provider for the tests: node-oidc-provider (pinned in package.json) on
// 127.0.0.1, with one confidential client and a "roles" claim read from ACCOUNTS_FILE at every
// sign-in, so a test can take a role away at the provider. Its development login form accepts
// any password for the accounts in that file.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const accountsFile = process.env.ACCOUNTS_FILE;

function accounts() {
  return JSON.parse(readFileSync(accountsFile, "utf8"));
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      post_logout_redirect_uris: [process.env.POST_LOGOUT_REDIRECT_URI],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    roles: ["roles"],
  },
  scopes: ["openid", "email", "profile", "roles"],
  // Claims of the requested scopes go into the ID token itself, as Entra ID and Keycloak do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: [process.env.COOKIE_KEY] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    const account = accounts()[id];
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          roles: account.roles,
        };
      },
    };
  },
  // No consent screen: the municipality's own application is trusted, as it is configured.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope("openid email profile roles");
    await grant.save();
    return grant;
  },
});
provider.listen(port, "127.0.0.1", () => {
  console.log(`ready ${issuer}`);
});
