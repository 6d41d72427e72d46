/** Runs a task `runs` times and summarises the durations in milliseconds. */
export interface Figure {
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: 'ms' | 'KiB' | 'count' | '%';
}

export async function measure(name: string, runs: number, task: () => Promise<number | void>): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const reported = await task();
    times.push(typeof reported === 'number' ? reported : performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    name,
    median: round(times[Math.floor(times.length / 2)]!),
    min: round(times[0]!),
    max: round(times.at(-1)!),
    runs,
    unit: 'ms',
  };
}
