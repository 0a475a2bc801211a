// Nicknames and accounts are chosen by end users: a control character (an ANSI
// escape, a carriage return) in one could rewrite the operator's terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

// The same class without the g flag, whose lastIndex would make test() skip matches.
const controlCharacter = new RegExp(controlCharacters.source);

/** Whether a text holds a C0 or C1 control character or DEL (a newline, a tab, an escape). */
export const hasControlCharacter = (text: string): boolean => controlCharacter.test(text);

/** Shows control characters as `\uXXXX` escapes, so text prints as one inert line. */
export const terminalText = (text: string): string =>
  text.replace(
    controlCharacters,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Collapses whitespace (newlines included) so a message stays on one line. */
export const oneLine = (text: string): string => terminalText(text.replace(/\s+/g, ' ').trim());
