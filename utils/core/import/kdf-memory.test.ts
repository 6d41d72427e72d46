/**
 * Argon2id at the cost Ente and Bitwarden may ask for (up to 1 GiB) can fail for want of memory:
 * the user is told that, not that the file is damaged.
 */
import { describe, expect, it, vi } from 'vitest';
import { bitwardenEncryptedExport, enteEncryptedExport } from '../../../tests/import-fixtures';
import { importFile } from './import-file';
import type * as ImportCrypto from './import-crypto';

vi.mock('./import-crypto', async (original) => ({
  ...(await original<typeof ImportCrypto>()),
  argon2idKey: () => Promise.reject(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded')),
}));

describe('an Argon2id key the browser has no memory for', () => {
  it.each([
    ['Ente Auth', () => enteEncryptedExport('pw'), /needs 16 MiB of memory to open, which the browser refused/],
    [
      'Bitwarden',
      () => bitwardenEncryptedExport('pw', { kdfType: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 }),
      /needs 64 MiB of memory to open, which the browser refused/,
    ],
  ] as [string, () => Promise<Uint8Array>, RegExp][])('%s says so', async (_, build, message) => {
    await expect(importFile(await build(), 'pw')).rejects.toMatchObject({
      name: 'ImportError',
      message: expect.stringMatching(message),
    });
  });
});
