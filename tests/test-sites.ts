/** The site resolver as the worker wires it (register-background.ts), on the in-process helper. */
import { createSiteResolver } from '../utils/fill/site-resolver';
import { inProcessHelper } from './in-process-helper';

export function testSites() {
  return createSiteResolver({ helper: inProcessHelper });
}
