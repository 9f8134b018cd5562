// Starts scripts/serve.mjs on a free port for a test file and stops it afterwards.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// EIC_WEB_ROOT points the tests at another build's page (a second build tree); build/web by default.
export async function startServer({ extraArgs = [], testPages = true } = {}) {
  const args = [path.join(root, 'scripts', 'serve.mjs'), '--port', '0', ...(testPages ? ['--test-pages'] : []), ...extraArgs];
  if (process.env.EIC_WEB_ROOT) args.push('--root', process.env.EIC_WEB_ROOT);
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
  return { url, stop: () => child.kill() };
}

export const artifacts = path.join(root, 'build', 'test-artifacts');
