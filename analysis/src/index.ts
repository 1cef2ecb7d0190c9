export { MASK_VERSION, maskPersonalData } from './masking/maskPersonalData.ts';
export type { MaskResult, RedactionKind } from './masking/types.ts';
