/**
 * The helper's public-suffix chunk: tldts and its copy of the Public Suffix List (~45 KiB
 * gzipped), which the worker no longer loads on wake (issue 19). The worker asks it only for the
 * names a decision needs and keeps the answers (utils/fill/site-resolver.ts).
 */
import { lookAlike } from '../core/fill/look-alike';
import { icannLabelOf, registrableDomainOf } from '../core/fill/site-of';
import { defineChunk } from './define-chunk';

export default defineChunk('site', {
  async registrableDomains({ hosts }) {
    return Object.fromEntries(hosts.map((host) => [host, registrableDomainOf(host)]));
  },
  async icannLabels({ names }) {
    return Object.fromEntries(names.map((name) => [name, icannLabelOf(name)]));
  },
  async lookAlike({ issuer, pageUrl }) {
    return lookAlike(issuer, pageUrl) ?? null;
  },
});
