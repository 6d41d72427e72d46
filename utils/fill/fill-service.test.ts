import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsService } from '../accounts/accounts-service';
import { createFillService } from './fill-service';
import { fillFrame, findCodeField } from './tab-filler';

vi.mock('./tab-filler', () => ({ findCodeField: vi.fn(), fillFrame: vi.fn() }));

const TAB = { id: 3, url: 'https://github.com/sessions/two-factor/app' } as Parameters<
  ReturnType<typeof createFillService>['fill']
>[0];
const accounts = {
  fillTarget: async () => ({ digits: 6, sites: ['github.com'] }),
  codeFor: async () => '123456',
  bindSite: async () => undefined,
} as unknown as AccountsService;

beforeEach(() => {
  vi.mocked(findCodeField).mockReset();
  vi.mocked(fillFrame).mockReset();
});

describe('the clock check beside a fill', () => {
  it('starts once the page has a code field, and the fill does not wait for it', async () => {
    vi.mocked(findCodeField).mockResolvedValue({
      frameId: 0,
      origin: 'https://github.com',
      pageOrigin: 'https://github.com',
    });
    vi.mocked(fillFrame).mockResolvedValue({ filled: true, how: 'single' });
    const check = vi.fn(() => new Promise<void>(() => {})); // a check that never ends
    const filled = createFillService({ accounts, clock: { check } }).fill(TAB, { id: 'a' });
    const waited = new Promise((resolve) => setTimeout(() => resolve('waited for the check'), 1000));
    expect(await Promise.race([filled, waited])).toEqual({ filled: true, how: 'single', site: 'github.com' });
    expect(check).toHaveBeenCalledWith(TAB);
  });

  it('does not start on a page without a code field', async () => {
    vi.mocked(findCodeField).mockResolvedValue({ reason: 'no-field' });
    const check = vi.fn(async () => undefined);
    const outcome = await createFillService({ accounts, clock: { check } }).fill(TAB, { id: 'a' });
    expect(outcome).toEqual({ filled: false, reason: 'no-field' });
    expect(check).not.toHaveBeenCalled();
  });
});
