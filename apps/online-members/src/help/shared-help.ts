import { chatRegions, retryDefaults } from '@avchatroom/client';

// The parts every command's help shares: the connection options and the exit codes.

const optionIndent = ' '.repeat(22);

/** Words joined by ", " and wrapped to 80 columns under an option's description. */
const wrapList = (words: readonly string[], firstLineUsed: number): string => {
  const lines: string[] = [];
  let line = '';
  let room = 80 - firstLineUsed;
  for (const [index, word] of words.entries()) {
    const piece = `${word}${index < words.length - 1 ? ',' : ''}`;
    if (line !== '' && line.length + 1 + piece.length > room) {
      lines.push(line);
      line = piece;
      room = 80 - optionIndent.length;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  lines.push(line);
  return lines.join(`\n${optionIndent}`);
};

// Read from the client's generated table, so a region added to the spec shows here.
const regionIds = wrapList(Object.keys(chatRegions), 56);

export const connectionOptions = `Connection (flags override the environment):
  --region ID         the region of the SDKAppID, one of: ${regionIds}
                      [env AVCHATROOM_REGION]
  --base-url URL      any base URL instead of a region (an emulator, a proxy),
                      http(s), without user:password@  [env AVCHATROOM_BASE_URL]
  --sdk-app-id N      the app's SDKAppID                 [env AVCHATROOM_SDKAPPID]
  --identifier ID     an App admin's UserID              [env AVCHATROOM_IDENTIFIER]
  --timeout SECONDS   the time an attempt may take (default: ${retryDefaults.timeoutMs / 1000}); one that
                      times out is retried, up to ${retryDefaults.maxRetries} times

Secrets come only from the environment, never from flags (flags show in \`ps\`
and in shell history): AVCHATROOM_SECRET_KEY (the client issues and renews
UserSigs) or AVCHATROOM_USERSIG (a fixed UserSig). They are never printed.

Each option but --member is given at most once, with a non-empty value
(write --option=VALUE for one that starts with -). No value, from a flag or a
variable, may hold a control character; a secret may not hold whitespace.`;

export const exitCodeText = `Exit codes: 0 success, 1 API or network error, 2 usage error,
130 interrupted (Ctrl-C).
Colour only on a terminal; NO_COLOR=1 turns it off.`;
