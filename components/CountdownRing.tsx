/**
 * How long the current code has left, as a ring that empties over the period. It is a CSS
 * animation started at the right phase (a negative delay) and stepped once a second, so the
 * popup runs no script and repaints the ring only once a second between rollovers.
 */
const RADIUS = 8;
export const RING_LENGTH = 2 * Math.PI * RADIUS;

export function CountdownRing({ period, validFrom, now }: { period: number; validFrom: number; now: number }) {
  const elapsed = (now - validFrom) / 1000;
  return (
    <svg class="ring" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
      <circle class="track" cx="10" cy="10" r={RADIUS} />
      <circle
        class="left"
        cx="10"
        cy="10"
        r={RADIUS}
        style={{ animation: `ring-countdown ${period}s steps(${period}, start) ${-elapsed}s infinite`, strokeDasharray: RING_LENGTH }}
      />
    </svg>
  );
}
