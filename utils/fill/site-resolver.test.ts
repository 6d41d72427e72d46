import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { helperCalls, inProcessHelper } from '../../tests/in-process-helper';
import { nextLockEpoch } from '../vault/lock-epoch';
import { createSiteResolver } from './site-resolver';
import { siteNamesItem } from './site-names-item';

beforeEach(() => {
  fakeBrowser.reset();
  helperCalls.length = 0;
});

const tasks = () => helperCalls.map(({ task, input }) => [task, input]);

describe('the site resolver', () => {
  it('answers a question needing no lookup at once: no storage read, no helper', async () => {
    const read = vi.spyOn(fakeBrowser.storage.session, 'get');
    const names = await createSiteResolver({ helper: inProcessHelper }).names({ hosts: [], names: [] });
    expect(names.siteOf('chrome://settings')).toBeUndefined();
    expect(() => names.siteOf('https://github.com/')).toThrow('not looked up');
    expect(read).not.toHaveBeenCalled();
    expect(helperCalls).toEqual([]);
  });

  it('asks the helper once for what it lacks, in one task per kind, then answers from memory', async () => {
    const sites = createSiteResolver({ helper: inProcessHelper });
    const needed = {
      hosts: ['bucket.s3.amazonaws.com', '127.0.0.1', 'www.bbc.co.uk'],
      names: ['Amazon.co.uk', 'Node.js'],
    };
    const names = await sites.names(needed);
    expect(names.siteOf('https://bucket.s3.amazonaws.com/x')).toBe('bucket.s3.amazonaws.com');
    expect(names.siteOf('http://127.0.0.1:8787/')).toBe('127.0.0.1:8787');
    expect(names.siteOf('https://www.bbc.co.uk/')).toBe('bbc.co.uk');
    expect([names.icannLabel('Amazon.co.uk'), names.icannLabel('Node.js')]).toEqual(['amazon', undefined]);
    await sites.names({ hosts: ['www.bbc.co.uk', 'www.bbc.co.uk'], names: ['Node.js'] });
    expect(await sites.siteOf('https://alice.github.io/')).toBe('alice.github.io');
    expect(tasks()).toEqual([
      ['registrableDomains', { hosts: needed.hosts }],
      ['icannLabels', { names: needed.names }],
      ['registrableDomains', { hosts: ['alice.github.io'] }],
    ]);
  });

  it('keeps the answers for the session, so a woken worker does not ask again', async () => {
    await createSiteResolver({ helper: inProcessHelper }).names({ hosts: ['mail.google.com'], names: ['google.com'] });
    helperCalls.length = 0;
    const woken = createSiteResolver({ helper: inProcessHelper });
    const names = await woken.names({ hosts: ['mail.google.com'], names: ['google.com'] });
    expect([names.siteOf('https://mail.google.com/'), names.icannLabel('google.com')]).toEqual([
      'google.com',
      'google',
    ]);
    expect(helperCalls).toEqual([]);
  });

  it('keeps at most its size of each kind in the session, the newest', async () => {
    const sites = createSiteResolver({ helper: inProcessHelper, cacheSize: 2 });
    await sites.names({ hosts: ['a.example.com', 'b.example.org'] });
    await sites.names({ hosts: ['c.example.net'] });
    expect((await siteNamesItem.getValue())?.hosts).toEqual([
      ['b.example.org', 'example.org'],
      ['c.example.net', 'example.net'],
    ]);
    // Memory keeps them all while the worker runs.
    expect((await sites.names({ hosts: ['a.example.com'] })).siteOf('https://a.example.com/')).toBe('example.com');
    expect(helperCalls).toHaveLength(2);
  });

  it('forgets every name on lock: they say where the user has accounts', async () => {
    const sites = createSiteResolver({ helper: inProcessHelper });
    await sites.names({ hosts: ['github.com'], names: ['github.com'] });
    nextLockEpoch();
    await vi.waitFor(async () => expect(await siteNamesItem.getValue()).toBeNull());
    helperCalls.length = 0;
    await sites.names({ hosts: ['github.com'] });
    expect(tasks()).toEqual([['registrableDomains', { hosts: ['github.com'] }]]);
  });

  it('keeps nothing looked up across a lock, but still answers', async () => {
    const sites = createSiteResolver({ helper: inProcessHelper });
    const asked = sites.names({ hosts: ['github.com'] });
    nextLockEpoch();
    expect((await asked).siteOf('https://github.com/')).toBe('github.com');
    expect(await siteNamesItem.getValue()).toBeNull();
  });

  it('keeps nothing of a cache read still under way when the vault locks', async () => {
    // The locked session's names, stored before this worker started.
    await siteNamesItem.setValue({ hosts: [['secret-bank.example', 'secret-bank.example']], labels: [] });
    const sites = createSiteResolver({ helper: inProcessHelper });
    const asked = sites.names({ hosts: ['example.org'] });
    nextLockEpoch(); // locked while the stored names are being read
    await asked;
    await vi.waitFor(async () => expect(await siteNamesItem.getValue()).toBeNull());
    // A new session's lookup neither finds nor writes back the old names.
    helperCalls.length = 0;
    await sites.names({ hosts: ['example.net'] });
    expect(JSON.stringify(await siteNamesItem.getValue())).not.toContain('secret-bank');
    await sites.names({ hosts: ['secret-bank.example'] });
    expect(tasks()).toContainEqual(['registrableDomains', { hosts: ['secret-bank.example'] }]);
  });

  it('refuses an answer the helper did not give', async () => {
    const sites = createSiteResolver({ helper: { run: async () => ({}) as never } });
    await expect(sites.names({ hosts: ['github.com'] })).rejects.toThrow('The helper did not look up github.com.');
  });

  it('asks the helper whether an address misuses a brand', async () => {
    const sites = createSiteResolver({ helper: inProcessHelper });
    expect(await sites.lookAlike('GitHub', 'https://github.evil.com/')).toBe('brand-elsewhere');
    expect(await sites.lookAlike('GitHub', 'https://github.com/')).toBeUndefined();
  });
});
