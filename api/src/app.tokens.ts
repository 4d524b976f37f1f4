/** Injection tokens for values made before Nest starts (configuration, the database). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');
export const APP_LOGGER = Symbol('APP_LOGGER');
export const DEMO_STATUS = Symbol('DEMO_STATUS');
