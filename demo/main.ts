/** Runs the demo site on its own: `npx tsx demo/main.ts` (PORT sets the port, default 8787). */
import { startDemoServer } from './server';

const server = await startDemoServer({ port: Number(process.env.PORT ?? 8787) });
console.log(`Tessera demo site: ${server.url}/`);
