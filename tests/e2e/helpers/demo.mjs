// Starts scripts/serve.mjs --demo on a free port and reads what it prints until `until` matches; line(re)
// gives a printed line's first group. The caller kills `child`.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { root } from './gcs.mjs';

export async function startDemo(until = /^demo: Encord key .+$/m) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', '0', '--demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const out = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      if (until.test(text)) resolve(text);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs --demo exited with ${code}`)));
  });
  return { child, out, line: (re) => out.match(re)?.[1] };
}
