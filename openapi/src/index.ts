export { type PrismMock, type StartPrismMockOptions, startPrismMock } from './prism-mock.js';
export { specJsonPath, specPath } from './spec-path.js';
