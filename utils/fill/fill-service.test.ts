import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountsService } from '../accounts/accounts-service';
import { createFillService, type FillRequest } from './fill-service';
import { fillFrame, findCodeField } from './tab-filler';
import { testSites } from '../../tests/test-sites';

vi.mock('./tab-filler', () => ({ findCodeField: vi.fn(), fillFrame: vi.fn() }));

type Tab = Parameters<ReturnType<typeof createFillService>['fill']>[0];
const TAB = { id: 3, url: 'https://github.com/sessions/two-factor/app' } as Tab;

function fakeAccounts(sites: string[] = ['github.com'], issuer = 'GitHub') {
  return {
    fillTarget: vi.fn(async () => ({ digits: 6, sites, issuer })),
    codeFor: vi.fn(async () => '123456'),
    bindSite: vi.fn(async () => undefined),
  };
}

/** The page found a code field in its top frame (the agent reports the tab's origin). */
function fieldOn(url: string, frameOrigin = new URL(url).origin) {
  vi.mocked(findCodeField).mockResolvedValue({ frameId: 0, origin: frameOrigin, pageOrigin: new URL(url).origin });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(findCodeField).mockReset();
  vi.mocked(fillFrame).mockReset();
  vi.mocked(fillFrame).mockResolvedValue({ filled: true, how: 'single' });
});

async function fill(url: string, accounts: ReturnType<typeof fakeAccounts>, request: Partial<FillRequest> = {}) {
  fieldOn(url);
  const service = createFillService({ accounts: accounts as unknown as AccountsService, sites: testSites() });
  return service.fill({ id: 3, url } as Tab, { id: 'a', ...request });
}

describe('where a code goes unasked', () => {
  it.each([
    ['an origin bound', ['https://accounts.example.com'], 'https://accounts.example.com/otp'],
    ['a whole site bound (legacy or chosen), on https', ['example.com'], 'https://login.example.com/otp'],
    ['a local origin bound', ['http://127.0.0.1:8080'], 'http://127.0.0.1:8080/otp'],
  ])('%s: fills', async (_, sites, url) => {
    const accounts = fakeAccounts(sites, 'Example');
    expect(await fill(url, accounts)).toMatchObject({ filled: true });
    expect(fillFrame).toHaveBeenCalledOnce();
    expect(accounts.bindSite).not.toHaveBeenCalled();
  });
});

describe('where it asks first, and how (no code is made, none is sent)', () => {
  it.each([
    [
      'another origin of the site bound',
      ['https://accounts.example.com'],
      'Example',
      'https://forms.example.com/f',
      'other-origin',
    ],
    [
      'an http page of an https origin',
      ['https://accounts.example.com'],
      'Example',
      'http://accounts.example.com/',
      'insecure',
    ],
    ['an http page of a whole site', ['example.com'], 'Example', 'http://accounts.example.com/', 'insecure'],
    ['another site', ['https://github.com'], 'GitHub', 'https://github.evil.com/', 'elsewhere'],
    [
      'unbound, the issuer only in a subdomain',
      [],
      'PayPal',
      'https://paypal.com.secure-login.net/',
      'brand-elsewhere',
    ],
    ['unbound, a look-alike host', [], 'GitHub', 'https://g1thub.com/login', 'look-alike'],
    ['unbound, a punycode host', [], 'PayPal', 'https://xn--pypal-4ve.com/', 'punycode'],
    ['unbound, a plain http page', [], 'GitHub', 'http://github.com/login', 'insecure-page'],
    ['unbound, on a shared host (private suffix)', [], 'PayPal', 'https://paypal.github.io/', 'brand-elsewhere'],
    [
      'unbound, named like the page: never silent, a friendly question',
      [],
      'GitHub',
      'https://github.com/login',
      undefined,
    ],
    ['unbound, any other page: a friendly question', [], 'GitHub', 'https://gitlab.com/', undefined],
  ])('%s', async (_, sites, issuer, url, warning) => {
    const accounts = fakeAccounts(sites, issuer);
    const outcome = await fill(url, accounts);
    expect(outcome).toMatchObject({ filled: false, reason: 'confirm-site', origin: new URL(url).origin, bound: sites });
    expect(outcome).toEqual(expect.objectContaining(warning ? { warning } : {}));
    if (!warning) expect(outcome).not.toHaveProperty('warning');
    expect(accounts.codeFor).not.toHaveBeenCalled();
    expect(fillFrame).not.toHaveBeenCalled();
  });

  it('takes a yes for this origin only: a yes for another origin of the site asks again', async () => {
    const accounts = fakeAccounts(['https://accounts.example.com'], 'Example');
    const url = 'https://forms.example.com/f';
    expect(await fill(url, accounts, { confirmOrigin: 'https://accounts.example.com' })).toMatchObject({
      reason: 'confirm-site',
    });
    expect(await fill(url, accounts, { confirmOrigin: 'example.com' })).toMatchObject({ reason: 'confirm-site' });
    expect(await fill(url, accounts, { confirmOrigin: 'https://forms.example.com' })).toMatchObject({ filled: true });
  });

  it.each<[string, FillRequest['remember'], string]>([
    ['https://accounts.google.com/x', 'origin', 'https://accounts.google.com'],
    ['https://accounts.google.com/x', 'site', 'google.com'],
    ['http://accounts.example.com:8080/x', 'site', 'http://accounts.example.com:8080'], // no whole site over http
    ['https://127.0.0.1:8443/x', 'site', 'https://127.0.0.1:8443'], // nor for an IP address
  ])('after a yes on %s, remembers %s as %s', async (url, remember, bound) => {
    const accounts = fakeAccounts([], 'Google');
    await fill(url, accounts, { confirmOrigin: new URL(url).origin, remember });
    expect(accounts.bindSite).toHaveBeenCalledWith('a', bound);
  });

  it('remembers nothing unasked, or when the page changed before the code was sent', async () => {
    const accounts = fakeAccounts([], 'Google');
    const url = 'https://accounts.google.com/x';
    await fill(url, accounts, { confirmOrigin: 'https://accounts.google.com' });
    vi.mocked(fillFrame).mockResolvedValue({ filled: false, reason: 'navigated' });
    expect(await fill(url, accounts, { confirmOrigin: 'https://accounts.google.com', remember: 'origin' })).toEqual({
      filled: false,
      reason: 'navigated',
    });
    expect(accounts.bindSite).not.toHaveBeenCalled();
  });
});

describe('the frame and the document', () => {
  it('refuses when the page the agent found is not the address checked (the tab navigated)', async () => {
    const accounts = fakeAccounts();
    vi.mocked(findCodeField).mockResolvedValue({
      frameId: 0,
      origin: 'https://github.evil.com',
      pageOrigin: 'https://github.evil.com',
    });
    const outcome = await createFillService({
      accounts: accounts as unknown as AccountsService,
      sites: testSites(),
    }).fill(TAB, {
      id: 'a',
    });
    expect(outcome).toEqual({ filled: false, reason: 'navigated' });
    expect(accounts.codeFor).not.toHaveBeenCalled();
  });

  it('asks about a frame from another origin, and takes a yes for that origin only', async () => {
    const accounts = fakeAccounts();
    const service = createFillService({ accounts: accounts as unknown as AccountsService, sites: testSites() });
    vi.mocked(findCodeField).mockResolvedValue({
      frameId: 4,
      origin: 'https://auth.example.net',
      pageOrigin: 'https://github.com',
    });
    expect(await service.fill(TAB, { id: 'a' })).toEqual({
      filled: false,
      reason: 'confirm-frame',
      site: 'github.com',
      frame: 'https://auth.example.net',
    });
    expect(await service.fill(TAB, { id: 'a', confirmFrame: 'https://other.example.net' })).toMatchObject({
      reason: 'confirm-frame',
    });
    expect(await service.fill(TAB, { id: 'a', confirmFrame: 'https://auth.example.net' })).toMatchObject({
      filled: true,
    });
  });

  it('passes the document a locked fill was asked on, and the frame, to the field search', async () => {
    const accounts = fakeAccounts();
    fieldOn(TAB.url!);
    await createFillService({ accounts: accounts as unknown as AccountsService, sites: testSites() }).fill(TAB, {
      id: 'a',
      frameId: 2,
      documentId: 'DOC',
    });
    expect(findCodeField).toHaveBeenCalledWith(3, 6, 2, 'DOC');
  });

  it.each(['chrome://settings', 'file:///tmp/x.html', undefined])('refuses %s as restricted', async (url) => {
    const accounts = fakeAccounts();
    expect(
      await createFillService({ accounts: accounts as unknown as AccountsService, sites: testSites() }).fill(
        { id: 3, url } as Tab,
        {
          id: 'a',
        },
      ),
    ).toEqual({ filled: false, reason: 'restricted' });
    expect(findCodeField).not.toHaveBeenCalled();
  });
});

describe('the clock check beside a fill', () => {
  it('starts once the page has a code field, and the fill does not wait for it', async () => {
    fieldOn(TAB.url!);
    const check = vi.fn(() => new Promise<void>(() => {})); // a check that never ends
    const accounts = fakeAccounts() as unknown as AccountsService;
    const filled = createFillService({ accounts, sites: testSites(), clock: { check } }).fill(TAB, { id: 'a' });
    const waited = new Promise((resolve) => setTimeout(() => resolve('waited for the check'), 1000));
    expect(await Promise.race([filled, waited])).toEqual({ filled: true, how: 'single', site: 'github.com' });
    expect(check).toHaveBeenCalledWith(TAB);
  });

  it('does not start on a page without a code field, nor before the user agreed to the page', async () => {
    vi.mocked(findCodeField).mockResolvedValue({ reason: 'no-field' });
    const check = vi.fn(async () => undefined);
    const accounts = fakeAccounts() as unknown as AccountsService;
    const outcome = await createFillService({ accounts, sites: testSites(), clock: { check } }).fill(TAB, { id: 'a' });
    expect(outcome).toEqual({ filled: false, reason: 'no-field' });
    fieldOn('https://gitlab.com/');
    await createFillService({ accounts, sites: testSites(), clock: { check } }).fill(
      { id: 3, url: 'https://gitlab.com/' } as Tab,
      {
        id: 'a',
      },
    );
    expect(check).not.toHaveBeenCalled();
  });
});

describe("keeping the site's icon (Firefox)", () => {
  async function fillWithIcons(url: string, sites: string[], request: Partial<FillRequest> = {}) {
    fieldOn(url);
    const capture = vi.fn(async () => undefined);
    const accounts = fakeAccounts(sites, 'Example');
    const service = createFillService({
      accounts: accounts as unknown as AccountsService,
      sites: testSites(),
      icons: { capture },
    });
    const outcome = await service.fill({ id: 3, url } as Tab, { id: 'a', ...request });
    return { outcome, capture };
  }
  it('captures after a fill on a page the account is bound to', async () => {
    const { capture } = await fillWithIcons('https://github.com/login', ['https://github.com']);
    expect(capture).toHaveBeenCalledWith(3, 'a', 'https://github.com');
  });
  it('captures after a fill that binds the page', async () => {
    const { capture } = await fillWithIcons('https://github.com/login', [], {
      confirmOrigin: 'https://github.com',
      remember: 'origin',
    });
    expect(capture).toHaveBeenCalledOnce();
  });
  it('captures nothing after a fill the user allowed once, without binding', async () => {
    const { outcome, capture } = await fillWithIcons('https://github.com/login', [], {
      confirmOrigin: 'https://github.com',
    });
    expect(outcome).toMatchObject({ filled: true });
    expect(capture).not.toHaveBeenCalled();
  });
  it('captures nothing when it asks first', async () => {
    const { capture } = await fillWithIcons('https://github.evil.com/', ['https://github.com']);
    expect(capture).not.toHaveBeenCalled();
  });
});
