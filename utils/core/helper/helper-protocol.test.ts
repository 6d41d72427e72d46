import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/import-error';
import { ServiceError } from '../internal/service-error';
import { errorOf, failureOf } from './helper-protocol';

/** Another script's copy of a class: what a chunk's ImportError is to the helper Worker's own script. */
class CopiedImportError extends TypeError {
  override readonly name = 'ImportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe('errors crossing from the helper', () => {
  it.each<[string, unknown, object]>([
    [
      'an ImportError',
      new ImportError('wrong-password', 'No.'),
      { name: 'ImportError', code: 'wrong-password', message: 'No.' },
    ],
    [
      'a ServiceError',
      new ServiceError('invalid-input', 'Bad.'),
      { name: 'ServiceError', code: 'invalid-input', message: 'Bad.' },
    ],
    [
      "another script's copy of ImportError",
      new CopiedImportError('malformed', 'Cut.'),
      { name: 'ImportError', code: 'malformed', message: 'Cut.' },
    ],
    [
      'any other error, without its code',
      Object.assign(new RangeError('Out.'), { code: 'x' }),
      { name: 'Error', message: 'Out.' },
    ],
    ['a thrown string', 'plain', { name: 'Error', message: 'plain' }],
  ])('keeps %s', (_, thrown, failure) => {
    expect(failureOf(thrown)).toEqual(failure);
  });

  it('throws the same class in the background', () => {
    const imported = errorOf(failureOf(new CopiedImportError('malformed', 'Cut.')));
    expect(imported).toBeInstanceOf(ImportError);
    expect(imported).toMatchObject({ code: 'malformed', message: 'Cut.' });
    expect(errorOf(failureOf(new ServiceError('locked', 'Locked.')))).toBeInstanceOf(ServiceError);
    expect(errorOf({ name: 'Error', message: 'Out.' })).toEqual(new Error('Out.'));
  });
});
