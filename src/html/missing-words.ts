/**
 * The words of the body a document does not print, in order: the comparison behind the faithfulness guarantee
 * (src/html/faithful.ts gives the words of both sides).
 */
/**
 * The runs of body words the document does not print in order. The document may add words (the template's
 * sentences, the figures of a vote); the body's words must all be found, in the same order. Each word is matched
 * with the next two as a check, so that a common word (« le ») is not matched far ahead by accident.
 */
export function missingWords<W extends { word: string }>(
  body: ReadonlyArray<W>,
  document: ReadonlyArray<string>,
): W[][] {
  const runs: W[][] = [];
  let cursor = 0;
  let run: W[] = [];
  const confirms = (i: number, k: number): boolean => {
    let at = k + 1;
    for (let ahead = i + 1; ahead <= Math.min(i + 2, body.length - 1); ahead++) {
      let found = -1;
      for (let probe = at; probe < Math.min(document.length, at + 8); probe++) {
        if (document[probe] === body[ahead]!.word) {
          found = probe;
          break;
        }
      }
      if (found < 0) return false;
      at = found + 1;
    }
    return true;
  };
  for (let i = 0; i < body.length; i++) {
    const word = body[i]!.word;
    let match = -1;
    let loose = -1;
    for (let k = cursor; k < document.length; k++) {
      if (document[k] !== word) continue;
      if (loose < 0) loose = k;
      if (confirms(i, k)) {
        match = k;
        break;
      }
    }
    if (match < 0 && loose >= 0 && loose - cursor < 40) match = loose;
    if (match < 0) {
      run.push(body[i]!);
      continue;
    }
    if (run.length > 0) runs.push(run);
    run = [];
    cursor = match + 1;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
