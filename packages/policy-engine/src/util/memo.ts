// Answers of pure functions of a short text, kept: the scheduler asks about the same few texts
// (timeouts, intervals, node names, digest inputs) for every action or node.

/** Past this many answers a memo starts again, so no input can make it grow without bound. */
const MAX_ANSWERS = 100_000;

/** `compute` with its answers kept by text; `compute` must depend on the text alone. */
export function memoByText<T>(compute: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      if (answers.size > MAX_ANSWERS) answers.clear();
      answer = compute(text);
      answers.set(text, answer);
    }
    return answer;
  };
}
