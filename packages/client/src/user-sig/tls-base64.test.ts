import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeTlsBase64, encodeBase64, encodeTlsBase64 } from './tls-base64.js';

// 0xfb 0xff 0xbf encodes as '+/+/' in standard base64, which exercises every escape.
const bytes = (...values: number[]) => new Uint8Array(values);

describe('TLS base64', () => {
  it.each([
    { name: 'empty', input: bytes(), standard: '', tls: '' },
    { name: 'one byte (two pads)', input: bytes(0xfb), standard: '+w==', tls: '*w__' },
    { name: 'two bytes (one pad)', input: bytes(0xfb, 0xff), standard: '+/8=', tls: '*-8_' },
    { name: 'three bytes', input: bytes(0xfb, 0xff, 0xbf), standard: '+/+/', tls: '*-*-' },
    { name: 'ASCII', input: new TextEncoder().encode('TLS'), standard: 'VExT', tls: 'VExT' },
  ])('$name', ({ input, standard, tls }) => {
    expect(encodeBase64(input)).toBe(standard);
    expect(encodeBase64(input)).toBe(Buffer.from(input).toString('base64'));
    expect(encodeTlsBase64(input)).toBe(tls);
    expect(decodeBase64(standard)).toEqual(input);
    expect(decodeTlsBase64(tls)).toEqual(input);
  });

  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(decodeTlsBase64(encodeTlsBase64(all))).toEqual(all);
  });

  it.each([
    { name: 'standard characters in TLS input', decode: decodeTlsBase64, input: '+w==' },
    { name: 'TLS characters in standard input', decode: decodeBase64, input: '*w__' },
    { name: 'whitespace', decode: decodeTlsBase64, input: 'VE xT' },
    { name: 'a newline', decode: decodeBase64, input: 'VExT\n' },
    { name: 'a bad length', decode: decodeBase64, input: 'VExTV' },
    { name: 'padding in the middle', decode: decodeTlsBase64, input: 'Vw__VExT' },
    { name: 'three pads', decode: decodeBase64, input: 'V===' },
    { name: 'non-ASCII', decode: decodeBase64, input: 'VExé' },
  ])('rejects $name', ({ decode, input }) => {
    expect(decode(input)).toBeUndefined();
  });
});
