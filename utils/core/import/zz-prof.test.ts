import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../../tests/shared-fixtures';
import { kdbxDatabase, raivoZip } from '../../../tests/archive-fixtures';
import { mutateBytes } from '../../../tests/mutate';
import { prng } from '../../../tests/prng';
import { importFile } from './import-file';
it('prof', async () => {
  const g = new Uint8Array(readFileSync(fixturePath('aegis-importers/google_authenticator.sqlite')));
  const r = await raivoZip(); const k = await kdbxDatabase('kdbx4-argon2id');
  for (const [name, bytes] of [['g', g], ['raivo', r], ['k4', k]] as const) {
    let t = performance.now();
    for (let i = 0; i < 100; i++) await importFile(bytes, 'test');
    const clean = (performance.now() - t) / 100;
    const random = prng(1); t = performance.now();
    for (let i = 0; i < 100; i++) mutateBytes(bytes, random);
    const mut = (performance.now() - t) / 100;
    t = performance.now();
    for (let i = 0; i < 100; i++) { try { await importFile(mutateBytes(bytes, random), 'test'); } catch {} }
    console.log(name, 'clean', clean.toFixed(2), 'mutate', mut.toFixed(2), 'mutated import', ((performance.now() - t) / 100).toFixed(2));
  }
});
