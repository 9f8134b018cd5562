#!/usr/bin/env node
// Writes <web>/sw.js from web/sw.js.in: the build's files (every file the page may load, with its
// SHA-256) and the build's name (a hash of them all), so a new build is a new cache and an unchanged
// one is not (wasm/web.cmake runs this after every build). Also <web>/eic-files.json, the same list,
// for a host that wants to cache eic's files itself (README "Offline").
// Usage: node scripts/write-sw.mjs <template> <web folder>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const [template, web] = process.argv.slice(2);
if (!template || !web) {
  console.error('usage: write-sw.mjs <sw.js.in> <web folder>');
  process.exit(2);
}

// Not loaded by the page: the worker itself, its list, the npm package's metadata and types, a packed
// package, and the list of connect-src origins (read at build time only).
const skipped = (rel) => rel === 'sw.js' || rel === 'eic-files.json' || rel === 'package.json' ||
  rel === 'connect-origins.txt' || rel.endsWith('.d.ts') || rel.endsWith('.tgz');

function walk(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...walk(path.join(dir, entry.name), rel + '/'));
    else if (entry.isFile() && !skipped(rel)) out.push(rel);
  }
  return out;
}

// A page's HTML is hashed with its policy's connect-src list left out ("connect-src" alone), the one part
// a server may rewrite (scripts/serve.mjs does, for --connect and the demo's stand-ins); web/sw.js.in
// hashes what it fetches the same way (`normalize`).
const normalizeHtml = (text) => text.replace(/connect-src [^;"]*/, 'connect-src');
const files = walk(web).sort().map((rel) => {
  const bytes = readFileSync(path.join(web, rel));
  const html = rel.endsWith('.html');
  const hashed = html ? Buffer.from(normalizeHtml(bytes.toString('utf8'))) : bytes;
  return { path: rel, sha256: createHash('sha256').update(hashed).digest('hex'), ...(html ? { normalize: 'connect-src' } : {}) };
});
const build = createHash('sha256').update(files.map((f) => `${f.path} ${f.sha256}\n`).join('')).digest('hex').slice(0, 16);

const source = readFileSync(template, 'utf8');
const filled = source
  .replace("/*EIC_BUILD*/''", JSON.stringify(build))
  .replace('/*EIC_FILES*/[]', JSON.stringify(files, null, 1));
if (filled === source || !filled.includes(build)) {
  console.error(`write-sw: ${template} lacks the /*EIC_BUILD*/ or /*EIC_FILES*/ placeholder`);
  process.exit(1);
}

// Written only when changed, so an unchanged build leaves sw.js (and the browser's update check) alone.
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}
writeIfChanged(path.join(web, 'sw.js'), filled);
writeIfChanged(path.join(web, 'eic-files.json'), JSON.stringify({ build, files }, null, 1) + '\n');
