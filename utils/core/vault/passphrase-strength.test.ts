import { describe, expect, it } from 'vitest';
import { passphraseStrength } from './passphrase-strength';

describe('passphraseStrength', () => {
  it.each([
    ['', 'too-short'],
    ['abc123!', 'too-short'],
    ['aaaaaaaaaaaa', 'weak'],
    ['12345678', 'weak'],
    ['abcdefghijkl', 'weak'],
    ['sunflower', 'weak'],
    ['Sunflower42', 'fair'],
    ['correct horse battery', 'good'],
    ['correct horse battery staple', 'strong'],
    ['T7#qz!Lm9$wR2&vX', 'strong'],
  ])('%j is %s', (passphrase, level) => {
    expect(passphraseStrength(passphrase).level).toBe(level);
  });
  it('always gives a hint', () => {
    expect(passphraseStrength('short').hint).toBe('Use at least 8 characters.');
  });
});
