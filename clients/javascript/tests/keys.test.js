import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthenticationError, PortcullisClient } from '../index.js';
import { admin, BASE_URL, collect, newTenant } from './support.js';

test('health with a key names its tenant', async () => {
  const tenant = await newTenant();
  assert.equal((await tenant.client.health()).tenant_id, tenant.id);
});

test('a base URL with a trailing slash is the same', async () => {
  const tenant = await newTenant();
  const client = new PortcullisClient({ apiKey: tenant.adminKey, baseUrl: `${BASE_URL}/` });
  assert.equal((await client.health()).tenant_id, tenant.id);
});

test('a created key works, keeps working during its grace after a roll, and is refused once revoked', async () => {
  const tenant = await newTenant();
  const created = await tenant.key();
  const old = new PortcullisClient({ apiKey: created.key, baseUrl: BASE_URL });
  assert.equal((await old.health()).tenant_id, tenant.id);

  const rolled = await tenant.client.keys.roll(created.id, { grace_period_seconds: 600 });
  const renewed = new PortcullisClient({ apiKey: rolled.key, baseUrl: BASE_URL });
  assert.notEqual(rolled.key, created.key);
  assert.equal(rolled.id, created.id);
  assert.ok(rolled.previous_key_valid_until);
  assert.equal((await old.health()).tenant_id, tenant.id, 'the old secret works during the grace period');
  assert.equal((await renewed.health()).tenant_id, tenant.id);

  await tenant.client.keys.revoke(created.id);
  for (const revoked of [renewed, old]) {
    await assert.rejects(revoked.health(), (error) => error instanceof AuthenticationError
      && error.status === 401 && error.code === 'INVALID_API_KEY');
  }
  assert.equal((await tenant.client.keys.get(created.id)).status, 'revoked');
});

test('update changes a key', async () => {
  const tenant = await newTenant();
  const created = await tenant.key();
  const updated = await tenant.client.keys.update(created.id, { name: 'renamed', rate_limit: { per_minute: 5 } });
  assert.equal(updated.name, 'renamed');
  assert.equal(updated.rate_limit.per_minute, 5);
  assert.equal((await tenant.client.keys.get(created.id)).name, 'renamed');
});

test('list follows next_cursor over every page', async () => {
  const tenant = await newTenant();
  const created = [];
  for (let i = 0; i < 5; i++) created.push((await tenant.key()).id);
  const listed = (await collect(tenant.client.keys.list({ limit: 2 }))).map((key) => key.id);
  assert.equal(listed.length, 6, "five keys and the tenant's admin key, two per page");
  assert.equal(new Set(listed).size, 6);
  for (const id of created) assert.ok(listed.includes(id));
});

test('verifyKey says valid for a live key and invalid once it is revoked', async () => {
  const tenant = await newTenant();
  const member = await tenant.key();
  let verdict = await tenant.client.verifyKey(member.key, '203.0.113.7');
  assert.equal(verdict.valid, true);
  assert.equal(verdict.key_id, member.id);
  assert.equal(verdict.tenant_id, tenant.id);
  assert.equal(verdict.role, 'member');

  await tenant.client.keys.revoke(member.id);
  verdict = await tenant.client.verifyKey(member.key, '203.0.113.7');
  assert.equal(verdict.valid, false);
  assert.equal(verdict.code, 'INVALID_API_KEY');
});

test('verifyKey says a route-restricted key is valid only for the method and path of its routes', async () => {
  const tenant = await newTenant();
  const rubrics = await tenant.key({ allowed_routes: ['GET /v1/rubrics/**'] });
  let verdict = await tenant.client.verifyKey(rubrics.key, undefined, { method: 'GET', path: '/v1/rubrics/7' });
  assert.equal(verdict.valid, true);
  assert.equal(verdict.key_id, rubrics.id);

  verdict = await tenant.client.verifyKey(rubrics.key, undefined, { method: 'POST', path: '/v1/rubrics/7' });
  assert.equal(verdict.valid, false);
  assert.equal(verdict.code, 'INSUFFICIENT_PERMISSIONS');

  verdict = await tenant.client.verifyKey(rubrics.key);
  assert.equal(verdict.valid, false, 'without a method and path a route-restricted key is refused');
  assert.equal(verdict.code, 'INSUFFICIENT_PERMISSIONS');
});

test('a platform admin acts for a tenant it creates', async () => {
  const platform = admin();
  assert.equal((await platform.health()).tenant_id, 'tenant_platform');
  const tenant = await platform.tenants.create({ name: 'acting for', plan: 'standard' });
  assert.equal((await platform.tenants.get(tenant.id)).plan, 'standard');
  assert.equal((await platform.tenants.update(tenant.id, { name: 'renamed' })).name, 'renamed');
  const acting = platform.forTenant(tenant.id);
  await acting.users.create({ email: 'someone@example.com', password: 'a long passphrase' });
  assert.deepEqual((await collect(acting.users.list())).map((user) => user.email), ['someone@example.com']);
  assert.deepEqual(await acting.allowlist.set(['10.0.0.0/8']), ['10.0.0.0/8']);
  assert.deepEqual(await acting.allowlist.get(), ['10.0.0.0/8']);
  await acting.allowlist.clear();
  assert.deepEqual(await acting.allowlist.get(), []);
});

test('plans and usage are read', async () => {
  const tenant = await newTenant();
  assert.ok((await tenant.client.plans.list()).some((plan) => plan.name === 'standard'));
  assert.equal((await tenant.client.plans.get('standard')).per_minute, 60);
  const usage = await tenant.client.usage();
  assert.equal(usage.tenant_id, tenant.id);
  assert.ok(Array.isArray(usage.data));
});
