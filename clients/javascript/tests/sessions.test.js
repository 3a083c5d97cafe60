import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthenticationError, PortcullisClient, SessionEndedError } from '../index.js';
import { advanceServerClock, BASE_URL, newTenant } from './support.js';

const ACCESS_TOKEN_LIFETIME = 3600;

async function loggedIn(options = {}) {
  const tenant = await newTenant();
  const { email, password } = await tenant.user();
  const session = await new PortcullisClient({ baseUrl: BASE_URL, ...options }).login(email, password, tenant.id);
  return { tenant, email, session };
}

test('login, then an expired access token is refreshed transparently, and logout ends the session', async () => {
  const { tenant, email, session } = await loggedIn();
  assert.equal(session.user.email, email);
  assert.equal((await session.health()).tenant_id, tenant.id);
  const firstToken = session.accessToken;

  await advanceServerClock(ACCESS_TOKEN_LIFETIME + 1);
  assert.equal((await session.health()).tenant_id, tenant.id);
  assert.notEqual(session.accessToken, firstToken, 'refreshed after TOKEN_EXPIRED');

  const lastToken = session.accessToken;
  await session.logout();
  await assert.rejects(new PortcullisClient({ apiKey: lastToken, baseUrl: BASE_URL }).health(),
    (error) => error instanceof AuthenticationError && error.status === 401);
  await assert.rejects(session.health(), SessionEndedError);
});

test('concurrent callers with an expired token share one refresh', async () => {
  const { tenant, session } = await loggedIn();
  await advanceServerClock(ACCESS_TOKEN_LIFETIME + 1);
  // Refreshing twice with one refresh token would revoke the whole session on the server.
  const answers = await Promise.all(Array.from({ length: 8 }, () => session.health()));
  assert.deepEqual(answers.map((health) => health.tenant_id), Array(8).fill(tenant.id));
  assert.equal((await session.health()).tenant_id, tenant.id);
});

test('the token is refreshed just before expires_in runs out', async () => {
  let now = 1000;
  const { tenant, session } = await loggedIn({ clock: () => now });
  const firstToken = session.accessToken;
  await session.health();
  assert.equal(session.accessToken, firstToken);

  now += ACCESS_TOKEN_LIFETIME - 5;
  assert.equal((await session.health()).tenant_id, tenant.id);
  assert.notEqual(session.accessToken, firstToken);
});

test('a refused refresh token ends the session', async () => {
  const { tenant, session } = await loggedIn();
  await tenant.client.users.update(session.user.id, { password: 'a new long passphrase' }); // ends its sessions
  await advanceServerClock(ACCESS_TOKEN_LIFETIME + 1);

  await assert.rejects(session.health(), (error) => error instanceof AuthenticationError
    && error.code === 'INVALID_REFRESH_TOKEN');
  await assert.rejects(session.health(), SessionEndedError);
  assert.equal(session.accessToken, null);
});

test('a wrong password is INVALID_CREDENTIALS and never shown', async () => {
  const tenant = await newTenant();
  const { email } = await tenant.user();
  await assert.rejects(new PortcullisClient({ baseUrl: BASE_URL }).login(email, 'not the password', tenant.id),
    (error) => error instanceof AuthenticationError && error.code === 'INVALID_CREDENTIALS'
      && !String(error).includes('not the password'));
});
