// Imported first by main.tsx: marks when Tessera's own code starts, so `npm run bench` can tell
// it from the browser's page start-up.
performance.mark('tessera:start');
