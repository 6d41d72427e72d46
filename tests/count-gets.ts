/** Every storage get made from here on, as "area keys" (fakeBrowser's local and session areas). */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function countGets(): string[] {
  const gets: string[] = [];
  for (const area of ['local', 'session'] as const) {
    const target = fakeBrowser.storage[area];
    const get = target.get.bind(target);
    vi.spyOn(target, 'get').mockImplementation(((keys: string | string[]) => {
      gets.push(`${area} ${[keys].flat().join(',')}`);
      return get(keys);
    }) as typeof target.get);
  }
  return gets;
}
