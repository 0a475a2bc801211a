// How figures are written in the report: fixed decimals, so columns line up and
// runs compare at a glance. 1 MB = 1,000,000 bytes, as in the client bench's kB.

export const integer = (value) => Math.round(value).toLocaleString('en-US');
export const decimal = (value, digits = 1) => value.toFixed(digits);
export const megabytes = (bytes) => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const milliseconds = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
export const ratio = (value) => `${value.toFixed(3)}x`;
