/**
 * The export chunk as the background calls it (tests/in-process-helper.ts: through JSON): files
 * and transfer codes that read back into the same accounts.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../core/otp/account';
import { inProcessHelper } from '../../tests/in-process-helper';
import { sampleAccount } from '../../tests/test-vault';
import { importFile } from '../core/import/import-file';
import { utf8 } from '../core/internal/bytes';
import { parseMigrationUri } from '../core/scan/otpauth-migration';

describe('the export tasks', () => {
  it('writes an encrypted Aegis file that opens with its password only, tags as groups', async () => {
    const entries: { account: Account; tags: string[] }[] = [
      { account: sampleAccount(1), tags: ['Work'] },
      {
        account: {
          type: 'hotp',
          issuer: 'Bank',
          label: 'me',
          secret: 'GEZDGNBVGY3TQOJQ',
          algorithm: 'SHA1',
          digits: 6,
          counter: 7,
        },
        tags: [],
      },
    ];
    const text = await inProcessHelper.run('exportAegis', { entries, password: 'to aegis please' });
    const read = await importFile(utf8(text), 'to aegis please');
    expect(read.accounts.map(({ account, tags }) => ({ account, tags }))).toEqual(entries);
    await expect(importFile(utf8(text), 'not the password')).rejects.toMatchObject({ code: 'wrong-password' });
  });

  it('writes Google transfer codes with the batch id, and names the accounts Google cannot take', async () => {
    const movable = sampleAccount(1);
    const steam = sampleAccount(2, { type: 'steam', digits: 5 });
    const { uris, notMovable } = await inProcessHelper.run('exportGoogle', {
      accounts: [movable, steam],
      batchId: -42,
    });
    expect(uris).toHaveLength(1);
    expect(parseMigrationUri(uris[0]!)).toMatchObject({ accounts: [movable], batch: { id: -42, index: 0, size: 1 } });
    expect(notMovable).toEqual([{ account: steam, reason: expect.stringContaining('Steam') }]);
  });
});
