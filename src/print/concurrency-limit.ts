/** At most `limit` holders at a time; the others wait in order. */
export class ConcurrencyLimit {
  readonly #limit: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  async acquire(): Promise<void> {
    if (this.#active < this.#limit) {
      this.#active++;
      return;
    }
    // release() hands its place over directly, so #active stays the same.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }

  /** Lets every waiter through at once (on close: each must see the closed state and release). */
  wakeAll(): void {
    for (const wake of this.#waiting.splice(0)) {
      this.#active++;
      wake();
    }
  }
}
