/**
 * Runs in the page's top frame (scripting.executeScript `func`: it must use nothing from outside
 * itself): one HEAD request to the page's own origin, and the local clock around it.
 *
 * Same-origin only: `mode: 'same-origin'` makes any redirect to another origin a network error
 * before it is sent (Fetch, "main fetch"), so no other site ever gets a request, and lets the
 * `Date` header be read (an opaque `redirect: 'manual'` answer would hide it, and sites often
 * redirect `/`). No cookies (`credentials: 'omit'`), no cache (`no-store`). Chrome's content
 * scripts fetch "on behalf of the web origin" they run in
 * (https://developer.chrome.com/docs/extensions/develop/concepts/network-requests); Firefox's do
 * so through `content.fetch`
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Content_scripts#xhr_and_fetch).
 */
export interface PageDateSample {
  origin: string;
  date: string | null;
  age: string | null;
  sentAt: number;
  receivedAt: number;
}

export async function headDate(timeoutMs: number): Promise<PageDateSample | null> {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const request: typeof fetch = typeof page?.fetch === 'function' ? (...args) => page.fetch!(...args) : fetch;
  const sentAt = Date.now();
  try {
    const response = await request(`${location.origin}/`, {
      method: 'HEAD',
      mode: 'same-origin',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const receivedAt = Date.now();
    return {
      origin: location.origin,
      date: response.headers.get('date'),
      age: response.headers.get('age'),
      sentAt,
      receivedAt,
    };
  } catch {
    return null;
  }
}
