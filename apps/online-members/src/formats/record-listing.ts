import type { Colors } from '../color.js';
import { alignedTable } from './aligned-table.js';
import { formatCsvRecords } from './csv.js';
import type { ListFormat } from './format-listing.js';
import { jsonText } from './json.js';

type Cell = string | number | boolean;

/** How one kind of record prints in each format of a listing. */
export interface RecordListing<Field extends string, Item extends Partial<Record<Field, Cell>>> {
  /** The whole json object (`{ groupId, bans, pages }`). */
  json: unknown;
  /** One per ndjson line and csv row, with their fields in this order. */
  records: readonly Item[];
  fields: readonly Field[];
  /** The table: headers, terminal-safe cells per record, and the text when there are none. */
  table: { headers: readonly string[]; cells: (record: Item) => string[]; empty: string };
}

/** A listing of records in a format, as the text for stdout (the list command's formats). */
export const formatRecordListing = <
  Field extends string,
  Item extends Partial<Record<Field, Cell>>,
>(
  listing: RecordListing<Field, Item>,
  format: ListFormat,
  colors: Colors,
): string => {
  if (format === 'json') return jsonText(listing.json);
  if (format === 'ndjson') {
    return listing.records.map((record) => `${JSON.stringify(record)}\n`).join('');
  }
  if (format === 'csv') return formatCsvRecords(listing.fields, listing.records);
  const { headers, cells, empty } = listing.table;
  return alignedTable(headers, listing.records.map(cells), { colors, empty });
};
