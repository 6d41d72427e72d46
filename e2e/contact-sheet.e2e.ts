/** The contact sheet groups shots by screen and lists each failing shot's offences beside it. */
import { describe, expect, it } from 'vitest';
import { contactSheet, shotName, type Shot } from './contact-sheet';

const base = { screen: 'settings', locale: 'de', width: 360, height: 600 } as const;
const shots: Shot[] = [
  { ...base, theme: 'light', file: shotName({ ...base, theme: 'light' }), offences: [] },
  {
    ...base,
    theme: 'dark',
    file: shotName({ ...base, theme: 'dark' }),
    offences: [{ rule: 'too small', element: 'button "<Lock>"', detail: 'is 20px×20px, under 24×24' }],
  },
  { ...base, screen: 'locked', theme: 'light', file: 'de-light-360x600-locked.png', offences: [] },
];

describe('the contact sheet', () => {
  it('names shots locale-theme-size-screen', () => {
    expect(shotName({ ...base, theme: 'dark' })).toBe('de-dark-360x600-settings.png');
  });

  it('has a section per screen, links each thumbnail to its picture, and lists offences escaped', () => {
    const html = contactSheet(shots);
    expect(html.match(/<section /g)).toHaveLength(2);
    expect(html).toContain('<a href="de-dark-360x600-settings.png"><img src="de-dark-360x600-settings.png"');
    expect(html).toContain('<li><b>too small</b>: button &#34;&#60;Lock&#62;&#34; is 20px×20px, under 24×24</li>');
    expect(html).toContain('<a href="#settings" class="failing">settings</a>');
    expect(html).toContain('<a href="#locked">locked</a>');
    expect(html).toContain('3 screenshots of 2 screens; 1 screen(s) with layout offences.');
  });
});
