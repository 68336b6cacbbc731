/**
 * What the build tells while it runs: documents done out of all, and events that must stay visible (a session not
 * produced, a file not written). The events are values; the command line words them in French and shows them
 * (src/cli/build-events.ts, src/cli/progress.ts: a bar on a terminal, `[n/N]` lines otherwise); events told before
 * `release` wait for the check report to be printed.
 */
export interface BuildProgress {
  /** More documents to write. */
  add(count: number): void;
  /** A document written. */
  step(label: string): void;
  /** Something that must stay visible. */
  report(event: BuildEvent): void;
  /** The report is printed: the events held so far may come out. */
  release(): void;
  /** Everything written. */
  end(): void;
}

/** Why a session's documents would overwrite others: the index page's name, or a document of another session. */
export type OutputConflict = { output: string; index: string } | { output: string; owner: string };

/** What the build reports while it runs, for the command line to word. */
export type BuildEvent =
  /** The session could not be read: its findings say why. */
  | { kind: 'session-unreadable'; path: string }
  /** Another session has the same file name: its documents would be overwritten. */
  | { kind: 'session-namesake'; path: string; namesake: string }
  /** A document of the session would overwrite another output. */
  | { kind: 'session-output-conflict'; path: string; conflict: OutputConflict }
  /** `--strict` and the session has errors. */
  | { kind: 'session-has-errors'; path: string }
  /** A document could not be rendered. */
  | { kind: 'render-failed'; path: string; output: string; error: unknown }
  /** A file could not be written (the error of the file system). */
  | { kind: 'write-failed'; output: string; error: unknown }
  /** A PDF could not be printed or written (the printer's or the file system's error). */
  | { kind: 'print-failed'; output: string; error: unknown }
  /** A required open-data value is missing, as the SCDL export words it (src/publish/). */
  | { kind: 'open-data-problem'; line: string }
  /** `--strict` and required open-data values are missing: the SCDL file is not written. */
  | { kind: 'open-data-refused'; path: string; output: string }
  /** The index page or the cache could not be written. */
  | { kind: 'index-failed'; error: unknown }
  /** No browser: no PDF printed (the reason, as the printer words it). */
  | { kind: 'browser-missing'; reason: string };
