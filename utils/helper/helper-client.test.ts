import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HelperFailure, HelperReply, HelperRequest } from '../core/helper/helper-protocol';
import { ImportError } from '../core/import/import-error';
import { ServiceError } from '../core/internal/service-error';
import { createHelperClient, type HelperChannel } from './helper-client';

/** A channel whose other end the test plays. */
function fakeChannel() {
  const sent: HelperRequest[] = [];
  const busy: boolean[] = [];
  let reply: (reply: HelperReply) => void = () => {};
  let end: (reason: string) => void = () => {};
  const channel: HelperChannel & { closed: boolean } = {
    closed: false,
    post: (request) => void sent.push(request),
    listen(onReply, onClose) {
      reply = onReply;
      end = onClose;
    },
    busy: (value) => void busy.push(value),
    close() {
      channel.closed = true;
    },
  };
  return { channel, sent, busy, reply: (r: HelperReply) => reply(r), end: (reason: string) => end(reason) };
}

afterEach(() => vi.useRealTimers());

describe('the helper client', () => {
  it('sends a task, answers with its value, and opens the channel once for several tasks', async () => {
    const fake = fakeChannel();
    const open = vi.fn(async () => fake.channel);
    const helper = createHelperClient(open);
    const first = helper.run('registrableDomains', { hosts: ['a.example.com'] });
    const second = helper.run('qrCodes', { image: 'data:image/png;base64,' });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    expect(fake.sent.map(({ task }) => task)).toEqual(['registrableDomains', 'qrCodes']);
    fake.reply({ id: fake.sent[1]!.id, ok: true, value: ['otpauth://totp/x?secret=JBSWY3DP'] });
    fake.reply({ id: fake.sent[0]!.id, ok: true, value: { 'a.example.com': 'example.com' } });
    expect(await first).toEqual({ 'a.example.com': 'example.com' });
    expect(await second).toEqual(['otpauth://totp/x?secret=JBSWY3DP']);
    expect(open).toHaveBeenCalledTimes(1);
    // Busy while tasks run, idle when the last one answered.
    expect(fake.busy).toEqual([true, true, false]);
  });

  it.each([
    [{ name: 'ImportError', code: 'wrong-password', message: 'That password did not open it.' }, ImportError],
    [{ name: 'ServiceError', code: 'invalid-input', message: 'No.' }, ServiceError],
    [{ name: 'TypeError', message: 'x is undefined' }, Error],
  ] as [HelperFailure, typeof Error][])('throws what the task threw: %o', async (error, type) => {
    const fake = fakeChannel();
    const helper = createHelperClient(async () => fake.channel);
    const answer = helper.run('importFile', { data: '' });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    fake.reply({ id: fake.sent[0]!.id, ok: false, error });
    const thrown = await answer.catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(type);
    expect(thrown).toMatchObject({ message: error.message, ...(error.code ? { code: error.code } : {}) });
  });

  it('runs a task again on a new channel when its channel ends under it, and fails when that ends too', async () => {
    const channels = [fakeChannel(), fakeChannel(), fakeChannel(), fakeChannel()];
    let opened = 0;
    const helper = createHelperClient(async () => channels[opened++]!.channel);
    const input = { hosts: ['a.example.com'] };
    const retried = helper.run('registrableDomains', input);
    await vi.waitFor(() => expect(channels[0]!.sent).toHaveLength(1));
    channels[0]!.end('the offscreen document closed');
    await vi.waitFor(() => expect(channels[1]!.sent).toHaveLength(1));
    expect(channels[1]!.sent[0]!.input).toEqual(input);
    channels[1]!.reply({ id: channels[1]!.sent[0]!.id, ok: true, value: { 'a.example.com': 'example.com' } });
    expect(await retried).toEqual({ 'a.example.com': 'example.com' });
    // Twice in a row: the caller hears of it.
    const lost = helper.run('registrableDomains', input);
    await vi.waitFor(() => expect(channels[1]!.sent).toHaveLength(2));
    channels[1]!.end('the offscreen document closed');
    await vi.waitFor(() => expect(channels[2]!.sent).toHaveLength(1));
    channels[2]!.end('the helper worker failed');
    await expect(lost).rejects.toThrow('The helper stopped: the helper worker failed');
  });

  it('fails a task that gets no answer in time, and stays usable', async () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const helper = createHelperClient(async () => fake.channel, 1_000, 5_000);
    const silent = helper.run('argon2id', {
      password: '',
      salt: '',
      memoryKiB: 8,
      iterations: 1,
      parallelism: 1,
      hashLength: 32,
    });
    const failed = expect(silent).rejects.toThrow('The helper did not answer argon2id in time.');
    await vi.advanceTimersByTimeAsync(5_000);
    await failed;
    expect(fake.busy.at(-1)).toBe(false);
    const next = helper.run('registrableDomains', { hosts: [] });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
    fake.reply({ id: fake.sent[1]!.id, ok: true, value: {} });
    expect(await next).toEqual({});
  });

  it('closes the channel after a quiet spell, not while a task runs', async () => {
    vi.useFakeTimers();
    const fake = fakeChannel();
    const helper = createHelperClient(async () => fake.channel, 1_000);
    const answer = helper.run('registrableDomains', { hosts: [] });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.channel.closed).toBe(false);
    fake.reply({ id: fake.sent[0]!.id, ok: true, value: {} });
    await answer;
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.channel.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.channel.closed).toBe(true);
  });

  it('fails a task whose channel cannot open, and tries again next time', async () => {
    const fake = fakeChannel();
    const open = vi.fn().mockRejectedValueOnce(new Error('The offscreen helper did not connect.'));
    open.mockResolvedValueOnce(fake.channel);
    const helper = createHelperClient(open);
    await expect(helper.run('registrableDomains', { hosts: [] })).rejects.toThrow('did not connect');
    const next = helper.run('registrableDomains', { hosts: [] });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    fake.reply({ id: fake.sent[0]!.id, ok: true, value: {} });
    expect(await next).toEqual({});
  });
});
