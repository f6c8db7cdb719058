import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoBoxToken } from '../../db/src/seed/demo';
import { serverProcess } from '../helpers/process';

/**
 * An orderly stop (SIGTERM) must not wait for clients: a request whose body never arrives and an
 * idle keep-alive connection must not keep the process alive past its grace period, and the
 * database must be closed properly (SQLite removes the WAL file when the last connection closes).
 */
const dir = mkdtempSync(join(tmpdir(), 'engawa-shutdown-'));
const dbPath = join(dir, 'engawa.db');
let server: ReturnType<typeof serverProcess> | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves with the response head once the server has answered on this socket. */
function readHead(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const onData = (d: Buffer) => {
      got += String(d);
      if (got.includes('\r\n\r\n')) {
        s.off('data', onData);
        resolve(got);
      }
    };
    s.on('data', onData);
  });
}

describe('orderly shutdown', () => {
  it('exits with 0 within its grace period while a slow client never finishes its request', async () => {
    const graceMs = 1500;
    server = serverProcess({
      DATABASE_PATH: dbPath,
      SEED_DEMO: 'true',
      SHUTDOWN_GRACE_MS: String(graceMs),
    });
    await server.start();
    const port = Number(new URL(server.baseUrl).port);

    // An idle keep-alive connection: one answered request, then nothing.
    const idle = await openSocket(port);
    const answered = readHead(idle);
    idle.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`);
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);

    // A request that announces a body and sends one byte of it, forever.
    const slow = await openSocket(port);
    const slowClosed = new Promise<void>((r) => slow.once('close', () => r()));
    slow.on('error', () => undefined);
    slow.write(
      `POST /api/watch/activity HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Authorization: Bearer ${demoBoxToken(1)}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{`,
    );
    // The server has read the slow request's head once it answers a later request.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

    const started = performance.now();
    const exit = await server.stop('SIGTERM');
    const tookMs = performance.now() - started;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeGreaterThanOrEqual(graceMs - 100);
    expect(tookMs).toBeLessThan(graceMs + 10_000);
    await slowClosed;
    idle.destroy();
    expect(existsSync(`${dbPath}-wal`), 'WAL left behind: the database was not closed').toBe(false);
  }, 90_000);
});
