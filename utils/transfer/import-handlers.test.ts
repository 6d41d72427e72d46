import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixturePath } from '../../tests/shared-fixtures';
import { PASSPHRASE, testVault } from '../../tests/test-vault';
import { inProcessHelper } from '../../tests/in-process-helper';
import { toBase64 } from '../core/internal/bytes';
import { requireKey } from '../vault/session-key';
import { importHandlers } from './import-handlers';
import { createMessageRouter, type Handlers, type Sender } from '../messaging/message-router';
import { previewHandlers } from '../preview/preview-handlers';
import { createPreviewService } from '../preview/preview-service';

beforeEach(() => fakeBrowser.reset());

const options = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const file = (name: string) => toBase64(readFileSync(fixturePath(name)));

async function setup() {
  const { vault, accounts, store } = testVault();
  await vault.create(PASSPHRASE);
  const scan = createPreviewService({ accounts });
  const route = createMessageRouter({
    ...importHandlers(scan, inProcessHelper),
    ...previewHandlers(scan),
  } as unknown as Handlers);
  return { vault, accounts, store, route };
}

describe('import.file', () => {
  it('asks for the password, refuses a wrong one, then previews the accounts and imports them with their groups in one write', async () => {
    const { route, accounts, store } = await setup();
    const data = file('aegis-vault/aegis_plain_grouped_v2.json');
    expect(
      await route(
        { type: 'import.file', payload: { data: file('aegis-importers/2fas_authenticator_encrypted_v4.2fas') } },
        options(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'password-required', message: expect.stringContaining('2FAS') } });
    expect(
      await route(
        {
          type: 'import.file',
          payload: { data: file('aegis-importers/2fas_authenticator_encrypted_v4.2fas'), password: 'nope' },
        },
        options(),
      ),
    ).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const preview = await route({ type: 'import.file', payload: { data } }, options());
    expect(preview).toMatchObject({ ok: true, value: { format: 'Aegis', skipped: [] } });
    const { nonce, accounts: rows } = (
      preview as { value: { nonce: string; accounts: { key: string; tags?: string[]; issuer: string }[] } }
    ).value;
    expect(rows).toHaveLength(7);
    expect(JSON.stringify(preview)).not.toContain('4SJHB4GSD43FZBAI7C2HLRJGPQ');
    const revision = async () => (await store.read(await requireKey())).revision;
    const before = await revision();
    expect(
      await route(
        { type: 'preview.confirm', payload: { nonce, choices: rows.map((row) => ({ key: row.key, action: 'add' })) } },
        options(),
      ),
    ).toEqual({ ok: true, value: { added: 7, replaced: 0 } });
    expect(await revision()).toBe(before + 1);
    const entries = (await store.read(await requireKey())).contents.entries;
    expect(entries.filter((entry) => entry.tags?.includes('group1'))).toHaveLength(2);
    expect((await accounts.list()).map((view) => view.issuer)).toEqual(rows.map((row) => row.issuer));
  });

  it('gives the typed error for a file that is not an export, and nothing is pending', async () => {
    const { route } = await setup();
    expect(
      await route({ type: 'import.file', payload: { data: toBase64(new TextEncoder().encode('hello')) } }, options()),
    ).toMatchObject({ ok: false, error: { code: 'not-recognised' } });
    expect(await route({ type: 'import.file', payload: { data: '%%%' } }, options())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(
      await route(
        { type: 'import.file', payload: { data: toBase64(new TextEncoder().encode('hello')), password: 5 } },
        options(),
      ),
    ).toEqual({ ok: false, error: { code: 'invalid-input', message: 'password must be text.' } });
    expect(await route({ type: 'preview.get' }, options())).toEqual({ ok: true, value: null });
  });

  it('needs the vault unlocked and an extension page', async () => {
    const { route, vault } = await setup();
    const page: Sender = { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 3 } as Sender['tab'] };
    expect(
      await route({ type: 'import.file', payload: { data: file('aegis-importers/plain.txt') } }, page),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await vault.lock();
    expect(
      await route({ type: 'import.file', payload: { data: file('aegis-importers/plain.txt') } }, options()),
    ).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
