// Fixed TLSSigAPIv2 vectors computed once with Tencent's official Node library,
// tls-sig-api-v2@1.0.2 (npm; github.com/tencentyun/tls-sig-api-v2-node), by a
// throwaway script that, per vector, replaced Date.now with
// () => issuedAt * 1000 + 999 (genSig reads the time as Math.floor(Date.now() / 1000)),
// called new Api(sdkAppId, secretKey).genUserSig(identifier, expireSeconds), and
// inflated the result with node:zlib to read TLS.sig.
// The first vector's TLS.sig was also checked with
// `openssl dgst -sha256 -hmac <key> -binary | base64` over the content string.
// All secret keys are fake test values.

export interface UserSigVector {
  name: string;
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  /** TLS.time, seconds since the Unix epoch. */
  issuedAt: number;
  /** TLS.expire, seconds. */
  expireSeconds: number;
  /** The official genUserSig output. */
  userSig: string;
  /** The TLS.sig (standard base64 HMAC-SHA256) inside it. */
  sig: string;
}

export const userSigVectors: readonly UserSigVector[] = [
  {
    name: 'ASCII admin account',
    sdkAppId: 1400000000,
    identifier: 'administrator',
    secretKey: '0000000000000000000000000000000000000000000000000000000000000000',
    issuedAt: 1700000000,
    expireSeconds: 86400,
    userSig:
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCxKVbKyMDOBCRVnpitZKTlGuGuXmZmFOJpHFpf5W3qlGmQmZoaXVySWepb7OWYZu2snRTgZVJkbuuTbKtUCAKRKM4c_',
    sig: 'AXG+v66TA7YsvO9Je0iaiWwxauIwNAj3G+bXB0z71Do=',
  },
  {
    name: 'Chinese name',
    sdkAppId: 1400123456,
    identifier: '张伟',
    secretKey: 'fake-test-key-not-a-real-secret-0123456789abcdef',
    issuedAt: 1712345678,
    expireSeconds: 604800,
    userSig:
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwk-3LHiyZz5UpjglO7GgIDNFycrQxMDA0MjYxNQMIlOSmZuqZGVoDhEzt4CIplYUZBalKlmZGZhYGBhAzchMV7JSyvSMMDJLNnYySvdyq-QqL9HO8i9LNs2xzEtJyzZIya0wCPPLdS2tSDEwKbdVqgUAEVozpQ__',
    sig: 'iIX26c3B2gJFyJwt+jOvc5l9ndfk0dmx0VNmEuxd04w=',
  },
  {
    name: 'emoji',
    sdkAppId: 1400654321,
    identifier: 'fox🦊user',
    secretKey: 'fake-test-key-emoji-0123456789abcdef0123456789abcdef',
    issuedAt: 1735689600,
    expireSeconds: 3600,
    userSig:
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwmn5FR-mL*sqLU4tgkoXp2QnFhRkpihZGZoYGJiZmhgbGUJkSjJzU5WsDM2NTc0sLM0MDCCiqRUFmUWpSlbGcJHizHQlK6WQxLQIVz-viqyodKOszCp9t8J0P0vtkjLXoApvZxNXw1Cj1FxDl3y3yNJiW6VaAKurNGk_',
    sig: 'TafXENKxjZg2jiz/FqgN9+tvERxKC4E1U2em1DoFYus=',
  },
  {
    name: '32-byte identifier',
    sdkAppId: 1600000001,
    identifier: 'abcdefghijklmnopqrstuvwxyz_01-23',
    secretKey: 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef',
    issuedAt: 1751328000,
    expireSeconds: 15552000,
    userSig:
      'eJw9y8sOgjAUBNB-uVsU20IFSdy5UogaSKNuDELBikB5I8Z-N4pxdnMm8wTPdtWWl2ABURFMvl2EPKtFJL7sX4KQR-FV3JJ7muWyKKu6abv*MZwRnhLt96nCxJdShGDhORqDx6UWKQcLGxRrxEQIjcp7KcqPU0rJXysRgwW7tasYCmMOk3kb8DI2F-rM20ozKI6uPTj6ge1Xm4blp24JrzcpWzuL',
    sig: 'PJS+7+VVMVpovcerg894/TOp8cqYSLzM4XVQDKuVoZw=',
  },
  {
    name: '32-byte non-ASCII identifier',
    sdkAppId: 20000001,
    identifier: '测试用户-🧪-test-2024-0101',
    secretKey: 'fake-test-key-32-bytes-mixed-000000000000000000000000000000000000',
    issuedAt: 1600000000,
    expireSeconds: 1,
    userSig:
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBws*2dr9YP-X5lBXPOrbrfpi-fJVuSWpxia6RgZGJroGhgSFUT3FKdmJBQWaKkpWRARgYQsRLMnNTlawMzQygACKaWlGQWQQSh2rOTFeyUvILMw0LNNMvdgvxy9EviHIySKt0q4w0NDc3iHIPNrCoKsgLygryT3M3ibCwVaoFABjyO9k_',
    sig: 'NV5VQ6/sFTNl/pZB0fyFyY1770ZGS08zpnRjROfG4X8=',
  },
  {
    name: 'non-ASCII secret key',
    sdkAppId: 1400000001,
    identifier: 'user_42',
    secretKey: 'fake-test-key-密钥-🔑-not-real',
    issuedAt: 1234567890,
    expireSeconds: 300,
    userSig:
      'eJwtyUELgjAYxvHv8l4Nt6mVDbq0Q4O0Q03wFoZv8haO4cyi6LsH6nN7fv8vmOwcDtiBhCjksBg-1Wh7utHIT4-dJYnm5OtH5RzVIEXCp4mp9NQiSBHFyXK1Tjd8Unw76hBkzGfw1IAEZOxY2swOudqdTFbsW6XUh4wOqvKa60OfsnvAmlYXry38-ohiMDo_',
    sig: 'e//NXnLnvMCBRTLUGmCCCziTH+aXbMHKt8/j+/gmHUw=',
  },
  {
    name: 'issued at the epoch',
    sdkAppId: 1,
    identifier: 'a',
    secretKey: 'fake',
    issuedAt: 0,
    expireSeconds: 2147483647,
    userSig:
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwolQweKU7MSCgswUJStDiEBJZm6qkpUBhJNaUZBZlKpkZWRoYm5iYWxmYg7VlZmuZKVUEBkcEWEY4W*YmZNnEZBnHhTkURWWmeNa4Rip7*Xjk*eaamqWYpiT5eqcbatUCwDGEixW',
    sig: 'pYSXX1XO1iln8Pn7RRHzVilExAY/JLLnEe56d1ljECk=',
  },
];
