import { describe, expect, it } from 'vitest';
import { hasControlCharacter, oneLine, terminalText } from './terminal-text.js';

describe('terminalText', () => {
  it.each([
    { name: 'an ANSI escape', given: '\u001b[2Jwiped', want: '\\u001b[2Jwiped' },
    { name: 'a carriage return', given: 'a\rb', want: 'a\\u000db' },
    { name: 'a C1 control', given: 'a\u009bb', want: 'a\\u009bb' },
    { name: 'a right-to-left override', given: 'abc\u202edef', want: 'abc\\u202edef' },
    { name: 'a right-to-left isolate', given: '\u2067x\u2069', want: '\\u2067x\\u2069' },
    { name: 'the Arabic letter mark', given: 'a\u061cb', want: 'a\\u061cb' },
    { name: 'a line separator', given: 'a\u2028b', want: 'a\\u2028b' },
    { name: 'a zero-width space', given: 'ad\u200bmin', want: 'ad\\u200bmin' },
    { name: 'a zero-width non-joiner', given: 'ad\u200cmin', want: 'ad\\u200cmin' },
    { name: 'a zero-width joiner', given: 'ad\u200dmin', want: 'ad\\u200dmin' },
    { name: 'a byte order mark', given: '\ufeffadmin', want: '\\ufeffadmin' },
    { name: 'a word joiner', given: 'ad\u2060min', want: 'ad\\u2060min' },
    { name: 'an invisible separator', given: 'ad\u2063min', want: 'ad\\u2063min' },
    { name: 'a soft hyphen', given: 'ad\u00admin', want: 'ad\\u00admin' },
    { name: 'the Mongolian vowel separator', given: 'ad\u180emin', want: 'ad\\u180emin' },
  ])('escapes $name', ({ given, want }) => {
    expect(terminalText(given)).toBe(want);
  });

  it('prints look-alikes of an ASCII account as distinct ASCII, every character visible', () => {
    const lookAlikes = ['ad\u200bmin', '\ufeffadmin', 'ad\u200cmi\u200dn', 'admin\u2060'];
    const printed = ['admin', ...lookAlikes].map(terminalText);
    for (const text of printed) expect(text).toMatch(/^[\x21-\x7e]+$/);
    expect(new Set(printed).size).toBe(printed.length);
  });

  it('leaves other text alone, right-to-left scripts and emoji included', () => {
    const text = 'Viewer 12 · مرحبا · 観客 · 🎉';
    expect(terminalText(text)).toBe(text);
  });
});

describe('hasControlCharacter', () => {
  it('finds C0 and C1 controls and DEL, every time it is asked', () => {
    for (let i = 0; i < 3; i += 1) expect(hasControlCharacter('a\nb')).toBe(true);
    expect(hasControlCharacter('a\u007fb')).toBe(true);
    expect(hasControlCharacter('plain')).toBe(false);
  });
});

describe('oneLine', () => {
  it('collapses whitespace and escapes what is left', () => {
    expect(oneLine(' a\n\tb \u202e c ')).toBe('a b \\u202e c');
  });
});
