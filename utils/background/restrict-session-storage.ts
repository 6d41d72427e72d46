import { browser } from 'wxt/browser';

/**
 * Keeps storage.session (where the unlocked key lives) out of content scripts' reach. It is
 * Chrome's default, stated here so a future default cannot change it; Firefox has no such API
 * and never exposes storage.session to content scripts.
 */
export async function restrictSessionStorage(): Promise<void> {
  const session = browser.storage.session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
