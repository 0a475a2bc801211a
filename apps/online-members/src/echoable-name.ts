// A usage error names an unknown command or option only when it is a short
// word of letters and dashes, like a mistyped `--colour`. Anything else may be
// a secret pasted in the wrong place, and the app never prints a secret
// (README "Settings"); a 64-digit hex key or a UserSig never looks like this.
const nameLike = /^-{0,3}[a-z][a-z-]{0,19}$/i;

/** ` name` to put in a message when `text` is safe to echo, or '' when it is not. */
export const echoableName = (text: string): string => (nameLike.test(text) ? ` ${text}` : '');
