import type { FieldDescriptor } from '../utils/core/fill/field-descriptor';

type FieldOverrides = Partial<Omit<FieldDescriptor, 'form' | 'box'>> & {
  form?: Partial<FieldDescriptor['form']>;
  box?: Partial<FieldDescriptor['box']>;
};

/** A visible, enabled, 200 px text input with no attributes, in form 0: change what a case needs. */
export function field(over: FieldOverrides = {}): FieldDescriptor {
  const { form, box, ...rest } = over;
  return {
    type: 'text',
    id: '',
    name: '',
    placeholder: '',
    ariaLabel: '',
    label: '',
    heading: '',
    near: '',
    testId: '',
    autocomplete: '',
    inputMode: '',
    pattern: '',
    maxLength: null,
    minLength: null,
    disabled: false,
    readOnly: false,
    tabIndex: 0,
    visible: true,
    containers: [1, 2, 3],
    ...rest,
    box: { x: 0, y: 0, width: 200, height: 32, ...box },
    form: { id: 0, submitText: '', text: '', actions: '', atSigns: 0, search: false, ...form },
  };
}

/** A field next to a username field, so "the only field on the page" is no help. */
export const crowded = (over: FieldOverrides): FieldDescriptor[] => [
  field({ name: 'username', autocomplete: 'username' }),
  field(over),
];

/**
 * `count` one-character boxes on one row, each in a wrapper of its own under one container (the
 * shape MUI, Chakra and most React OTP widgets render): containers [own wrapper, row, form].
 */
export function boxes(count: number, over: FieldOverrides = {}, step = 48): FieldDescriptor[] {
  return Array.from({ length: count }, (_, i) =>
    field({
      maxLength: 1,
      inputMode: 'numeric',
      containers: [100 + i, 7, 8],
      ...over,
      box: { x: 100 + i * step, y: 300, width: 40, height: 48 },
    }),
  );
}
