import { describe, expect, it, vi } from 'vitest';
import type { HelperReply } from '../core/helper/helper-protocol';
import { defineChunk, registerChunk } from './define-chunk';
import kdf from './kdf-tasks';
import { chunkScript, serveHelper, type HelperScope } from './serve-helper';

/** A Worker scope: importScripts "loads" a chunk by registering what the test gives it. */
function fakeScope(chunks: Record<string, () => void>) {
  const replies: HelperReply[] = [];
  let onMessage: (event: { data: unknown }) => void = () => {};
  const scope: HelperScope = {
    postMessage: (reply) => void replies.push(reply),
    addEventListener: (_type, listener) => void (onMessage = listener),
    importScripts: vi.fn((url: string) => {
      const load = chunks[url];
      if (!load) throw new Error(`NetworkError: ${url} did not load`);
      load();
    }),
  };
  serveHelper(scope);
  return { scope, replies, send: (data: unknown) => onMessage({ data }) };
}

describe("the helper Worker's loop", () => {
  it('loads a chunk at its first task only, and answers each task by id', async () => {
    const site = defineChunk('site', {
      registrableDomains: async ({ hosts }) => Object.fromEntries(hosts.map((host) => [host, 'example.com'])),
      icannLabels: async () => ({}),
      lookAlike: async () => null,
    });
    const worker = fakeScope({ [chunkScript('site')]: () => registerChunk(site) });
    worker.send({ id: 1, task: 'registrableDomains', input: { hosts: ['a.example.com'] } });
    worker.send({ id: 2, task: 'registrableDomains', input: { hosts: ['b.example.com'] } });
    await vi.waitFor(() => expect(worker.replies).toHaveLength(2));
    expect(worker.replies).toEqual(
      expect.arrayContaining([
        { id: 1, ok: true, value: { 'a.example.com': 'example.com' } },
        { id: 2, ok: true, value: { 'b.example.com': 'example.com' } },
      ]),
    );
    expect(worker.scope.importScripts).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ id: 3, task: 'eval', input: 'x' }, 'Unknown helper task "eval".'],
    [{ id: 4, task: 'exportAegis', input: {} }, 'NetworkError: /helper-export.js did not load'],
  ])('answers a task it cannot run with an error, and goes on: %o', async (request, message) => {
    const worker = fakeScope({});
    worker.send(request);
    await vi.waitFor(() => expect(worker.replies).toHaveLength(1));
    expect(worker.replies[0]).toEqual({ id: request.id, ok: false, error: { name: 'Error', message } });
  });

  it('ignores a message that is not a task', async () => {
    const worker = fakeScope({});
    worker.send('hello');
    worker.send({ task: 'argon2id' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worker.replies).toEqual([]);
  });

  it("runs the kdf chunk's Argon2id (RFC 9106) and sends the key as base64", async () => {
    const worker = fakeScope({ [chunkScript('kdf')]: () => registerChunk(kdf) });
    // Argon2id, password "password", salt "somesalt", t=2, m=2^16 KiB, p=1, 32 bytes: the reference
    // implementation's test (phc-winner-argon2, src/test.c, hashtest version 0x13).
    const input = {
      password: btoa('password'),
      salt: btoa('somesalt'),
      memoryKiB: 65_536,
      iterations: 2,
      parallelism: 1,
      hashLength: 32,
    };
    worker.send({ id: 5, task: 'argon2id', input });
    await vi.waitFor(() => expect(worker.replies).toHaveLength(1));
    const reply = worker.replies[0] as { value: string };
    const hex = [...atob(reply.value)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });
});
