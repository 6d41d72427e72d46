/**
 * Mozilla's own linter (addons-linter, what addons.mozilla.org runs on every upload) over a
 * Firefox package. Issue 18 asks for 0 errors and 0 warnings, or each remaining warning
 * explained: the explanations live here, each tied to the code it excuses, so a new warning of
 * the same kind from anywhere else still fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import addonsLinter from 'addons-linter';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';

export interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface Explained {
  code: string;
  /** True when the message is the one this explanation is about. */
  covers: (message: LinterMessage, fileText: string) => boolean;
  why: string;
}

export const EXPLAINED: readonly Explained[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's renderer: `dom.innerHTML = props.dangerouslySetInnerHTML.__html`.
    covers: (message, text) => /innerHTML/.test(message.message) && text.includes('.__html'),
    why:
      "Preact's renderer sets innerHTML only for the dangerouslySetInnerHTML prop, which no Tessera " +
      'code uses: ESLint refuses it in shipped code (eslint.config.js, noDynamicMarkup).',
  },
];

export interface LintReport {
  errors: LinterMessage[];
  /** Warnings no explanation covers: these fail. */
  warnings: LinterMessage[];
  explained: (LinterMessage & { why: string })[];
  notices: LinterMessage[];
}

/** Lints a package (zip bytes) as addons.mozilla.org does. */
export async function lintFirefoxPackage(zip: Uint8Array): Promise<LintReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tessera-amo-'));
  const file = path.join(dir, 'tessera.zip');
  try {
    writeFileSync(file, zip);
    const linter = addonsLinter.createInstance({
      config: {
        _: [file],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: false,
        selfHosted: false,
      },
      runAsBinary: false,
    });
    const result = (await linter.run()) as {
      errors: LinterMessage[];
      warnings: LinterMessage[];
      notices: LinterMessage[];
    };
    const texts = await zipTexts(zip);
    const explained: LintReport['explained'] = [];
    const warnings: LinterMessage[] = [];
    for (const warning of result.warnings) {
      const why = EXPLAINED.find(
        (entry) => entry.code === warning.code && entry.covers(warning, texts.get(warning.file ?? '') ?? ''),
      )?.why;
      if (why) explained.push({ ...warning, why });
      else warnings.push(warning);
    }
    return { errors: result.errors, warnings, explained, notices: result.notices };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function zipTexts(zip: Uint8Array): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(zip), { useWebWorkers: false });
  const texts = new Map<string, string>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory || !/\.(js|json|html)$/.test(entry.filename)) continue;
    texts.set(entry.filename, new TextDecoder().decode(await entry.getData(new Uint8ArrayWriter())));
  }
  await reader.close();
  return texts;
}

/** One line per message, for a failure or the release log. */
export function describeMessages(messages: readonly LinterMessage[]): string {
  return messages.map((m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`).join('\n');
}
