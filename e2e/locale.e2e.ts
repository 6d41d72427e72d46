/**
 * Tessera in another language, in real Chromium: `--lang=fr` makes the browser pick the French
 * messages, and counted messages take French plural forms through the `localeCode` message
 * (utils/i18n/plural.ts), since `i18n.getUILanguage()` does not follow `--lang` here.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createVault, launchTessera, openPopup, type Tessera } from './harness';

let tessera: Tessera;
let options: Page;

beforeAll(async () => {
  tessera = await launchTessera({ args: ['--lang=fr'] });
  await createVault(await openPopup(tessera));
  options = await tessera.context.newPage();
  await options.goto(`chrome-extension://${tessera.extensionId}/options.html`);
});
afterAll(() => tessera?.close());

const LINKS = [
  'otpauth://totp/Langue:un?secret=JBSWY3DPEHPK3PXP&issuer=Langue',
  'otpauth://totp/Langue:deux?secret=KRSXG5CTMVRXEZLU&issuer=Langue',
  'otpauth://totp/Langue:trois?secret=GEZDGNBVGY3TQOJQ&issuer=Langue',
];

describe('in French', () => {
  it.each([
    ['1 compte trouvé', LINKS.slice(0, 1), 'Ajouter 1 compte', '1 compte importé.'],
    ['2 comptes trouvés', LINKS.slice(1), 'Ajouter 2 comptes', '2 comptes importés.'],
  ])('heads the preview "%s" and adds them', async (found, links, add, done) => {
    await options.getByLabel("Ou collez le texte de l'export").fill(links.join('\n'));
    await options.getByRole('button', { name: "Lire l'export" }).click();
    await options.getByRole('heading', { name: found, exact: true }).waitFor();
    await options.getByRole('button', { name: add, exact: true }).click();
    await options.getByText(done, { exact: false }).waitFor();
  });
});
