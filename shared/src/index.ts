export * from './api/errors.js';
export * from './api/health.js';
