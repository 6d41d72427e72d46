import { describe, expect, it } from 'vitest';
import { readSharedPrefs } from './shared-prefs';

const prefs = (body: string) => `<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n${body}\n</map>\n`;

describe('reading Android preferences files', () => {
  it('gives strings as text (entities and character references decoded) and other values as text', () => {
    const map = readSharedPrefs(
      prefs(
        '<string name="json">[{&quot;a&quot;:&quot;x &amp; &lt;y&gt;&quot;}]</string>\n' +
          '<string name="line">a&#10;b&#x263A;</string>\n<string name="empty"></string>\n' +
          '<int name="n" value="12" />\n<boolean name="b" value="true" />\n' +
          '<set name="s"><string>ignored</string></set>',
      ),
      'Test',
    );
    expect(Object.fromEntries(map)).toEqual({
      json: '[{"a":"x & <y>"}]',
      line: 'a\nb☺',
      empty: '',
      n: '12',
      b: 'true',
    });
  });

  it.each([
    ['a DOCTYPE', `<!DOCTYPE map [<!ENTITY a "a">]>${prefs('<string name="x">&a;</string>')}`, 'DOCTYPE'],
    ['a tag left open', prefs('<string name="x">a'), 'not well-formed'],
    ['another root', '<resources><string name="x">a</string></resources>', 'no <map>'],
    ['nesting deeper than Android writes', prefs(`${'<set>'.repeat(20)}${'</set>'.repeat(20)}`), 'not well-formed'],
  ])('refuses %s, naming the app', (_, xml, message) => {
    expect(() => readSharedPrefs(xml, 'Test')).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => readSharedPrefs(xml, 'Test')).toThrow(new RegExp(`This Test file is damaged: .*${message}`));
  });
});
