import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';
import { Lock } from 'lucide-preact';
import { Banner } from './Banner';
import { Button } from './Button';
import { CheckboxRow } from './CheckboxRow';
import { Dialog } from './Dialog';
import { IconButton } from './IconButton';

/** Renders into a fresh linkedom document and returns its root. */
function draw(node: VNode) {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root')!;
  render(node, root as unknown as Element);
  return root;
}

describe('design components (components/ui)', () => {
  it('IconButton: the label is the accessible name (and tooltip), the icon is hidden from readers', () => {
    const button = draw(<IconButton icon={Lock} label="Lock now" onClick={() => undefined} />).querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Lock now');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('icon-button');
    // No text of its own: the tooltip is drawn by design.css from aria-label, so nothing is read twice.
    expect(button.textContent).toBe('');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it.each([
    ['primary', 'primary'],
    ['danger', 'danger'],
    ['secondary', ''],
  ] as const)('Button %s has class %s', (variant, expected) => {
    const button = draw(<Button variant={variant}>Go</Button>).querySelector('button')!;
    expect(button.getAttribute('class') ?? '').toBe(expected);
    expect(button.getAttribute('type')).toBe('button');
  });

  it.each(['checkbox', 'radio'] as const)('CheckboxRow (%s): the label holds the box and its text', (type) => {
    const label = draw(<CheckboxRow type={type}>Remember this page</CheckboxRow>).querySelector('label')!;
    expect(label.className).toBe('check-row');
    expect(label.querySelector('input')?.getAttribute('type')).toBe(type);
    expect(label.querySelector('span')?.textContent).toBe('Remember this page');
  });

  it.each([
    ['info', undefined, 'banner banner-info'],
    ['danger', 'alert', 'banner banner-danger'],
  ] as const)('Banner %s', (tone, role, classes) => {
    const banner = draw(
      <Banner tone={tone} role={role}>
        Text
      </Banner>,
    ).querySelector('p')!;
    expect(banner.className).toBe(classes);
    expect(banner.getAttribute('role')).toBe(role ?? null);
  });

  it('Dialog names itself by its title and text', () => {
    const section = draw(
      <Dialog role="alertdialog" titleId="t" textId="x" tone="danger">
        <h2 id="t">Title</h2>
      </Dialog>,
    ).querySelector('section')!;
    expect(section.getAttribute('role')).toBe('alertdialog');
    expect(section.getAttribute('aria-labelledby')).toBe('t');
    expect(section.getAttribute('aria-describedby')).toBe('x');
    expect(section.className).toBe('card dialog dialog-danger');
  });
});
