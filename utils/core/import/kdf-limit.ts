/**
 * The most key-derivation work an imported file may ask for. Encrypted exports name their own
 * cost (iterations, memory, passes), and the worker that derives the key also serves codes and
 * locks the vault: a crafted file asking for scrypt N = 2^30 would hold it for minutes and a
 * gigabyte. Each setting is checked here, before any key is derived, against a limit that accepts
 * every real app's default with a margin (at most 4x it, or the app's own published maximum;
 * each importer cites its source), and anything beyond is refused naming the setting and the limit.
 */
import { ImportError } from './import-error';

const shown = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-US') : JSON.stringify(value);

/**
 * `value` as a whole number from `min` to `max`, else a `malformed` ImportError naming `name`
 * and the limit it broke: "refused" above the limit, "damaged" below it or not a whole number.
 */
export function kdfSetting(format: string, name: string, value: unknown, max: number, min = 1): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > max) throw tooCostly(format, name, value, max);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new ImportError(
      'malformed',
      `This ${format} export is damaged: its ${name} is ${shown(value)}, not a whole number from ` +
        `${shown(min)} to ${shown(max)}.`,
    );
  return value;
}

/** The refusal of a setting (or a product of settings) beyond its limit. */
export function tooCostly(format: string, name: string, value: number, max: number): ImportError {
  return new ImportError(
    'malformed',
    `This ${format} export is refused: its ${name} is ${shown(value)}, above the limit of ${shown(max)}. ` +
      `No real ${format} export asks for that much work; nothing was derived from it.`,
  );
}
