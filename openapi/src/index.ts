export { type PrismMock, type StartPrismMockOptions, startPrismMock } from './prism-mock.js';
export type { PrismServer, PrismServerOptions } from './prism-process.js';
export { type PrismProxy, type StartPrismProxyOptions, startPrismProxy } from './prism-proxy.js';
export { specJsonPath, specPath } from './spec-path.js';
