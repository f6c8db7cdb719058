import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free loopback port (bind to 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The real server as a separate process (`tsx server/src/main.ts`), for crash tests: `kill()` sends
 * SIGKILL, as a power cut or OOM kill would; `stop()` sends SIGTERM, as an orderly stop would;
 * `start()` again on the same database file.
 */
export function serverProcess(env: Record<string, string>) {
  let child: ChildProcess | null = null;
  let port = 0;
  return {
    get baseUrl() {
      return `http://127.0.0.1:${port}`;
    },
    async start(): Promise<void> {
      port = await freePort();
      child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: { ...process.env, LOG_LEVEL: 'warn', JOBS: 'false', ...env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += String(d)));
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    /** Sends `signal` (SIGTERM: what systemd or docker stop send) and resolves with the exit code. */
    async stop(
      signal: NodeJS.Signals = 'SIGTERM',
    ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
      if (!child || child.exitCode !== null || child.signalCode !== null)
        return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null };
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
        child!.once('exit', (code, sig) => r({ code, signal: sig })),
      );
      child.kill(signal);
      return exited;
    },
    async kill(): Promise<void> {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
