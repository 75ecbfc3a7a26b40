/**
 * The word of `words` nearest to `word` by edit distance (Levenshtein: insertions, deletions,
 * substitutions), if at most `maxDistance`; ties go to the earlier word. Used for "did you mean"
 * hints on unknown keys. Cost O(|word| × Σ|w|), with rows cut off early past `maxDistance`.
 * @example closestWord('chanel', ['id', 'channel']) // 'channel'
 */
export function closestWord(word: string, words: readonly string[], maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const w of words) {
    const d = editDistance(word, w, bestDistance);
    if (d < bestDistance) {
      best = w;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance of `a` and `b`, or `limit` once it is certain to reach `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, row[j]);
    }
    if (rowMin >= limit) return limit;
    previous = row;
  }
  return Math.min(previous[b.length], limit);
}
