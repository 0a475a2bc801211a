import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { specJsonPath } from '@avchatroom/openapi';

/** The path of the synthetic operation `syntheticOp` added by `writeSyntheticSpec`. */
export const syntheticPath = '/v4/synthetic_svc/list_things';

/** Its first success example: a page with more to come. */
export const syntheticExample = {
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  ThingList: [{ Thing_Id: 'one' }],
  NextCursor: 7,
};

/** What the emulator answers with: the example, as the last page (NextCursor at the stop value). */
export const syntheticAnswer = { ...syntheticExample, NextCursor: 0 };

/**
 * Writes a copy of the bundled spec with one more operation, as a spec author
 * would add it (schemas, examples, x-limits, x-requirements, x-pagination),
 * and returns the file's path. `withSuccessExample: false` leaves out every
 * success example.
 */
export const writeSyntheticSpec = ({ withSuccessExample = true } = {}): string => {
  const spec = JSON.parse(readFileSync(specJsonPath, 'utf8'));
  spec.paths[syntheticPath] = {
    post: {
      operationId: 'syntheticOp',
      summary: 'A synthetic paged operation, for tests',
      parameters: spec.paths['/v4/group_open_avchatroom_http_svc/get_members'].post.parameters,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['GroupId', 'Cursor'],
              properties: {
                GroupId: { type: 'string', minLength: 1 },
                Cursor: { type: 'integer', minimum: 0 },
              },
            },
            examples: { docSample: { value: { GroupId: '@TGS#aROOM', Cursor: 0 } } },
          },
        },
      },
      responses: {
        '200': {
          description: 'The outcome',
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { $ref: '#/components/schemas/ApiEnvelope' },
                  {
                    type: 'object',
                    properties: {
                      ThingList: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['Thing_Id'],
                          properties: { Thing_Id: { type: 'string' } },
                        },
                      },
                      NextCursor: { type: 'integer', minimum: 0 },
                    },
                  },
                ],
              },
              examples: {
                invalidParameter: {
                  value: { ActionStatus: 'FAIL', ErrorCode: 10004, ErrorInfo: 'bad' },
                },
                ...(withSuccessExample && { docSample: { value: syntheticExample } }),
              },
            },
          },
        },
      },
      'x-limits': { assumedCallsPerSecond: 2 },
      'x-requirements': { groupTypes: ['AVChatRoom'] },
      'x-pagination': {
        cursor: 'Cursor',
        nextCursor: 'NextCursor',
        items: 'ThingList',
        stopValue: 0,
        itemKey: 'Thing_Id',
      },
      'x-error-codes': [],
    },
  };
  const path = join(mkdtempSync(join(tmpdir(), 'emulator-synthetic-spec-')), 'openapi.json');
  writeFileSync(path, JSON.stringify(spec));
  return path;
};
