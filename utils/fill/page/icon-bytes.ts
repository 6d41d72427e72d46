/**
 * Runs in the page's top frame (scripting.executeScript `func`: it must use nothing from outside
 * itself): reads the page's own favicon, as Firefox reported it (`tab.favIconUrl`), when that is
 * on the page's origin. Firefox (the only browser that uses this) exposes no icon bytes to
 * extensions, and Tessera sends nothing to any icon server, so the page is asked for its own.
 *
 * Same-origin only (`mode: 'same-origin'`: a redirect elsewhere is a network error before it is
 * sent, Fetch "main fetch"), no cookies, from the cache when it is there (`force-cache`: the
 * browser has just loaded this icon), at most `maxBytes`, and only an `image/*` answer. What comes
 * back is untrusted bytes: the worker decodes and re-encodes them (normalise-icon.ts). Through
 * Firefox's `content.fetch`, as head-date.ts, so it is the page's request, not the extension's.
 */
export async function iconBytes(url: string, maxBytes: number): Promise<string | null> {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const request: typeof fetch = typeof page?.fetch === 'function' ? (...args) => page.fetch!(...args) : fetch;
  try {
    if (new URL(url, location.href).origin !== location.origin) return null;
    const response = await request(url, {
      mode: 'same-origin',
      credentials: 'omit',
      cache: 'force-cache',
      signal: AbortSignal.timeout(3000),
    });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/^image\//i.test(type)) return null;
    const blob = await response.blob();
    if (blob.size === 0 || blob.size > maxBytes) return null;
    return await new Promise<string | null>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(blob);
    });
  } catch {
    return null;
  }
}
