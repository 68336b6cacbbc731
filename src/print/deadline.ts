/** How long a page or browser gets to close before it is considered hung. */
export const CLOSE_GRACE_MS = 5_000;

/** An attempt (or a close) that did not finish in time. */
export class AttemptTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`délai de ${timeoutMs} ms dépassé`);
    this.name = 'AttemptTimeoutError';
  }
}

/** Resolves like `promise`, or rejects with AttemptTimeoutError after `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether `promise` settles successfully within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withDeadline(promise, ms);
    return true;
  } catch {
    return false;
  }
}

export const noop = (): undefined => undefined;
