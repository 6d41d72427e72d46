/**
 * How long the current code has left, as a ring that empties clockwise over the period. One half
 * disc turns (transform) and two halves swap at the halfway point (opacity): animations the
 * compositor runs by itself, started at the right phase with a negative delay, so between
 * rollovers the popup's main thread does no work. A disc in the background colour makes the pie
 * a ring.
 */
export function CountdownRing({ period, validFrom, now }: { period: number; validFrom: number; now: number }) {
  const timing = { animationDuration: `${period}s`, animationDelay: `${-(now - validFrom) / 1000}s` };
  return (
    <span class="ring" aria-hidden="true">
      <span class="ring-turn" style={timing} />
      <span class="ring-cover" style={timing} />
      <span class="ring-fill" style={timing} />
      <span class="ring-hole" />
    </span>
  );
}
