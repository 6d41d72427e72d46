import { describe, expect, it } from 'vitest';
import { accessPatterns } from './access-patterns';

describe('accessPatterns', () => {
  it.each([
    // An exact origin: its scheme and host; the port cannot be named in a match pattern.
    [['https://accounts.google.com'], ['https://accounts.google.com/*']],
    [['https://accounts.google.com:8443'], ['https://accounts.google.com/*']],
    [['http://127.0.0.1:8080'], ['http://127.0.0.1/*']],
    [['http://[::1]:8080'], ['http://[::1]/*']],
    // A whole site: https on the domain and every subdomain, never http.
    [['google.com'], ['https://*.google.com/*']],
    [['Google.COM'], ['https://*.google.com/*']],
    [['bbc.co.uk'], ['https://*.bbc.co.uk/*']],
    // Bindings of hosts without a registrable domain: that host; loopback over http too.
    [['127.0.0.1:8787'], ['https://127.0.0.1/*', 'http://127.0.0.1/*']],
    [['localhost:3000'], ['https://localhost/*', 'http://localhost/*']],
    [['intranet'], ['https://intranet/*']],
    [['10.0.0.7:8443'], ['https://10.0.0.7/*']],
    // Several bindings, one pattern each; the same one once.
    [
      ['https://github.com', 'github.com', 'https://github.com:444'],
      ['https://github.com/*', 'https://*.github.com/*'],
    ],
    // Nothing to ask for: no bindings, or text that is no address.
    [[], []],
    [['javascript:alert(1)'], []],
    [['ftp://example.com'], []],
  ])('%j asks for %j', (bindings, patterns) => {
    expect(accessPatterns(bindings)).toEqual(patterns);
  });
  it('asks for nothing for an account bound nowhere', () => {
    expect(accessPatterns(undefined)).toEqual([]);
  });
});
