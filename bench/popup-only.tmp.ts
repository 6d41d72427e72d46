import { ensureChrome } from '../scripts/find-chrome';
import { benchPopup } from './popup.bench';
import { launchWithAccounts } from './unlock.bench';
process.env.CHROME_PATH ??= ensureChrome();
const tessera = await launchWithAccounts();
try {
  for (const f of await benchPopup(tessera, 500)) console.log(`${f.name}: ${f.median} ${f.unit} (min ${f.min}, max ${f.max})`);
} finally {
  await tessera.close();
}
