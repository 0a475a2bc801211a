import type { CliIo } from '../cli-io.js';
import { colorsFor } from '../color.js';
import type { ResultFormat } from '../command.js';
import type { ListFormat } from '../formats/format-listing.js';
import { jsonText } from '../formats/json.js';
import { formatRecordListing, type RecordListing } from '../formats/record-listing.js';
import { terminalText } from '../terminal-text.js';

// How the operator commands print, in one place: a listing as `list` prints
// one (the table's summary on stderr, so stdout holds only the table), and a
// change as one line or one json object.

/** The call's signal option; throws (nothing sent) when interrupted already. */
export const signalOption = (io: CliIo): { signal?: AbortSignal } => {
  io.signal?.throwIfAborted();
  return io.signal === undefined ? {} : { signal: io.signal };
};

export const printListing = <
  Field extends string,
  Item extends Partial<Record<Field, string | number | boolean>>,
>(
  io: CliIo,
  listing: RecordListing<Field, Item>,
  format: ListFormat,
  summary: string,
): void => {
  io.stdout.write(formatRecordListing(listing, format, colorsFor(io.stdout, io.env)));
  if (format === 'table') io.stderr.write(`${colorsFor(io.stderr, io.env).dim(summary)}\n`);
};

/** A change's result: the json object, or one line for a person (terminal-safe already). */
export const printResult = (io: CliIo, format: ResultFormat, json: object, line: string): void => {
  io.stdout.write(format === 'json' ? jsonText(json) : `${line}\n`);
};

/** Accounts for a line on the terminal: escaped, comma-separated. */
export const accountsText = (accounts: readonly string[]): string =>
  accounts.map(terminalText).join(', ');
