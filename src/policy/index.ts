export { parsePolicy, validatePolicy } from './parse.js';
export { SYMBL_ENTITIES, hushTypesForSymbl } from './symbl.js';
