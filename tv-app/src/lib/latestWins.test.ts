import { describe, expect, it } from 'vitest';
import { LatestWins } from './latestWins.js';

/** A send whose answers the test gives one by one, in any order it likes. */
function answerable() {
  const calls: Array<{ key: string; value: number; ok: () => void; fail: (e: unknown) => void }> = [];
  const send = (key: string, value: number) =>
    new Promise<void>((ok, fail) => calls.push({ key, value, ok: () => ok(), fail }));
  return { calls, send };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LatestWins', () => {
  it('sends one request per key at a time and then only the latest wish', async () => {
    const { calls, send } = answerable();
    const sender = new LatestWins<string, number>({ send });
    sender.set('a', 1);
    sender.set('a', 2);
    sender.set('a', 3);
    sender.set('b', 9);
    expect(calls.map((c) => `${c.key}${c.value}`)).toEqual(['a1', 'b9']);
    expect(sender.isBusy('a')).toBe(true);
    calls[0]!.ok();
    await tick();
    expect(calls.map((c) => `${c.key}${c.value}`)).toEqual(['a1', 'b9', 'a3']);
    calls[1]!.ok();
    calls[2]!.ok();
    await sender.whenIdle();
    expect(sender.idle).toBe(true);
  });

  it('does not send again what the server already accepted', async () => {
    const { calls, send } = answerable();
    const sender = new LatestWins<string, boolean>({ send: (k, v) => send(k, v ? 1 : 0) });
    sender.set('x', true);
    sender.set('x', false);
    sender.set('x', true); // back to what is in flight
    calls[0]!.ok();
    await sender.whenIdle();
    expect(calls).toHaveLength(1);
  });

  it('reports a failure, telling whether a newer wish already waits', async () => {
    const { calls, send } = answerable();
    const errors: Array<[number, boolean]> = [];
    const sender = new LatestWins<string, number>({
      send,
      onError: (_k, v, _e, superseded) => errors.push([v, superseded]),
    });
    sender.set('a', 1);
    sender.set('a', 2);
    calls[0]!.fail(new Error('down'));
    await tick();
    calls[1]!.fail(new Error('down'));
    await sender.whenIdle();
    expect(errors).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
