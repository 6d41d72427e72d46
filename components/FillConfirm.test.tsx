import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../public/_locales/en/messages.json';
import type { AccountView } from '../utils/core/accounts/account-view';
import type { FillQuestion } from '../hooks/useFill';
import { FillConfirm } from './FillConfirm';

const account = { id: 'a', issuer: 'Google', label: 'alice', type: 'totp', code: '123456' } as AccountView;

function show(question: Omit<Extract<FillQuestion, { kind: 'site' }>, 'account' | 'confirmed' | 'copied' | 'kind'>) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: keyof typeof en, values: string[] = []) =>
    en[key].message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '')) as never);
  const { document, Event: DomEvent } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root')!;
  const onAnswer = vi.fn();
  act(() =>
    render(
      <FillConfirm
        question={{ kind: 'site', account, confirmed: {}, copied: true, ...question }}
        onAnswer={onAnswer}
      />,
      root as unknown as Element,
    ),
  );
  const input = (text: string) =>
    [...root.querySelectorAll('label')].find((label) => label.textContent?.includes(text))!.querySelector('input')!;
  /** linkedom keeps `checked` as the attribute Preact sets (it has no such property of its own). */
  const checked = (text: string) => {
    const box = input(text) as HTMLInputElement & { checked?: boolean };
    return box.checked === true || box.hasAttribute('checked');
  };
  const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;
  const fire = (target: EventTarget, type: string) => target.dispatchEvent(new DomEvent(type));
  return { root, onAnswer, input, checked, button, fire };
}

describe('FillConfirm', () => {
  it('remembers only the origin by default, and all of the site when the user picks it', () => {
    const question = { origin: 'https://accounts.google.com', site: 'google.com', wholeSite: 'google.com', bound: [] };
    let view = show(question);
    expect(view.checked('Remember for Google: alice')).toBe(true);
    expect(view.checked('Only https://accounts.google.com')).toBe(true);
    expect(view.checked('All of google.com')).toBe(false);
    act(() => void view.fire(view.button('Fill'), 'click'));
    expect(view.onAnswer).toHaveBeenCalledWith(true, 'origin');

    view = show(question);
    act(() => {
      const all = view.input('All of google.com');
      all.checked = true;
      view.fire(all, 'change');
    });
    act(() => void view.fire(view.button('Fill'), 'click'));
    expect(view.onAnswer).toHaveBeenCalledWith(true, 'site');
  });

  it('starts afresh for another question: a choice for one account and page never carries over', () => {
    const { root } = show({
      origin: 'https://docs.google.com',
      site: 'google.com',
      wholeSite: 'google.com',
      bound: [],
    });
    const onAnswer = vi.fn();
    const ask = (question: FillQuestion) =>
      act(() => render(<FillConfirm question={question} onAnswer={onAnswer} />, root as unknown as Element));
    const friendly = { kind: 'site' as const, account, confirmed: {}, copied: true, bound: [] as string[] };
    ask({ ...friendly, origin: 'https://docs.google.com', site: 'google.com', wholeSite: 'google.com' });
    act(() => {
      const all = [...root.querySelectorAll('input')].find(
        (box) => box.getAttribute('type') === 'radio' && !box.hasAttribute('checked'),
      )!;
      all.checked = true;
      all.dispatchEvent(new (root.ownerDocument.defaultView as unknown as { Event: typeof Event }).Event('change'));
    });
    // The user clicks another account, bound elsewhere: the warning that replaces the question.
    const github = { ...account, id: 'b', issuer: 'GitHub' };
    ask({
      ...friendly,
      account: github,
      origin: 'https://docs.google.com',
      site: 'google.com',
      bound: ['github.com'],
      warning: 'elsewhere',
    });
    const remember = root.querySelector('input[type="checkbox"]') as HTMLInputElement & { checked?: boolean };
    expect(remember.checked === true || remember.hasAttribute('checked')).toBe(false);
    const fillAnyway = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Fill anyway')!;
    act(
      () =>
        void fillAnyway.dispatchEvent(
          new (root.ownerDocument.defaultView as unknown as { Event: typeof Event }).Event('click'),
        ),
    );
    expect(onAnswer).toHaveBeenCalledWith(true, undefined);
  });

  it('offers no whole site where there is none (http, an IP address)', () => {
    const view = show({ origin: 'http://127.0.0.1:8080', site: '127.0.0.1:8080', bound: [] });
    expect(view.checked('Remember http://127.0.0.1:8080 for Google: alice')).toBe(true);
    expect(view.root.querySelector('input[type="radio"]')).toBeNull();
  });

  it('a warning: Remember unticked, "Fill anyway", and the reason in words', () => {
    const view = show({
      origin: 'https://docs.google.com',
      site: 'google.com',
      wholeSite: 'google.com',
      bound: ['https://accounts.google.com'],
      warning: 'other-origin',
    });
    expect(view.root.querySelector('h2')?.textContent).toBe('This may be a phishing page');
    expect(view.root.querySelector('p')?.textContent).toBe(
      'Google: alice is used on https://accounts.google.com only. This page is https://docs.google.com: another part of google.com, where others may be able to publish pages.',
    );
    expect(view.checked('Remember for Google: alice')).toBe(false);
    act(() => void view.fire(view.button('Fill anyway'), 'click'));
    expect(view.onAnswer).toHaveBeenCalledWith(true, undefined);
  });

  it('an unbound account on an http page: a warning that says the page is not secure', () => {
    const view = show({
      origin: 'http://accounts.example.com',
      site: 'example.com',
      bound: [],
      warning: 'insecure-page',
    });
    expect(view.root.querySelector('p')?.textContent).toBe(
      'This page (http://accounts.example.com) is not secure (http): a code sent to it can be read on the way, and the page itself may have been changed.',
    );
    expect(view.checked('Remember http://accounts.example.com for Google: alice')).toBe(false);
    expect(view.button('Fill anyway')).toBeDefined();
  });
});
