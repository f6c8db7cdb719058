/** A value cannot be written into a Zengin record (bad character, too long, out of range). */
export class ZenginFormatError extends Error {
  override readonly name = 'ZenginFormatError';
}

/** A bank file does not follow the Zengin layout; `record` is the 1-based record number. */
export class ZenginParseError extends Error {
  override readonly name = 'ZenginParseError';
  constructor(
    message: string,
    readonly record?: number,
  ) {
    super(record === undefined ? message : `record ${record}: ${message}`);
  }
}
