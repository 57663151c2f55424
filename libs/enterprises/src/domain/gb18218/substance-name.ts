import { NAMED_SUBSTANCES, type NamedSubstance } from './gb18218.data';

/**
 * Finds the Table 1 entry a declared name stands for, so that a named substance written a little differently
 * (「氯气（液态）」, 「液 氯」, 「无水氨」) cannot slip into the Table 2 category rule with a larger Q and a smaller β.
 *
 * Matching is by equality after normalisation, never by containment: a Table 1 name inside another name is usually
 * a different chemical (氯 in 氯化钠, 氨 in 氨基磺酸, 苯 in 苯乙烯). Normalisation folds full-width forms and spaces,
 * drops bracketed qualifiers and the state or grade words a trade name adds in front or behind (液/液态/液化,
 * 气/气体/气态, 固体, 工业, 无水). 「溶液」 is kept: a solution is another substance with its own CAS number
 * (氨溶液 is not 氨). A name as written in Table 1 wins over one that only matches once state words are dropped
 * (电石 is 碳化钙, although 电石气 without 气 reads 电石).
 */

/** Trade names the table does not spell out, each for the entry it means. */
const TRADE_NAMES: readonly [string, number][] = [
  ['液化气', 52],
  ['LPG', 52],
  ['液化天然气', 49],
  ['LNG', 49],
  ['CNG', 49],
  ['焦炉煤气', 13],
  ['水煤气', 13],
  ['发生炉煤气', 13],
  ['一氧化碳', 13],
];

const PREFIXES = ['工业用', '工业级', '工业', '无水', '液态', '液化', '气态', '固态', '液'];
const SUFFIXES = ['工业级', '液态', '液化', '气态', '气体', '固体', '固态', '气', '液'];

/** Full-width folded, spaces and bracketed qualifiers dropped, upper case: the name as written, tidied. */
export function tidySubstanceName(name: string): string {
  let text = name.normalize('NFKC').replace(/\s+/g, '');
  // Innermost brackets first, so nested qualifiers such as ［干的或含水（或乙醇）<25%］ go whole.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/[([{【〔][^()[\]{}【】〔〕]*[)\]}】〕]/g, '');
  }
  return text.toUpperCase();
}

/** The tidied name without the state and grade words around it (never stripped to nothing). */
export function stripStateWords(tidy: string): string {
  let text = tidy;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PREFIXES) {
      if (text.startsWith(p) && text.length > p.length) [text, changed] = [text.slice(p.length), true];
    }
    for (const s of SUFFIXES) {
      if (text.endsWith(s) && text.length > s.length) [text, changed] = [text.slice(0, -s.length), true];
    }
  }
  return text;
}

const BY_NO = new Map(NAMED_SUBSTANCES.map((e) => [e.no, e]));
/** Tidied names of an entry; 「甲烷，天然气」 is two names (split after the brackets are gone: 煤气's qualifier has commas). */
const namesOf = (entry: NamedSubstance) => [
  ...tidySubstanceName(entry.name).split(','),
  ...entry.aliases.map(tidySubstanceName),
];

/** Names as written (tidied) first, then their stripped forms; the first entry to claim a key keeps it. */
const INDEX = new Map<string, NamedSubstance>();
const claim = (key: string, entry: NamedSubstance) => {
  if (key && !INDEX.has(key)) INDEX.set(key, entry);
};
for (const entry of NAMED_SUBSTANCES) for (const name of namesOf(entry)) claim(name, entry);
for (const [name, no] of TRADE_NAMES) claim(tidySubstanceName(name), BY_NO.get(no)!);
for (const entry of NAMED_SUBSTANCES) {
  for (const name of namesOf(entry)) claim(stripStateWords(name), entry);
}

/** The Table 1 entry the name denotes, or undefined when it names none. */
export function namedSubstanceByName(name: string): NamedSubstance | undefined {
  const tidy = tidySubstanceName(name);
  return INDEX.get(tidy) ?? INDEX.get(stripStateWords(tidy));
}
