import { describe, expect, it, vi } from 'vitest';
import { answer } from './otp-fill-agent';

describe('the fill agent', () => {
  it('refuses a code meant for another origin than its frame shows (Firefox cannot address a document)', async () => {
    vi.stubGlobal('location', { origin: 'https://forms.example.com' });
    // No DOM here: a refusal that looked at the page would throw instead.
    expect(await answer({ type: 'tessera.fill', code: '123456', origin: 'https://accounts.example.com' })).toEqual({
      filled: false,
      reason: 'navigated',
    });
  });
});
