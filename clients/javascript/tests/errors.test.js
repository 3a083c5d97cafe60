import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { test } from 'node:test';
import {
  AuthenticationError, BadRequestError, errorFromResponse, NotFoundError, PermissionDeniedError, PortcullisClient,
  RateLimitError,
} from '../index.js';
import { BASE_URL, collect, newTenant } from './support.js';

test('a bad key is an AuthenticationError with the request id', async () => {
  const tenant = await newTenant();
  const member = await tenant.key();
  await tenant.client.keys.revoke(member.id);
  const error = await new PortcullisClient({ apiKey: member.key, baseUrl: BASE_URL }).health().catch((e) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.status, 401);
  assert.equal(error.code, 'INVALID_API_KEY');
  assert.match(error.requestId, /^req_/);
});

test('a member listing keys is PermissionDenied naming the role', async () => {
  const tenant = await newTenant();
  const member = new PortcullisClient({ apiKey: (await tenant.key({ role: 'member' })).key, baseUrl: BASE_URL });
  const error = await collect(member.keys.list()).catch((e) => e);
  assert.ok(error instanceof PermissionDeniedError);
  assert.equal(error.status, 403);
  assert.equal(error.code, 'INSUFFICIENT_PERMISSIONS');
  assert.equal(error.requiredRole, 'admin');
});

test('a scoped key outside its scope is told the scope', async () => {
  const tenant = await newTenant();
  const reader = new PortcullisClient({ apiKey: (await tenant.key({ role: 'admin', scopes: ['keys:read'] })).key, baseUrl: BASE_URL });
  const error = await reader.users.create({ email: 'x@example.com', password: 'a long passphrase' }).catch((e) => e);
  assert.ok(error instanceof PermissionDeniedError);
  assert.ok(error.requiredScope);
});

test('a tenant admin acting for another tenant is refused', async () => {
  const tenant = await newTenant();
  const error = await tenant.client.forTenant('tenant_platform').health().catch((e) => e);
  assert.ok(error instanceof PermissionDeniedError);
  assert.equal(error.requiredRole, 'platform_admin');
});

test('an unknown key is NotFound', async () => {
  const tenant = await newTenant();
  const error = await tenant.client.keys.get('key_doesnotexist').catch((e) => e);
  assert.ok(error instanceof NotFoundError);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'NOT_FOUND');
});

test('an invalid field is a BadRequest naming it', async () => {
  const tenant = await newTenant();
  const error = await tenant.client.keys.create({ name: '', role: 'member' }).catch((e) => e);
  assert.ok(error instanceof BadRequestError);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.equal(error.field, 'name');
});

test('a key echoed by the server never appears in the error', async () => {
  const tenant = await newTenant();
  const key = tenant.adminKey;
  // The server's message quotes the unknown scope, here the client's own key pasted into the wrong field.
  const error = await tenant.client.keys.create({ name: 'pasted', scopes: [key] }).catch((e) => e);
  assert.ok(error instanceof BadRequestError);
  assert.equal(error.field, 'scopes');
  for (const text of [String(error), error.message, error.stack, inspect(error), JSON.stringify(error.details)]) {
    assert.ok(!text.includes(key), text);
  }
  assert.match(error.message, /\[REDACTED\]/);
});

test('the client and a created key do not show the secret', async () => {
  const tenant = await newTenant();
  const created = await tenant.key();
  assert.ok(created.key.startsWith('sk_live_'));
  assert.ok(!inspect(created).includes(created.key));
  assert.ok(!JSON.stringify(created).includes(created.key));
  assert.ok(!inspect(tenant.client, { showHidden: true, depth: 5 }).includes(tenant.adminKey));
  assert.ok(!String(tenant.client).includes(tenant.adminKey));
});

// Both documented bodies, parsed as received (the server under test speaks one style only).
test('the AudiModal body nests the code', () => {
  const error = errorFromResponse(429, { 'Retry-After': '60' }, JSON.stringify({
    error: { code: 'RATE_LIMIT_EXCEEDED', message: 'API rate limit exceeded', retry_after: 60, request_id: 'req_1' },
  }));
  assert.ok(error instanceof RateLimitError);
  assert.deepEqual([error.code, error.message, error.retryAfter, error.requestId],
    ['RATE_LIMIT_EXCEEDED', 'API rate limit exceeded', 60, 'req_1']);
});

test('the MedTWIN body is flat with a lower-case code', () => {
  const error = errorFromResponse(429, new Headers({ 'Retry-After': '30' }), JSON.stringify({
    error: 'rate_limit_exceeded', message: 'Too many requests. Retry after 30 seconds.', retry_after: 30,
  }));
  assert.ok(error instanceof RateLimitError);
  assert.deepEqual([error.code, error.retryAfter], ['RATE_LIMIT_EXCEEDED', 30]);
});

test('MedTWIN 401 and 403 carry no finer code but keep their fields', () => {
  const forbidden = errorFromResponse(403, { 'X-Request-ID': 'req_2' },
    JSON.stringify({ error: 'forbidden', message: 'no', required_role: 'admin' }));
  assert.deepEqual([forbidden.code, forbidden.requiredRole, forbidden.requestId], ['FORBIDDEN', 'admin', 'req_2']);
  const unauthorized = errorFromResponse(401, {}, JSON.stringify({ error: 'unauthorized', message: 'Invalid or missing API key' }));
  assert.ok(unauthorized instanceof AuthenticationError);
  assert.equal(unauthorized.code, 'UNAUTHORIZED');
});

test('other fields are kept', () => {
  const error = errorFromResponse(413, {}, JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'big', max_bytes: 65536 } }));
  assert.deepEqual(error.details, { max_bytes: 65536 });
});
