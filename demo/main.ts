/**
 * Runs the demo site on its own: `npx tsx demo/main.ts` (PORT sets the port, default 8787;
 * TESSERA_DEMO_CLOCK_SKEW=300 runs its clock 300 s ahead of this computer's).
 */
import { startDemoServer } from './server';

const clockSkewMs = Number(process.env.TESSERA_DEMO_CLOCK_SKEW ?? 0) * 1000;
if (!Number.isFinite(clockSkewMs)) throw new Error('TESSERA_DEMO_CLOCK_SKEW must be a number of seconds.');
const server = await startDemoServer({ port: Number(process.env.PORT ?? 8787), clockSkewMs });
console.log(`Tessera demo site: ${server.url}/`);
