// The package a host installs (build/web/package.json, from web/package.json.in): `npm pack --dry-run`
// in build/web lists its entry points, their types and every file the modules load (imports, dynamic
// imports, wasm, fonts), nothing from the tests or the standalone page; the .d.ts declares every method
// an instance has. Runs under node, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = process.env.EIC_WEB_ROOT || path.join(root, 'build', 'web');
const pkg = JSON.parse(fs.readFileSync(path.join(web, 'package.json'), 'utf8'));

function packed() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: web, encoding: 'utf8' });
  const [entry] = JSON.parse(out);
  return { entry, files: new Set(entry.files.map((f) => f.path)) };
}

// The files a module loads by relative URL: static and dynamic imports, `new URL('x', import.meta.url)`
// (emscripten's wasm) and encord-console.js's loadBytes('x') (the fonts), followed through the modules.
function loadedFiles(entries) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    if (!rel.endsWith('.js')) return;
    const text = fs.readFileSync(path.join(web, rel), 'utf8');
    const patterns = [
      /(?:^|[;\s])import\s[^'"]*?from\s*['"](\.\/[^'"]+)['"]/g,
      /import\(\s*['"](\.\/[^'"]+)['"]\s*\)/g,
      /new URL\(\s*['"]([^'":]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
      /loadBytes\(\s*['"]([^'"]+)['"]\s*\)/g,
    ];
    for (const re of patterns) {
      for (const m of text.matchAll(re)) visit(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])));
    }
  };
  entries.forEach(visit);
  return seen;
}

test('package.json names the entry points, their types and the version from CMake', () => {
  const cmake = fs.readFileSync(path.join(root, 'CMakeLists.txt'), 'utf8').match(/project\(eic VERSION ([0-9.]+)/)[1];
  assert.equal(pkg.version, cmake);
  assert.equal(pkg.type, 'module');
  assert.deepEqual(pkg.exports['.'], { types: './encord-console.d.ts', default: './encord-console.js' });
  assert.deepEqual(pkg.exports['./element'], { types: './encord-import-console.d.ts', default: './encord-import-console.js' });
  assert.equal(pkg.types, './encord-console.d.ts');
});

test('npm pack lists every file the modules load, and nothing from tests or the standalone page', () => {
  const { entry, files } = packed();
  assert.equal(entry.name, pkg.name);
  assert.equal(entry.version, pkg.version);
  const entries = Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))
    .map((p) => p.replace(/^\.\//, ''));
  for (const f of entries) assert.ok(files.has(f), `entry point ${f} is packed`);
  const loaded = loadedFiles(entries.filter((f) => f.endsWith('.js')));
  // The graph reaches the wasm and the fonts: the scan itself works.
  for (const f of ['eic-app.js', 'eic-app.wasm', 'eic-core.wasm', 'fonts/DejaVuSans.ttf', 'fflate.js']) assert.ok(loaded.has(f), `${f} is loaded`);
  for (const f of loaded) {
    assert.ok(fs.existsSync(path.join(web, f)), `${f} exists in build/web`);
    assert.ok(files.has(f), `${f} (loaded by the modules) is packed`);
  }
  for (const f of files) {
    assert.ok(!/(^|\/)(tests?|__test__)\//.test(f) && !/\.test\.m?js$/.test(f), `${f} is not a test file`);
    assert.ok(!['index.html', 'page.js', 'demo-config.js', 'connect-origins.txt'].includes(f), `${f} is the standalone page's`);
    assert.ok(!f.endsWith('.symbols'), `${f}: no debug symbols`);
  }
  // Licences of what is shipped go with it.
  for (const f of ['fflate-LICENSE.txt', 'fonts/DejaVu-LICENSE.txt']) assert.ok(files.has(f), f);
});

test('the .d.ts declares each method of the instance and each event', () => {
  const dts = fs.readFileSync(path.join(web, 'encord-console.d.ts'), 'utf8');
  const js = fs.readFileSync(path.join(web, 'encord-console.js'), 'utf8');
  // Methods of the object coreApi returns and of the canvas instance: members `name(`, `async name(` or
  // `name: (...) =>` at their first level of indentation.
  const objectAfter = (marker, from = 0) => {
    const at = js.indexOf(marker, from);
    assert.ok(at >= 0, marker);
    return js.slice(at, js.indexOf('\n  };\n', at));
  };
  const members = objectAfter('\n  return {\n', js.indexOf('function coreApi')) + objectAfter('const instance = {');
  const methods = new Set();
  for (const m of members.matchAll(/^ {4}(?:async )?([a-zA-Z]+)(?:\(|: \()/gm)) methods.add(m[1]);
  for (const name of ['validateManifest', 'openManifest', 'state', 'destroy', 'setTheme', 'connect']) assert.ok(methods.has(name), `scan found ${name}`);
  for (const name of methods) assert.match(dts, new RegExp(`\\b${name}\\??\\(`), `${name} is declared`);
  const events = JSON.parse(js.match(/export const EVENTS = (\[[^\]]*\])/)[1].replace(/'/g, '"'));
  for (const e of events) assert.match(dts, new RegExp(`^\\s*'?${e}'?: `, 'm'), `event ${e} is in EicEvents`);
  assert.match(dts, /'encord-import-console': EncordImportConsoleElement/);
});
