import { fileURLToPath } from 'node:url';

/** Where the browser tests leave what a person looks at: `frontend/target/screenshots/<locale>-<width>-<screen>.png`. */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));
