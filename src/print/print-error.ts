import { AttemptTimeoutError } from './deadline.js';

/** Any failure to print; the message is in French and meant for the user. */
export class PrintError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrintError';
  }
}

export function closedError(title: string): PrintError {
  return new PrintError(`L’imprimeur PDF a été fermé avant l’impression de « ${title} ».`);
}

/** A failure told in French, naming a browser crash as such. */
export function describeFailure(error: unknown): string {
  if (error instanceof AttemptTimeoutError) return error.message;
  if (error instanceof Error) {
    if (/Target closed|Connection closed|Session closed|disconnected|crash/i.test(error.message)) {
      return `le navigateur s’est arrêté ou a planté (${error.message})`;
    }
    return error.message;
  }
  return String(error);
}
