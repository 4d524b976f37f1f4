/** The key ring sealing stored credentials (from SECRETS_KEY, else generated under DATA_DIR). */
export const SECRET_KEY_RING = Symbol('SECRET_KEY_RING');
