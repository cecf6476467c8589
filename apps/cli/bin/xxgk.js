#!/usr/bin/env node
// The `xxgk` command. Our packages are TypeScript consumed as source; tsx compiles them on load.
import { register } from 'tsx/esm/api';

// A reader that stops early (`xxgk --help | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
