import { describe, expect, it } from 'vitest';
import { boxes, field } from '../../../tests/field-descriptor';
import { findSplitGroup } from './find-split-group';
import { findOtpFields } from './otp-fields';

const range = (count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i);

describe('split boxes', () => {
  it.each([4, 5, 6, 7, 8])('finds %i one-character boxes for a code that long', (count) => {
    expect(findOtpFields(boxes(count), count)).toEqual({ kind: 'split', indexes: range(count) });
  });

  it('counts narrow boxes without maxlength, and skips a field before them', () => {
    const fields = [field({ name: 'email', autocomplete: 'username' }), ...boxes(6, { maxLength: null })];
    expect(findOtpFields(fields, 6)).toEqual({ kind: 'split', indexes: range(6, 1) });
  });

  it('wants as many boxes as the code has characters', () => {
    expect(findSplitGroup(boxes(6), 5)).toBeUndefined();
    expect(findSplitGroup(boxes(5), 6)).toBeUndefined();
  });

  it('refuses six radio buttons or checkboxes (KeePassXC #2303)', () => {
    expect(findOtpFields(boxes(6, { type: 'radio', maxLength: null }), 6)).toEqual({ kind: 'none' });
    expect(findOtpFields(boxes(6, { type: 'checkbox', maxLength: null }), 6)).toEqual({ kind: 'none' });
  });

  it('refuses boxes of different sizes, on two lines, far apart, or labelled as a decoy', () => {
    const uneven = boxes(6);
    uneven[2] = { ...uneven[2]!, box: { ...uneven[2]!.box, width: 90 } };
    expect(findSplitGroup(uneven, 6)).toBeUndefined();
    const twoLines = boxes(6);
    twoLines[4] = { ...twoLines[4]!, box: { ...twoLines[4]!.box, y: 380 } };
    expect(findSplitGroup(twoLines, 6)).toBeUndefined();
    expect(findSplitGroup(boxes(6, {}, 200), 6)).toBeUndefined();
    expect(findSplitGroup(boxes(6, { ariaLabel: 'Recovery code digit' }), 6)).toBeUndefined();
  });

  it('refuses boxes of an SMS or e-mail code', () => {
    expect(findSplitGroup(boxes(6, { form: { text: 'We sent a code to +1 ••• 42' } }), 6)).toBeUndefined();
  });

  it.each([
    ['one parent for all (plain HTML)', (i: number) => [7, 8, 9 + i * 0]],
    ['a wrapper each (MUI, PayPal)', (i: number) => [100 + i, 7, 8]],
    ['two wrappers each (Chakra-like field + control)', (i: number) => [100 + i, 200 + i, 7, 8]],
    ['three then three, in two halves with a dash between', (i: number) => [100 + i, i < 3 ? 20 : 21, 7]],
  ])('groups boxes by what the user sees: %s', (_, containers) => {
    const fields = boxes(6).map((box, i) => ({ ...box, containers: containers(i) }));
    expect(findSplitGroup(fields, 6)).toEqual(range(6));
  });

  it('does not join boxes of two forms, or that only share the page', () => {
    const forms = boxes(6).map((box, i) => ({ ...box, form: { ...box.form, id: i < 3 ? 1 : 2 } }));
    expect(findSplitGroup(forms, 6)).toBeUndefined();
    const far = boxes(6).map((box, i) => ({ ...box, containers: [...range(6, 10 * i), 999] }));
    expect(findSplitGroup(far, 6)).toBeUndefined();
  });

  it('finds the right row among two (a code and its confirmation)', () => {
    const second = boxes(6).map((box) => ({ ...box, box: { ...box.box, y: 400 }, containers: [300, 301] }));
    const hidden = boxes(6).map((box) => ({ ...box, visible: false }));
    expect(findSplitGroup([...hidden, ...second], 6)).toEqual(range(6, 6));
  });
});

describe('a first box that takes a paste', () => {
  it('groups a first box with maxlength = the code length (Vuetify) with one-character boxes', () => {
    const fields = boxes(6).map((box, i) => (i === 0 ? { ...box, maxLength: 6 } : box));
    expect(findSplitGroup(fields, 6)).toEqual(range(6));
    const longer = boxes(6).map((box, i) => (i === 0 ? { ...box, maxLength: 8 } : box));
    expect(findSplitGroup(longer, 6)).toBeUndefined();
  });
});

describe('roving focus', () => {
  it('takes boxes that are focusable one at a time (Chakra: tabindex -1 on all but one)', () => {
    const roving = boxes(6).map((box, i) => ({ ...box, tabIndex: i === 0 ? 0 : -1 }));
    expect(findSplitGroup(roving, 6)).toEqual(range(6));
    expect(
      findSplitGroup(
        roving.map((box) => ({ ...box, tabIndex: -1 })),
        6,
      ),
    ).toBeUndefined();
  });

  it('never takes a 1 px hidden input for a box', () => {
    const hidden = { ...boxes(1)[0]!, maxLength: 6, box: { x: 0, y: 300, width: 1, height: 1 } };
    expect(findSplitGroup([hidden, ...boxes(6)], 6)).toEqual(range(6, 1));
  });
});
