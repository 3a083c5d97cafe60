import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BASE_URL, newTenant } from './support.js';

const CLIENT_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SNIPPET = /<!-- snippet: health[^>]*-->\s*```javascript\n([\s\S]*?)```/;
const snippet = () => SNIPPET.exec(readFileSync(join(CLIENT_DIR, 'README.md'), 'utf8'))[1];

test('the README snippet prints the tenant of the key', async () => {
  const tenant = await newTenant();
  // Run from the client's folder, so '@portcullis/client' resolves to this package by its own name.
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', snippet()], {
    cwd: CLIENT_DIR,
    env: { ...process.env, PORTCULLIS_API_KEY: tenant.adminKey, PORTCULLIS_BASE_URL: BASE_URL },
    timeout: 60_000,
  });
  assert.equal(stdout, `Authenticated as tenant: ${tenant.id}\n`);
});

test('the repository README shows the same snippet', (context) => {
  const repositoryReadme = join(CLIENT_DIR, '..', '..', 'README.md');
  if (!existsSync(repositoryReadme)) {
    context.skip('not inside the Portcullis repository');
    return;
  }
  assert.ok(readFileSync(repositoryReadme, 'utf8').includes(snippet()), "README.md's Clients section lacks this client's snippet");
});
