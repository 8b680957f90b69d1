// The middle of several runs: what the bench reports wherever a figure is taken more than once.

/** The item whose key is the median one (the upper middle of an even count). */
export const medianBy = <T>(items: T[], key: (item: T) => number): T => [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];

export const median = (xs: number[]): number => medianBy(xs, (x) => x);
