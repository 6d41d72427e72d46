/**
 * Runs the demo site on its own: `npx tsx demo/main.ts` (PORT sets the port, default 8787;
 * TESSERA_DEMO_CLOCK_SKEW=300 runs its clock 300 s ahead of this computer's).
 */
import { clockSkewFromEnv, startDemoServer } from './server';

const server = await startDemoServer({ port: Number(process.env.PORT ?? 8787), clockSkewMs: clockSkewFromEnv() });
console.log(`Tessera demo site: ${server.url}/`);
