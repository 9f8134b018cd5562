// Starts scripts/serve.mjs on a free port for a test file and stops it afterwards.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// EIC_WEB_ROOT points the tests at another build's page (a second build tree); build/web by default.
// `testBuild` serves the test build (EIC_WEB_TEST_ROOT, default build/web-test) instead.
// `webRoot` serves another folder (a test's own copy of the page); `port` 0 takes a free one, and a test
// that stops the server may start it again on the port it had. stop() resolves once it has exited.
export async function startServer({ extraArgs = [], testPages = true, port = 0, webRoot, testBuild = false } = {}) {
  const args = [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port), ...(testPages ? ['--test-pages'] : []), ...extraArgs];
  const served = webRoot || (testBuild ? process.env.EIC_WEB_TEST_ROOT || path.join(root, 'build', 'web-test') : process.env.EIC_WEB_ROOT);
  if (served) args.push('--root', served);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { url, port: Number(new URL(url).port), stop: () => { child.kill(); return exited; } };
}

export const artifacts = path.join(root, 'build', 'test-artifacts');
