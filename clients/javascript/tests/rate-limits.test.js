import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortcullisClient, RateLimitError } from '../index.js';
import { advanceServerClock, BASE_URL, newTenant } from './support.js';

async function limitedKey() {
  const tenant = await newTenant();
  return { tenantId: tenant.id, key: (await tenant.key({ rate_limit: { per_minute: 60 } })).key };
}

/** Calls until the key is refused; the 60 of a minute go in a burst, so that is after about 60. */
async function exhaust(key) {
  const client = new PortcullisClient({ apiKey: key, baseUrl: BASE_URL });
  for (let sent = 1; sent < 200; sent++) {
    try {
      await client.health();
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      assert.ok(sent > 60, `refused after ${sent}`);
      return error;
    }
  }
  assert.fail('never refused');
}

test('without retry the 429 is thrown at once with retryAfter', async () => {
  const { key } = await limitedKey();
  const refused = await exhaust(key);
  assert.deepEqual([refused.status, refused.code, refused.retryAfter], [429, 'RATE_LIMIT_EXCEEDED', 1]);
});

test('with retry the client waits Retry-After and succeeds', async () => {
  const { tenantId, key } = await limitedKey();
  const waits = [];
  const retrying = new PortcullisClient({
    apiKey: key,
    baseUrl: BASE_URL,
    maxRetries: 3,
    sleep: async (seconds) => { waits.push(seconds); await advanceServerClock(seconds); },
  });
  await exhaust(key);
  assert.equal((await retrying.health()).tenant_id, tenantId);
  assert.deepEqual(waits, [1]);
});

test('retries stop after maxRetries', async () => {
  const { key } = await limitedKey();
  const waits = [];
  const retrying = new PortcullisClient({ apiKey: key, baseUrl: BASE_URL, maxRetries: 2, sleep: (s) => waits.push(s) });
  await exhaust(key);
  // no time passes while "sleeping", so every attempt is refused
  await assert.rejects(retrying.health(), RateLimitError);
  assert.deepEqual(waits, [1, 1]);
});

test('no retry when Retry-After exceeds the wait allowed', async () => {
  const { key } = await limitedKey();
  const waits = [];
  const retrying = new PortcullisClient({
    apiKey: key, baseUrl: BASE_URL, maxRetries: 3, maxRetryWaitSeconds: 0.5, sleep: (s) => waits.push(s),
  });
  await exhaust(key);
  await assert.rejects(retrying.health(), RateLimitError);
  assert.deepEqual(waits, []);
});
