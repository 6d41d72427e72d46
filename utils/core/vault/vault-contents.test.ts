import { describe, expect, it } from 'vitest';
import { utf8 } from '../internal/bytes';
import { decodeContents, emptyContents, encodeContents, type ContentsMigrations } from './vault-contents';

describe('vault contents', () => {
  it('round-trips', () => {
    const contents = {
      ...emptyContents(),
      entries: [
        {
          id: 'a',
          addedAt: 1,
          account: {
            type: 'totp',
            issuer: 'X',
            label: 'y',
            secret: 'JBSWY3DPEHPK3PXP',
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
          } as const,
        },
      ],
    };
    expect(decodeContents(encodeContents(contents))).toEqual(contents);
  });

  it('runs migrations in order up to the current version (the hook for a future format)', () => {
    // Pretend the current schema is 3 and the stored contents are version 1.
    const migrations: ContentsMigrations = {
      1: (v1) => ({ ...v1, entries: (v1.entries as object[]).map((entry) => ({ ...entry, sites: [] })) }),
      2: (v2) => ({ ...v2, settings: { sorted: true } }),
    };
    const stored = utf8(JSON.stringify({ version: 1, entries: [{ id: 'a' }] }));
    expect(decodeContents(stored, migrations, 3)).toEqual({
      version: 3,
      entries: [{ id: 'a', sites: [] }],
      settings: { sorted: true },
    });
  });

  it.each([
    ['contents newer than this Tessera', '{"version":9,"entries":[]}', 'unsupported-version'],
    ['a version with no migration', '{"version":0,"entries":[]}', 'vault-damaged'],
    ['no account list', '{"version":1}', 'vault-damaged'],
    ['not JSON', '{"version":1,', 'vault-damaged'],
  ])('refuses %s', (_, text, code) => {
    expect(() => decodeContents(utf8(text))).toThrow(expect.objectContaining({ code }));
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => decodeContents(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(
      expect.objectContaining({ code: 'vault-damaged' }),
    );
  });
});

describe('the optional site icon of an entry (no contents migration)', () => {
  const account = {
    type: 'totp',
    issuer: 'GitHub',
    label: 'a',
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  } as const;
  const icon = { origin: 'https://github.com', png: 'data:image/png;base64,iVBORw0KGgo=' };
  it('is kept through an encode and decode, at the same contents version', () => {
    const contents = { version: 1, entries: [{ id: '1', account, addedAt: 0, sites: ['github.com'], icon }] };
    const decoded = decodeContents(encodeContents(contents));
    expect(decoded.version).toBe(1);
    expect(decoded.entries[0]!.icon).toEqual(icon);
  });
  it('is simply absent from contents written before it existed', () => {
    const old = utf8(JSON.stringify({ version: 1, entries: [{ id: '1', account, addedAt: 0 }] }));
    expect(decodeContents(old).entries[0]).not.toHaveProperty('icon');
  });
});
