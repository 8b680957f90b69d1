// How long one file may be read, and how much memory reading it may take. A bureau's real forms read
// in well under a second and a few MB; these ceilings only catch the file that would never finish or
// would take the machine down with it (defaults for a 2-core, 24 GB machine).

export interface ReadLimits {
  /** Wall time for one file, from the moment a reader thread takes it. */
  timeoutMs: number;
  /** The reader thread's JavaScript heap (V8 old generation), where every parser builds its tree. */
  memoryMb: number;
}

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

export function readLimits(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  return {
    timeoutMs: Math.round(positive(env.FILINGS_FILE_TIMEOUT_S, 30) * 1000),
    memoryMb: Math.round(positive(env.FILINGS_FILE_MEMORY_MB, 512)),
  };
}

export function describeTimeout(ms: number): string {
  return `took longer than ${ms % 1000 === 0 ? ms / 1000 : (ms / 1000).toFixed(1)} s (FILINGS_FILE_TIMEOUT_S)`;
}

export function describeMemory(mb: number): string {
  return `needs more than ${mb} MB of memory (FILINGS_FILE_MEMORY_MB)`;
}
