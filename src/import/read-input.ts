// Reads a file a user named, refusing before reading what no form can be: not a regular file (a FIFO
// would block the read forever; a device never ends) or larger than the file limit.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import { FilingError } from '../../parsers/errors.ts';
import { limits, tooLarge } from '../../parsers/limits.ts';

export async function readInputFile(file: string): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before fstat can tell.
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new FilingError('unsupported_format', 'is a directory, not a file');
    if (!stat.isFile()) throw new FilingError('unsupported_format', 'not a regular file (a pipe, socket or device)');
    if (stat.size > limits.maxFileBytes) throw tooLarge(stat.size);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
