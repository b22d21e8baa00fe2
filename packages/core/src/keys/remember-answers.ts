// Past this many distinct keys the memory is emptied: a hostile text cannot grow it without end.
const MOST_KEYS = 4096;

/**
 * `judge`, answering once per distinct key: logs repeat the same few keys on every line. A key is
 * kept as a copy of its own, never as it came: a key is a slice of a scanned text, and V8 keeps
 * the whole text a sliced string points into alive for as long as the slice is kept.
 */
export function rememberAnswers(judge: (key: string) => boolean): (key: string) => boolean {
  const answers = new Map<string, boolean>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= MOST_KEYS) answers.clear();
      answer = judge(key);
      answers.set(ownCopy(key), answer);
    }
    return answer;
  };
}

/** A flat copy: V8 makes slices of 13 characters or more point into their parent; shorter ones are copies. */
function ownCopy(text: string): string {
  return text.length < 13 ? text : text.split("").join("");
}
