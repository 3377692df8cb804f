#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/ and test/ with node's test runner through tsx.
// Node 20's runner does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test'];
const files = [];
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.test\.tsx?$/.test(entry.name)) files.push(full);
  }
}
for (const root of roots) if (fs.existsSync(root)) walk(root);
const filter = process.argv.slice(2);
const selected = filter.length > 0 ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
console.log(
  `Test matrix: SQLite${process.env.TEST_DATABASE_URL ? ' + PostgreSQL' : ' only (set TEST_DATABASE_URL for PostgreSQL)'}; ` +
    `browser tests ${process.env.REQUIRE_BROWSER === '1' ? 'required' : 'run when Chromium is installed'}.`,
);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...selected.sort()],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
