import fc from 'fast-check';

/** Any text: printable ASCII (fast-check's default unit) or any code point. */
export const anyText = (minLength = 0) =>
  fc.oneof(fc.string({ minLength }), fc.string({ minLength, unit: 'binary' }));

/** One of the 65 C0 and C1 control characters and DEL (src/terminal-text.ts escapes them). */
export const controlCharacter = fc.constantFrom(
  ...Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).filter(
    (char) => char < ' ' || char >= '\u007f',
  ),
);
