// What every test needs: the server from the environment and a tenant of its own.
import { randomUUID } from 'node:crypto';
import { PortcullisClient } from '../index.js';

for (const name of ['PORTCULLIS_BASE_URL', 'PORTCULLIS_ADMIN_KEY']) {
  if (!process.env[name]) {
    throw new Error(`Set ${name}: these tests run against a real Portcullis server (PORTCULLIS_BASE_URL such as `
      + 'http://127.0.0.1:8080/v1, PORTCULLIS_ADMIN_KEY a platform-admin key)');
  }
}
export const BASE_URL = process.env.PORTCULLIS_BASE_URL;
export const ADMIN_KEY = process.env.PORTCULLIS_ADMIN_KEY;

export const admin = () => new PortcullisClient({ apiKey: ADMIN_KEY, baseUrl: BASE_URL });

/** A fresh tenant and a live admin key of it. */
export async function newTenant() {
  const platform = admin();
  const { id } = await platform.tenants.create({ name: 'javascript client test', plan: 'enterprise' });
  const { key: adminKey } = await platform.forTenant(id).keys.create({ name: 'tenant admin', role: 'admin' });
  const client = new PortcullisClient({ apiKey: adminKey, baseUrl: BASE_URL });
  return {
    id,
    adminKey,
    client,
    key: (fields = {}) => client.keys.create({ name: `key ${randomUUID().slice(0, 8)}`, role: 'member', ...fields }),
    async user(role = 'member', password = 'a long passphrase') {
      const email = `user.${randomUUID().slice(0, 12)}@example.com`;
      await client.users.create({ email, password, role });
      return { email, password };
    },
  };
}

/** Moves the server's clock forward (only a server started with PORTCULLIS_CLOCK_ADJUSTABLE=true). */
export async function advanceServerClock(seconds) {
  await admin().request('POST', '/test-clock', { body: { seconds } });
}

export async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
