import { describe, expect, it } from 'vitest';
import { foldWord, searchTokens } from '../../analysis/src/index.ts';

describe('search tokens', () => {
  it('folds case and diacritics so a search without å, ä, ö still finds the word', () => {
    expect(foldWord('Vårdcentralen')).toBe('vardcentralen');
    expect(foldWord('VÄNTETID')).toBe('vantetid');
  });

  it('drops Arabic short vowels and tatweel, so vowelled and unvowelled spellings meet', () => {
    expect(foldWord('أفهمْ')).toBe(foldWord('افهم'));
    expect(foldWord('طـبيب')).toBe('طبيب');
  });

  it('finds words in every script the form takes and keeps each once', () => {
    expect(searchTokens(['Läkaren ringde. Läkaren kom!', 'ሓኪም ተዛሪበ', 'Лікар не прийшов'], 'sv')).toEqual(['lakaren', 'ringde', 'kom', 'ሓኪም', 'ተዛሪበ', 'лікар', 'не', 'приишов']);
  });

  it('skips masking tokens, single letters and missing fields', () => {
    expect(searchTokens(['Ring [PHONE] eller skriv till [EMAIL] i [REDACTED] a', undefined])).toEqual(['ring', 'eller', 'skriv', 'till']);
  });
});
