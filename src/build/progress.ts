/**
 * Progress on a terminal (one line rewritten in place), plain lines otherwise (CI logs). Writes to stderr.
 * While held (the check report is not printed yet, but PDFs already print), lines wait and come out on release.
 */
export class Progress {
  readonly #tty: boolean;
  #done = 0;
  #total = 0;
  #held = true;
  readonly #waiting: string[] = [];

  constructor(readonly stream: NodeJS.WriteStream = process.stderr) {
    this.#tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  add(count: number): void {
    this.#total += count;
  }

  step(label: string): void {
    this.#done += 1;
    const line = `[${this.#done}/${this.#total}] ${label}`;
    if (this.#held) {
      if (!this.#tty) this.#waiting.push(line);
      return;
    }
    if (this.#tty) this.stream.write(`\r\u001B[2K${line.slice(0, (this.stream.columns ?? 100) - 1)}`);
    else this.stream.write(`${line}\n`);
  }

  /** A line that must stay visible (an error), without breaking the line being rewritten. */
  say(text: string): void {
    if (this.#held) {
      this.#waiting.push(text);
      return;
    }
    if (this.#tty) this.stream.write('\r\u001B[2K');
    this.stream.write(`${text}\n`);
  }

  release(): void {
    this.#held = false;
    for (const line of this.#waiting.splice(0)) this.stream.write(`${line}\n`);
  }

  end(): void {
    this.release();
    if (this.#tty && this.#total > 0) this.stream.write('\r\u001B[2K');
  }
}
