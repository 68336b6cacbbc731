/**
 * The errors a run can end with, typed so that only the command line decides what they print and which exit code they
 * give (src/cli/exit-codes.ts). Their messages are French, for the user.
 */

/** The command line asks for something impossible (an unknown option, format, or a missing sessions/ folder). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The configuration (minutier.config.json, .minutierrc.json) or a git reference (--changed-since) is unusable. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** The output folder cannot be used: the message says why and what to do. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}
