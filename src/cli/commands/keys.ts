/**
 * `hush keys create | list | revoke`: the service's API keys, in the backend `--db` names (the
 * same one `hush serve` uses). A key is printed once, when it is created, alone on stdout so that
 * a script can capture it; only its hash is stored.
 */
import { newApiKey } from '../../service/auth/api-key.js';
import { SCOPES, type ApiKey, type Scope } from '../../service/auth/store.js';
import type { ServiceBackend } from '../../service/backend.js';
import { storageConfig, type StorageFlags } from '../../service/config.js';
import { openBackend } from '../../service/open-backend.js';
import { HushError } from '../../errors.js';

export type KeysOptions = Pick<StorageFlags, 'data' | 'db'>;

export interface KeysCreateOptions extends KeysOptions {
  name: string;
  scopes: string;
}

export interface KeysListOptions extends KeysOptions {
  json?: boolean;
}

/** `redact,read` → the scopes; a HushError naming the one that is not a scope. */
export function parseScopes(list: string): Scope[] {
  const scopes: Scope[] = [];
  for (const item of list.split(',').map((part) => part.trim())) {
    const scope = SCOPES.find((known) => known === item);
    if (scope === undefined)
      throw new HushError('USAGE', `--scopes: "${item}" is not a scope; expected ${SCOPES.join(', ')}`);
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  return scopes;
}

async function withBackend<T>(
  options: KeysOptions,
  use: (backend: ServiceBackend) => Promise<T>,
): Promise<T> {
  const backend = await openBackend(storageConfig(options).db);
  try {
    return await use(backend);
  } finally {
    await backend.close();
  }
}

export async function keysCreateCommand(options: KeysCreateOptions): Promise<number> {
  const name = options.name.trim();
  if (name === '') throw new HushError('USAGE', '--name: give the key a name (who or what uses it)');
  const scopes = parseScopes(options.scopes);
  const key = newApiKey();
  const created = await withBackend(options, (backend) =>
    backend.keys.create({ id: key.id, name, scopes, secretSha256: key.secretSha256 }),
  );
  process.stdout.write(`${key.token}\n`);
  process.stderr.write(
    `hush: key ${created.id} "${created.name}" (${created.scopes.join(', ')}) created; ` +
      'it is shown this once, so keep it now (only its hash is stored).\n',
  );
  return 0;
}

function keyLine(key: ApiKey): string {
  return [
    key.id,
    key.name,
    key.scopes.join(','),
    key.createdAt,
    key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`,
  ].join('\t');
}

export async function keysListCommand(options: KeysListOptions): Promise<number> {
  const keys = await withBackend(options, (backend) => backend.keys.list());
  if (options.json) process.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
  else if (keys.length === 0) process.stderr.write('hush: no API keys yet (`hush keys create`)\n');
  else process.stdout.write(`${keys.map(keyLine).join('\n')}\n`);
  return 0;
}

export async function keysRevokeCommand(id: string, options: KeysOptions): Promise<number> {
  const revoked = await withBackend(options, (backend) => backend.keys.revoke(id));
  if (!revoked) throw new HushError('USAGE', `no API key with id ${id}`);
  process.stderr.write(`hush: key ${id} revoked\n`);
  return 0;
}
