import { type FormLocale, type Grammar, grammarOf } from '../text/locales.ts';
import type { CompiledCodebook } from './compileCodebook.ts';
import type { AnalysedStory } from './matchKeywords.ts';

/**
 * Near misses of the keyword layer, for the learned model: per theme, how close a word of the story comes to one
 * of the theme's keywords in the story's (or the form's) language, by the overlap of their character trigrams
 * (Dice). An inflected, misspelt or compounded form the stemmer does not reach ("ajanvarauksesta", "مترجماً",
 * "перекладачка") still scores high. The feature is named by theme, not by word, so the model learns how far to
 * trust a near miss from every language's stories at once.
 */

/** Shorter words share trigrams with too many others to mean anything. */
export const MIN_SIMILAR_WORD_LENGTH = 4;
/** Below this Dice overlap a word is not near a keyword. */
export const MIN_KEYWORD_SIMILARITY = 0.6;

interface KeywordWord {
  readonly themeId: string;
  readonly size: number;
}

interface SimilarityIndex {
  /** Trigram → keyword words (by position in `words`) that contain it, per grammar. */
  readonly byGram: ReadonlyMap<Grammar, ReadonlyMap<string, readonly number[]>>;
  readonly words: readonly KeywordWord[];
}

const indexes = new WeakMap<CompiledCodebook, SimilarityIndex>();

/** The distinct trigrams of a word with its boundaries marked. */
export function trigramsOf(form: string): Set<string> {
  const letters = [...`<${form}>`];
  const grams = new Set<string>();
  for (let start = 0; start + 3 <= letters.length; start += 1) grams.add(letters.slice(start, start + 3).join(''));
  return grams;
}

function indexOf(codebook: CompiledCodebook): SimilarityIndex {
  const cached = indexes.get(codebook);
  if (cached !== undefined) return cached;
  const byGram = new Map<Grammar, Map<string, number[]>>();
  const words: KeywordWord[] = [];
  const seen = new Set<string>();
  const entries = [...codebook.byFirstTerm.values(), ...codebook.byFirstForm.values()].flat();
  for (const entry of entries) {
    for (const form of entry.forms) {
      const key = `${entry.grammar}\u0000${entry.themeId}\u0000${form}`;
      if ([...form].length < MIN_SIMILAR_WORD_LENGTH || seen.has(key)) continue;
      seen.add(key);
      const grams = trigramsOf(form);
      const position = words.length;
      words.push({ themeId: entry.themeId, size: grams.size });
      const inGrammar = byGram.get(entry.grammar) ?? new Map<string, number[]>();
      byGram.set(entry.grammar, inGrammar);
      for (const gram of grams) {
        const list = inGrammar.get(gram);
        if (list === undefined) inGrammar.set(gram, [position]);
        else list.push(position);
      }
    }
  }
  const index: SimilarityIndex = { byGram, words };
  indexes.set(codebook, index);
  return index;
}

/** Per theme, the best Dice overlap (≥ MIN_KEYWORD_SIMILARITY) between a content word of the story and a keyword word. */
export function keywordSimilarities(story: AnalysedStory, uiLocale: FormLocale, codebook: CompiledCodebook): Map<string, number> {
  const { byGram, words } = indexOf(codebook);
  const grammars = [...new Set([grammarOf(story.language), grammarOf(uiLocale)])];
  const best = new Map<string, number>();
  const forms = new Set<string>();
  for (const field of story.fields) for (const token of field.tokens) if (!token.stop && [...token.form].length >= MIN_SIMILAR_WORD_LENGTH) forms.add(token.form);
  for (const form of [...forms].sort()) {
    const grams = trigramsOf(form);
    for (const grammar of grammars) {
      const inGrammar = byGram.get(grammar);
      if (inGrammar === undefined) continue;
      const shared = new Map<number, number>();
      for (const gram of grams) for (const position of inGrammar.get(gram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
      for (const [position, count] of shared) {
        const word = words[position];
        if (word === undefined) continue;
        const similarity = (2 * count) / (grams.size + word.size);
        if (similarity >= MIN_KEYWORD_SIMILARITY && similarity > (best.get(word.themeId) ?? 0)) best.set(word.themeId, similarity);
      }
    }
  }
  return best;
}
