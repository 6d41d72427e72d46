/**
 * The host permissions the side panel asks for before it fills an account: the account's own
 * bindings (binding-covers.ts) as match patterns, and nothing wider. The side panel is not a
 * toolbar click, so it never gets activeTab (developer.chrome.com/docs/extensions/develop/concepts/activeTab,
 * "Invoking activeTab": action, context menu, shortcut, omnibox; MDN "activeTab permission"):
 * without a site's permission it can neither read the tab's address nor inject the fill agent.
 *
 * Match patterns carry no port (Firefox refuses one; Chrome then matches every port), so an
 * origin with a port asks for its host on that scheme. A whole site asks for https on it and its
 * subdomains (`*.` matches the domain itself too); an IP address or `localhost` has no
 * subdomains and, being loopback where http is allowed, is asked for over http too.
 * Patterns: https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function accessPatterns(bindings: readonly string[] = []): string[] {
  const patterns = bindings.flatMap((binding) => {
    if (binding.includes('://')) {
      const url = parse(binding);
      return url ? [`${url.protocol}//${url.hostname}/*`] : [];
    }
    const url = parse(`https://${binding}`);
    if (!url) return [];
    const host = url.hostname;
    if (isLoopback(host)) return [`https://${host}/*`, `http://${host}/*`];
    if (isIp(host) || !host.includes('.')) return [`https://${host}/*`];
    return [`https://*.${host}/*`];
  });
  return [...new Set(patterns)];
}

function parse(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function isIp(host: string): boolean {
  return /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
}

/** localhost and 127.0.0.0/8 and ::1, as binding-covers.ts allows http on (W3C Secure Contexts §3.1). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127(\.\d+){3}$/.test(host) || host === '[::1]';
}
