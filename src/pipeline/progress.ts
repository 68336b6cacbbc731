/**
 * What the build tells while it runs: documents done out of all, and lines that must stay visible (errors). The command
 * line shows them (src/cli/progress.ts: a bar on a terminal, `[n/N]` lines otherwise); lines said before `release`
 * wait for the check report to be printed.
 */
export interface BuildProgress {
  /** More documents to write. */
  add(count: number): void;
  /** A document written. */
  step(label: string): void;
  /** A line that must stay visible. */
  say(text: string): void;
  /** The report is printed: the lines held so far may come out. */
  release(): void;
  /** Everything written. */
  end(): void;
}
