export { MASK_VERSION, maskPersonalData } from './masking/maskPersonalData.ts';
export type { MaskResult, RedactionKind } from './masking/types.ts';
export { foldWord, searchTokens, SEARCH_TOKEN_MAX_LENGTH, SEARCH_TOKEN_MIN_LENGTH } from './text/searchTokens.ts';
