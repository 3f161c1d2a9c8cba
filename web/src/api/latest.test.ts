import { describe, expect, it } from 'vitest';
import { latest } from './latest';

/** A request whose answer arrives when the test says so, like a slow server. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

/** What a list shows: the answer of each request that may still deliver, in the order answers arrive. */
async function shown(order: number[], answers: string[]): Promise<{ shown: string[]; aborted: boolean[] }> {
  const requests = latest();
  const out: string[] = [];
  const pending = answers.map(() => deferred<string>());
  const tickets = answers.map((_, i) => {
    const ticket = requests.next();
    pending[i].promise.then((value) => { if (ticket.current()) out.push(value); });
    return ticket;
  });
  for (const i of order) { pending[i].resolve(answers[i]); await pending[i].promise; await Promise.resolve(); }
  return { shown: out, aborted: tickets.map((t) => t.signal.aborted) };
}

describe('latest', () => {
  it('drops the filtered answer that arrives after the cleared filter was asked for', async () => {
    // tier=high_value asked first, then the filter cleared; the filtered answer is slower.
    const { shown: list, aborted } = await shown([1, 0], ['only high value', 'everyone']);
    expect(list).toEqual(['everyone']);
    expect(aborted).toEqual([true, false]);
  });

  it('shows the newest answer when answers arrive in order', async () => {
    expect((await shown([0, 1, 2], ['a', 'b', 'c'])).shown).toEqual(['c']);
  });

  it('aborts every earlier request, and the last one too when cancelled', () => {
    const requests = latest();
    const first = requests.next();
    const second = requests.next();
    expect(first.signal.aborted).toBe(true);
    expect(first.current()).toBe(false);
    expect(second.current()).toBe(true);
    requests.cancel();
    expect(second.signal.aborted).toBe(true);
    expect(second.current()).toBe(false);
    expect(requests.next().current()).toBe(true);
  });
});
