import { describe, expect, it } from 'vitest';
import { areaDevice, areaKey, chunkKey, isAreaKey, staleAreaKeys } from './sync-keys';

describe('sync keys', () => {
  it('names the meta and chunks of a device', () => {
    expect([areaKey('dev'), chunkKey('dev', 3)]).toEqual(['t.d.dev', 't.d.dev.3']);
  });

  it.each([
    ['t.d.dev', 'dev'],
    ['t.d.dev.0', undefined],
    ['t.h', undefined],
    ['t.d.', undefined],
    ['t.d.a b', undefined],
  ])('%s is the meta of %s', (key, device) => {
    expect(areaDevice(key)).toBe(device);
  });

  it.each([
    ['t.d.dev', true],
    ['t.d.dev.12', true],
    ['t.d.dev2', false],
    ['t.d.dev.x', false],
    ['t.h', false],
  ])('%s belongs to dev: %s', (key, expected) => {
    expect(isAreaKey(key, 'dev')).toBe(expected);
  });

  it('finds the chunks a shorter write leaves behind, and only its own', () => {
    const current = { 't.h': 1, 't.d.dev': 1, 't.d.dev.0': 1, 't.d.dev.1': 1, 't.d.dev.2': 1, 't.d.other.5': 1 };
    expect(staleAreaKeys(current, 'dev', { 't.d.dev': '', 't.d.dev.0': '' })).toEqual(['t.d.dev.1', 't.d.dev.2']);
  });
});
