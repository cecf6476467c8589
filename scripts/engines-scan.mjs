#!/usr/bin/env node
// Fails when an installed package declares an `engines.node` range this Node does not satisfy,
// except the ones STACK.md lists as verified to work on Node 20 anyway. `engine-strict` cannot be
// used (fastify 5 pulls in three of them), so this scan keeps new mismatches from slipping in.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ALLOWED = new Set(['cookie@2.0.2', 'content-disposition@3.1.0', 'nanoid@6.0.2']);
const root = path.resolve(import.meta.dirname, '..', 'node_modules');
const problems = [];

function visit(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.bin') {
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      visit(full);
      continue;
    }
    const manifest = path.join(full, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const range = pkg.engines?.node;
      const id = `${pkg.name}@${pkg.version}`;
      if (
        typeof range === 'string' &&
        !semver.satisfies(process.version, range, { includePrerelease: true }) &&
        !ALLOWED.has(id)
      ) {
        problems.push(`${id} requires node ${range} (${path.relative(root, full)})`);
      }
    }
    const nested = path.join(full, 'node_modules');
    if (existsSync(nested)) {
      visit(nested);
    }
  }
}

visit(root);
if (problems.length > 0) {
  console.error(`依赖的 Node 版本要求与当前 ${process.version} 不符 / engine mismatches:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `engines: every installed package accepts Node ${process.version} (allow-listed: ${[...ALLOWED].join(', ')})`,
);
