import type { OnlineMember } from '@avchatroom/client';
import { documentedMember } from './listing-view.js';

/** One member object per line (https://github.com/ndjson/ndjson-spec). */
export const formatNdjson = (members: readonly OnlineMember[]): string =>
  members.map((member) => `${JSON.stringify(documentedMember(member))}\n`).join('');
