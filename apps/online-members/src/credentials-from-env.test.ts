import { describe, expect, it } from 'vitest';
import { clientOptionsFrom } from './credentials-from-env.js';

const env = {
  AVCHATROOM_SDKAPPID: '1400000000',
  AVCHATROOM_IDENTIFIER: 'administrator',
  AVCHATROOM_SECRET_KEY: 'key',
  AVCHATROOM_REGION: 'singapore',
};

describe('clientOptionsFrom', () => {
  it('reads everything from the environment', () => {
    expect(clientOptionsFrom({}, env, 'list')).toEqual({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: 'key',
      region: 'singapore',
    });
  });

  it('lets flags override the environment, --base-url replacing AVCHATROOM_REGION', () => {
    expect(
      clientOptionsFrom(
        { sdkAppId: '7', identifier: 'root', baseUrl: 'http://127.0.0.1:8080' },
        env,
        'list',
      ),
    ).toEqual({
      sdkAppId: 7,
      identifier: 'root',
      secretKey: 'key',
      baseUrl: 'http://127.0.0.1:8080',
    });
    expect(
      clientOptionsFrom({ region: 'tokyo' }, { ...env, AVCHATROOM_BASE_URL: 'http://x' }, 'list'),
    ).toMatchObject({ region: 'tokyo' });
  });

  it('takes a fixed UserSig instead of the key', () => {
    expect(
      clientOptionsFrom(
        {},
        { ...env, AVCHATROOM_SECRET_KEY: '', AVCHATROOM_USERSIG: 'sig' },
        'list',
      ),
    ).toMatchObject({ userSig: 'sig' });
  });

  it('turns --timeout seconds into the whole milliseconds the client takes', () => {
    expect(clientOptionsFrom({ timeoutSeconds: 0.5 }, env, 'list')).toMatchObject({
      timeoutMs: 500,
    });
    expect(clientOptionsFrom({ timeoutSeconds: 0.0001 }, env, 'list')).toMatchObject({
      timeoutMs: 1,
    });
    expect(clientOptionsFrom({}, env, 'list')).not.toHaveProperty('timeoutMs');
  });

  it.each([
    { env: { ...env, AVCHATROOM_SDKAPPID: undefined }, message: 'no SDKAppID' },
    { env: { ...env, AVCHATROOM_SDKAPPID: '0' }, message: 'AVCHATROOM_SDKAPPID must be' },
    { env: { ...env, AVCHATROOM_IDENTIFIER: '' }, message: 'no identifier' },
    { env: { ...env, AVCHATROOM_SECRET_KEY: '' }, message: 'no credentials' },
    { env: { ...env, AVCHATROOM_USERSIG: 'sig' }, message: 'not both' },
    { env: { ...env, AVCHATROOM_REGION: 'mars' }, message: 'AVCHATROOM_REGION must be one of' },
    { env: { ...env, AVCHATROOM_BASE_URL: 'http://x' }, message: 'not both' },
    { env: { ...env, AVCHATROOM_REGION: undefined }, message: 'no endpoint' },
    {
      env: { ...env, AVCHATROOM_REGION: undefined, AVCHATROOM_BASE_URL: 'localhost:8080' },
      message: 'AVCHATROOM_BASE_URL must be an http(s) URL',
    },
    {
      env: { ...env, AVCHATROOM_REGION: undefined, AVCHATROOM_BASE_URL: 'http://127.0.0.1:9\t' },
      message: 'AVCHATROOM_BASE_URL holds a control character',
    },
    {
      env: { ...env, AVCHATROOM_REGION: undefined, AVCHATROOM_BASE_URL: ' http://127.0.0.1:9' },
      message: 'AVCHATROOM_BASE_URL must be an http(s) URL',
    },
    ...[
      'http://deploy:pw@127.0.0.1:1',
      'http://deploy@127.0.0.1:1',
      'https://:pw@127.0.0.1:1',
      'https://a%40b:c%3Ad@127.0.0.1:1/v4',
    ].map((baseUrl) => ({
      env: { ...env, AVCHATROOM_REGION: undefined, AVCHATROOM_BASE_URL: baseUrl },
      message: 'AVCHATROOM_BASE_URL holds a user name or password',
    })),
    { env: { ...env, AVCHATROOM_IDENTIFIER: 'admin\n' }, message: 'AVCHATROOM_IDENTIFIER holds a' },
    {
      env: { ...env, AVCHATROOM_SECRET_KEY: 'key ' },
      message: 'AVCHATROOM_SECRET_KEY holds whitespace',
    },
  ])('$message', ({ env: given, message }) => {
    expect(() => clientOptionsFrom({}, given, 'list')).toThrow(message);
  });

  it.each(['http://deploy:pw@127.0.0.1:1', 'http://deploy@127.0.0.1:1', 'http://:pw@127.0.0.1:1'])(
    'refuses --base-url %s without echoing its user or password',
    (baseUrl) => {
      let message = '';
      try {
        clientOptionsFrom({ baseUrl }, env, 'list');
      } catch (error) {
        message = String(error);
      }
      expect(message).toMatch(/^UsageError: --base-url holds a user name or password: /);
      expect(message).not.toMatch(/deploy|pw/);
    },
  );

  it('takes a base URL with an empty user part, which holds no credentials', () => {
    expect(clientOptionsFrom({ baseUrl: 'http://@127.0.0.1:1' }, env, 'list')).toMatchObject({
      baseUrl: 'http://@127.0.0.1:1',
    });
  });
});
