import { describe, expect, it } from 'vitest';
import { ThreadGate } from '../../src/guard/thread-gate.ts';

/** Enters the gate and records when the pass came. */
function enterLogged(gate: ThreadGate, log: string[], name: string) {
  return gate.enter().then((pass) => {
    log.push(name);
    return pass;
  });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the reader threads open one at a time until the work needs them', () => {
  it('a second read waits for the first while the work is short', async () => {
    const gate = new ThreadGate(2);
    const log: string[] = [];
    const a = await enterLogged(gate, log, 'a');
    const b = enterLogged(gate, log, 'b');
    await tick();
    expect(log).toEqual(['a']);
    a.leave();
    (await b).leave();
    expect(log).toEqual(['a', 'b']);
  });

  it('after sixteen reads, reads run side by side on every thread', async () => {
    const gate = new ThreadGate(2);
    for (let i = 0; i < 16; i++) (await gate.enter()).leave();
    const log: string[] = [];
    await enterLogged(gate, log, 'a');
    await enterLogged(gate, log, 'b');
    void enterLogged(gate, log, 'c');
    await tick();
    expect(log).toEqual(['a', 'b']); // never more than the threads there are
  });

  it('a read that runs long lets the next one past it', async () => {
    const gate = new ThreadGate(2);
    const log: string[] = [];
    const slow = await enterLogged(gate, log, 'slow');
    slow.started();
    const next = enterLogged(gate, log, 'next');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(log).toEqual(['slow', 'next']);
    slow.leave();
    (await next).leave();
  });

  it('time before the read reaches its thread (the thread starting) does not count as running long', async () => {
    const gate = new ThreadGate(2);
    const log: string[] = [];
    const first = await enterLogged(gate, log, 'first');
    void enterLogged(gate, log, 'second');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(log).toEqual(['first']);
    first.leave();
  });
});
