// Nicknames and accounts are chosen by end users: a control character (an ANSI
// escape, a carriage return) in one could rewrite the operator's terminal.
// No g flag: a global regex's lastIndex would make test() skip matches.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether a text holds a C0 or C1 control character or DEL (a newline, a tab, an escape). */
export const hasControlCharacter = (text: string): boolean => controlCharacter.test(text);

// Bidirectional formatting characters reorder what follows them on screen
// ("Trojan Source", CVE-2021-42574): a nickname could make the next columns
// read backwards. Unicode TR9 lists them; U+2028/U+2029 end lines in some viewers.
// Zero-width and invisible characters (U+200B-U+200D, U+2060-U+2064, U+FEFF,
// the soft hyphen U+00AD, U+180E) print as nothing: "ad\u200bmin" would look
// like the account "admin".
const unsafeForTerminal =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Shows control, bidi formatting and invisible characters as `\uXXXX` escapes, so text prints as one inert line that shows every character. */
export const terminalText = (text: string): string =>
  text.replace(
    unsafeForTerminal,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Collapses whitespace (newlines included) so a message stays on one line. */
export const oneLine = (text: string): string => terminalText(text.replace(/\s+/g, ' ').trim());
