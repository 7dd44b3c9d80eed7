/**
 * Order of identifiers and paths in everything the pack writes (findings summaries, baselines,
 * waiver registers, rule docs): by UTF-16 code unit, the same on every machine. `localeCompare`
 * follows the process locale (under LANG=lt_LT "y" sorts before "j"), so a baseline written on one
 * laptop would reorder on the next; and its first call loads ICU's collator, ~9 ms of every run.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
