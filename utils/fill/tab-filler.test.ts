import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fillFrame, findCodeField, type FieldFound } from './tab-filler';

beforeEach(() => fakeBrowser.reset());

type Injection = { frameId: number; documentId?: string };
type Answer = { found: string; score: number; origin: string } | { filled: boolean; how?: string; reason?: string };

/** A tab whose frames answer like the fill agent; `documentId` absent is Firefox. */
function fakeTab(frames: (Injection & { answer: Answer })[], url = 'https://github.com/login') {
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(
    frames.map(({ frameId, documentId }) => (documentId ? { frameId, documentId } : { frameId })) as never,
  );
  const sent = vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(
      (async (_tab: number, _message: unknown, options: { frameId: number }) =>
        frames.find((frame) => frame.frameId === options.frameId)!.answer) as never,
    );
  const get = vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => ({ id, url })) as never);
  return { sent, get };
}

const field = (found: string, score: number, origin = 'https://github.com') => ({ found, score, origin });

describe('findCodeField', () => {
  it('picks the best frame and tells its origin and the page origin', async () => {
    fakeTab([
      { frameId: 0, answer: field('none', 0) },
      { frameId: 3, answer: field('single', 40, 'https://auth.example.net') },
      { frameId: 4, answer: field('single', 10) },
    ]);
    expect(await findCodeField(1, 6)).toEqual({
      frameId: 3,
      origin: 'https://auth.example.net',
      pageOrigin: 'https://github.com',
    });
  });

  it('never picks a frame without an origin of its own (about:blank, srcdoc, sandboxed): a yes for one would cover all', async () => {
    fakeTab([
      { frameId: 0, answer: field('none', 0) },
      { frameId: 3, answer: field('single', 40, 'null') },
      { frameId: 4, answer: field('single', 10) },
    ]);
    expect(await findCodeField(1, 6)).toMatchObject({ frameId: 4, origin: 'https://github.com' });
    fakeTab([
      { frameId: 0, answer: field('none', 0) },
      { frameId: 3, answer: field('split', 1000, 'null') },
    ]);
    expect(await findCodeField(1, 6)).toEqual({ reason: 'no-field' });
  });

  it('addresses each frame by the document the injection named (Chrome), and the field found keeps it', async () => {
    const { sent } = fakeTab([
      { frameId: 0, documentId: 'TOP', answer: field('single', 40) },
      { frameId: 5, documentId: 'SUB', answer: field('none', 0) },
    ]);
    expect(await findCodeField(1, 6)).toEqual({
      frameId: 0,
      documentId: 'TOP',
      origin: 'https://github.com',
      pageOrigin: 'https://github.com',
    });
    expect(sent).toHaveBeenCalledWith(1, expect.objectContaining({ type: 'tessera.detect' }), {
      frameId: 5,
      documentId: 'SUB',
    });
  });

  it('by frame only where the browser names no documents (Firefox)', async () => {
    const { sent } = fakeTab([{ frameId: 0, answer: field('single', 40) }]);
    await findCodeField(1, 6);
    expect(sent).toHaveBeenCalledWith(1, expect.anything(), { frameId: 0 });
  });

  it.each([
    ['the top frame shows another document than the one asked on', undefined, 'OTHER', { reason: 'navigated' }],
    ['the frame right-clicked shows another document', 2, 'OTHER', { reason: 'navigated' }],
    ['the same document', undefined, 'TOP', { frameId: 0, documentId: 'TOP' }],
  ])('with the document a locked fill was asked on: %s', async (_, frameId, expected, answer) => {
    fakeTab([
      { frameId: 0, documentId: 'TOP', answer: field('single', 40) },
      { frameId: 2, documentId: 'TOP-2', answer: field('none', 0) },
    ]);
    const found = await findCodeField(1, 6, frameId, expected === 'OTHER' ? 'ASKED' : expected);
    expect(found).toMatchObject(answer);
  });

  it('restricted when nothing may be injected, no-field when no frame has one', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access'));
    expect(await findCodeField(1, 6)).toEqual({ reason: 'restricted' });
    fakeTab([{ frameId: 0, answer: field('none', 0) }]);
    expect(await findCodeField(1, 6)).toEqual({ reason: 'no-field' });
  });
});

describe('fillFrame', () => {
  const found: FieldFound = {
    frameId: 3,
    documentId: 'SUB',
    origin: 'https://github.com',
    pageOrigin: 'https://github.com',
  };

  it('sends the code to the document checked, naming the origin checked', async () => {
    const { sent } = fakeTab([{ frameId: 3, documentId: 'SUB', answer: { filled: true, how: 'single' } }]);
    expect(await fillFrame(1, found, '123456', false)).toEqual({ filled: true, how: 'single' });
    expect(sent).toHaveBeenCalledWith(
      1,
      { type: 'tessera.fill', code: '123456', focused: false, origin: 'https://github.com' },
      { frameId: 3, documentId: 'SUB' },
    );
  });

  it('refuses, sending nothing, when the tab shows another origin now (as the browser reports it)', async () => {
    const { sent } = fakeTab([{ frameId: 3, answer: { filled: true } }], 'https://github.evil.com/login');
    expect(await fillFrame(1, found, '123456', false)).toEqual({ filled: false, reason: 'navigated' });
    expect(sent).not.toHaveBeenCalled();
  });

  it('refuses when the document is gone (Chrome), or the agent finds another origin (Firefox)', async () => {
    const { sent } = fakeTab([{ frameId: 3, answer: { filled: false, reason: 'navigated' } }]);
    expect(await fillFrame(1, { ...found, documentId: undefined }, '123456', false)).toEqual({
      filled: false,
      reason: 'navigated',
    });
    sent.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await fillFrame(1, found, '123456', false)).toEqual({ filled: false, reason: 'navigated' });
  });

  it('says when the page did not take the code', async () => {
    fakeTab([{ frameId: 3, answer: { filled: false, reason: 'no-field' } }]);
    expect(await fillFrame(1, found, '123456', true)).toEqual({ filled: false, reason: 'not-filled' });
  });
});
