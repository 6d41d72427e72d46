import { ServiceError } from '../internal/service-error';

/** The entry with this id, or a `not-found` error the popup can show as it is. */
export function findEntry<T extends { readonly id: string }>(entries: readonly T[], id: unknown): T {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new ServiceError('not-found', 'That account no longer exists.');
  return entry;
}
