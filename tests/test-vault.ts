/** Test helpers for the vault services: cheap Argon2id, a wired service, sample accounts. */
import type { Account } from '../utils/core/otp/account';
import type { KdfCost } from '../utils/core/vault/vault-format';
import { createAutoLock } from '../utils/vault/auto-lock';
import { createAccountsService } from '../utils/accounts/accounts-service';
import { createVaultService } from '../utils/vault/vault-service';
import { createVaultStore } from '../utils/vault/vault-store';
import { readSettings } from '../utils/vault/settings-item';
import { testSites } from './test-sites';

/** Argon2id at its minimum cost, so tests unlock in milliseconds; real vaults use DEFAULT_KDF. */
export const TEST_KDF: KdfCost = { memoryKiB: 8, iterations: 1, parallelism: 1 };

export const PASSPHRASE = 'correct horse battery staple';

export function testVault({ now = () => Date.now() } = {}) {
  const store = createVaultStore({ kdfCost: TEST_KDF });
  const autoLock = createAutoLock({ lock: async () => void (await vault.lock()), now });
  const vault = createVaultService({ store, autoLock, now });
  // As the worker wires it (register-background.ts): codes use the stored clock correction.
  const sites = testSites();
  const accounts = createAccountsService({
    store,
    now,
    clockOffset: async () => (await readSettings()).clockOffsetMs,
    sites,
  });
  return { store, autoLock, vault, accounts, sites };
}

export function sampleAccount(n: number, over: Partial<Account> = {}): Account {
  return {
    type: 'totp',
    issuer: `Issuer ${n}`,
    label: `user${n}@example.com`,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    ...over,
  } as Account;
}
