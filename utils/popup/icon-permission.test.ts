import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { releaseIconPermission, requestIconPermission } from './icon-permission';

const permissions = fakeBrowser.permissions as unknown as {
  request: (request: unknown) => Promise<boolean>;
  remove: (request: unknown) => Promise<boolean>;
};

afterEach(() => vi.restoreAllMocks());

describe('the favicon permission', () => {
  it.each([
    ['granted', true, true],
    ['refused', false, false],
  ])('asks for favicon alone when icons are turned on: %s', async (_name, answer, shown) => {
    const request = vi.spyOn(permissions, 'request').mockResolvedValue(answer);
    await expect(requestIconPermission()).resolves.toBe(shown);
    expect(request).toHaveBeenCalledWith({ permissions: ['favicon'] });
  });
  it('takes an error (a Chrome without the permission) as a refusal', async () => {
    vi.spyOn(permissions, 'request').mockRejectedValue(new Error('Unknown permission'));
    await expect(requestIconPermission()).resolves.toBe(false);
  });
  it('gives favicon back when icons are turned off, and ignores a refusal', async () => {
    const remove = vi.spyOn(permissions, 'remove').mockResolvedValue(true);
    await releaseIconPermission();
    expect(remove).toHaveBeenCalledWith({ permissions: ['favicon'] });
    remove.mockRejectedValue(new Error('You cannot remove required permissions.'));
    await expect(releaseIconPermission()).resolves.toBeUndefined();
  });
});
