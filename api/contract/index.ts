export * from './campaigns.ts';
export * from './auth.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './lists.ts';
export * from './submission.ts';
export { cleanText } from './text.ts';
export * from './codebook.ts';
export * from './stories.ts';
