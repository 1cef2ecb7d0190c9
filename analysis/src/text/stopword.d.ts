// The stopword package ships no type declarations; these are the lists this workspace reads.
declare module 'stopword' {
  export const swe: readonly string[];
  export const eng: readonly string[];
  export const ara: readonly string[];
  export const fas: readonly string[];
  export const som: readonly string[];
  export const fin: readonly string[];
  export const ukr: readonly string[];
}
