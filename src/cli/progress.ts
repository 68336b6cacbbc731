/**
 * Progress on a terminal (a progress bar drawn by cli-progress: documents done out of all, the last one written),
 * plain `[n/N] document` lines otherwise (CI logs, pipes). Writes to stderr.
 * While held (the check report is not printed yet, but PDFs already print), lines wait and come out on release.
 */
import type cliProgress from 'cli-progress';
import type { BuildEvent, BuildProgress } from '../pipeline/progress.js';
import { buildEventText } from './build-events.js';

export class Progress implements BuildProgress {
  readonly #tty: boolean;
  #done = 0;
  #total = 0;
  #label = '';
  #held = true;
  readonly #waiting: string[] = [];
  #bars: cliProgress.MultiBar | undefined;
  #bar: cliProgress.SingleBar | undefined;
  /** cli-progress, loaded for a terminal only (a build with nothing to write draws no bar); the bar waits for it. */
  #cliProgress: typeof cliProgress | undefined;
  #ended = false;

  constructor(readonly stream: NodeJS.WriteStream = process.stderr) {
    this.#tty = Boolean(stream.isTTY) && !process.env.CI;
    if (this.#tty) {
      void import('cli-progress').then(
        (loaded) => {
          this.#cliProgress = loaded.default;
          if (!this.#held && !this.#ended && this.#done > 0) this.#draw();
        },
        () => undefined,
      );
    }
  }

  add(count: number): void {
    this.#total += count;
    this.#bar?.setTotal(this.#total);
  }

  step(label: string): void {
    this.#done += 1;
    this.#label = label;
    if (this.#tty) {
      if (!this.#held) this.#draw();
      return;
    }
    const line = `[${this.#done}/${this.#total}] ${label}`;
    if (this.#held) this.#waiting.push(line);
    else this.stream.write(`${line}\n`);
  }

  /** An event of the build, in French, above the bar. */
  report(event: BuildEvent): void {
    this.say(buildEventText(event));
  }

  /** A line that must stay visible (an error), printed above the bar. */
  say(text: string): void {
    if (this.#held) this.#waiting.push(text);
    else if (this.#bars) this.#bars.log(`${text}\n`);
    else this.stream.write(`${text}\n`);
  }

  release(): void {
    this.#held = false;
    for (const line of this.#waiting.splice(0)) this.stream.write(`${line}\n`);
    if (this.#tty && this.#done > 0) this.#draw();
  }

  end(): void {
    this.#ended = true;
    this.release();
    // The bar is cleared: the summary line that follows says what was written.
    this.#bars?.stop();
    this.#bars = undefined;
    this.#bar = undefined;
  }

  #draw(): void {
    const cliProgress = this.#cliProgress;
    if (!cliProgress) return;
    if (!this.#bars) {
      this.#bars = new cliProgress.MultiBar(
        {
          stream: this.stream,
          format: '{bar} {value}/{total} {label}',
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          linewrap: false,
          autopadding: true,
          // Redraw at most every 50 ms: a build writes many small files quickly.
          fps: 20,
        },
        cliProgress.Presets.shades_classic,
      );
      this.#bar = this.#bars.create(this.#total, this.#done, { label: this.#label });
    }
    this.#bar!.setTotal(this.#total);
    this.#bar!.update(this.#done, { label: this.#label });
  }
}
