export * from './api/errors.js';
export * from './api/health.js';
export * from './linking/work-item-keys.js';
export * from './metrics/index.js';
export * from './api/demo.js';
export * from './api/pagination.js';
export * from './api/pull-requests.js';
export * from './api/work-items.js';
