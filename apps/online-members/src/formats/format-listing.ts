import type { Colors } from '../color.js';
import { formatCsv } from './csv.js';
import { formatJson } from './json.js';
import type { ListingView } from './listing-view.js';
import { formatNdjson } from './ndjson.js';
import { formatTable } from './table.js';

export const listFormats = ['table', 'json', 'ndjson', 'csv'] as const;
export type ListFormat = (typeof listFormats)[number];

export const isListFormat = (value: string): value is ListFormat =>
  (listFormats as readonly string[]).includes(value);

/** The listing in a format, as the text for stdout. */
export const formatListing = (listing: ListingView, format: ListFormat, colors: Colors): string => {
  if (format === 'json') return formatJson(listing);
  if (format === 'ndjson') return formatNdjson(listing.members);
  if (format === 'csv') return formatCsv(listing.members);
  return formatTable(listing.members, { colors });
};
