/** Wrong arguments: the CLI prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that cannot be used (a malformed line, a codebook that is not one): exit 1. Never carries story text. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
