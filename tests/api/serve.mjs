// `addio serve` for the node suites (api_test.mjs, isolation_test.mjs): started on a free
// loopback port over the store `db`, its URL read from the line it prints first.
import { spawn } from 'node:child_process';

// Starts the server with `extra` arguments. Returns { server, ready, stderr }: `ready`
// resolves with the URL (http:// or https://, without the final slash), or rejects when
// the server stops or prints none within a minute; stderr() is what it wrote there.
export function startServer(addio, db, env, extra = []) {
  const server = spawn(addio, ['serve', '--db', db, '--port', '0', '--lang', 'en', ...extra],
                       { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out} ${stderr}`)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const url = out.match(/serving the dashboard at (https?:\/\/\S+)\//);
      if (url) {
        clearTimeout(timer);
        resolve(url[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`addio serve exited with ${code}: ${stderr}`)));
  });
  return { server, ready, stderr: () => stderr };
}
