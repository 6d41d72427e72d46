/** A duration as the popup says it ("2 min 5 s"): whole hours, minutes and seconds, and a sign. */
export interface DurationParts {
  negative: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

/** `ms` rounded to the second and split; units above the largest non-zero one are 0. */
export function durationParts(ms: number): DurationParts {
  const total = Math.round(Math.abs(ms) / 1000);
  return {
    negative: ms < 0 && total > 0,
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
