import { afterEach, describe, expect, it, vi } from 'vitest';
import { renewalLead, SessionTokens, type TokenDeps, type TokenEvent } from './tokens';

/** A real FIFO mutex with the Web Locks API's shape: what navigator.locks.request does for one name. */
class FakeLocks {
  private tail: Promise<unknown> = Promise.resolve();
  held = 0;
  maxHeld = 0;
  request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      this.held += 1;
      this.maxHeld = Math.max(this.maxHeld, this.held);
      try {
        return await callback();
      } finally {
        this.held -= 1;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Timers the test fires by hand: no waiting on the wall clock. */
class ManualClock {
  now = 1_000_000;
  timers = new Map<number, { at: number; callback: () => void }>();
  private next = 1;
  setTimer = (callback: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  };
  clearTimer = (id: unknown) => {
    this.timers.delete(id as number);
  };
  /** Moves time on and fires what fell due. */
  advance(ms: number) {
    this.now += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.now) {
        this.timers.delete(id);
        timer.callback();
      }
    }
  }
  pendingAt(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.now);
  }
}

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

let counter = 0;
function tab(fetchImpl: TokenDeps['fetch'], options: { locks?: FakeLocks; clock?: ManualClock; channelName?: string } = {}) {
  const clock = options.clock ?? new ManualClock();
  const channel = new BroadcastChannel(options.channelName ?? `test-${counter++}`);
  channels.push(channel);
  const deps: TokenDeps = {
    fetch: fetchImpl,
    locks: options.locks,
    channel,
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  return new SessionTokens(deps);
}

/** A refresh endpoint that rotates: each call answers a new access token, after a turn of the event loop. */
function rotatingServer() {
  let issued = 0;
  return vi.fn(async (input: RequestInfo | URL) => {
    expect(String(input)).toBe('/api/v1/auth/refresh');
    await new Promise((resolve) => setTimeout(resolve, 5));
    issued += 1;
    return new Response(JSON.stringify({ accessToken: `access-${issued}`, tokenType: 'Bearer', expiresIn: 8 }), {
      headers: { 'Content-Type': 'application/json' },
    });
  });
}

function nextEvent(tokens: SessionTokens, type: TokenEvent['type']): Promise<TokenEvent> {
  return new Promise((resolve) => {
    const off = tokens.subscribe((event) => {
      if (event.type === type) {
        off();
        resolve(event);
      }
    });
  });
}

describe('SessionTokens refresh', () => {
  it('sharesOneRefreshBetweenConcurrentCallersInATab', async () => {
    const server = rotatingServer();
    const tokens = tab(server);
    const [a, b] = await Promise.all([tokens.refresh(), tokens.refresh()]);
    expect(server).toHaveBeenCalledTimes(1);
    expect(a?.value).toBe('access-1');
    expect(b?.value).toBe('access-1');
  });

  it('letsTwoTabsRefreshingAtOnceRotateOnlyOnce', async () => {
    const server = rotatingServer();
    const locks = new FakeLocks();
    const clock = new ManualClock();
    const name = `two-tabs-${counter++}`;
    const first = tab(server, { locks, clock, channelName: name });
    const second = tab(server, { locks, clock, channelName: name });
    // Both tabs hold the same token, which has just been refused.
    first.accept({ accessToken: 'access-0', expiresIn: 8 });
    await nextEvent(second, 'token');
    expect(second.bearer()).toBe('access-0');

    const [fromFirst, fromSecond] = await Promise.all([first.refresh('access-0'), second.refresh('access-0')]);

    expect(server).toHaveBeenCalledTimes(1);
    expect(locks.maxHeld).toBe(1);
    expect(fromFirst?.value).toBe('access-1');
    expect(fromSecond?.value).toBe('access-1');
    expect(second.bearer()).toBe('access-1');
  });

  it('refreshesAgainInTheSecondTabWhenNoBroadcastArrived', async () => {
    // Without a channel the second tab cannot know; it refreshes with the cookie the first one rotated.
    const server = rotatingServer();
    const locks = new FakeLocks();
    const first = tab(server, { locks });
    const second = tab(server, { locks });
    await Promise.all([first.refresh('x'), second.refresh('x')]);
    expect(server).toHaveBeenCalledTimes(2);
    expect(locks.maxHeld).toBe(1);
  });

  it('worksWithoutWebLocks', async () => {
    const server = rotatingServer();
    const tokens = tab(server);
    await expect(tokens.refresh()).resolves.toMatchObject({ value: 'access-1' });
  });

  it('endsTheSessionWhenTheRefreshIsRefused', async () => {
    const tokens = tab(async () => new Response('{"type":"https://hitter.dev/problems/invalid-refresh-token"}', { status: 401 }));
    tokens.accept({ accessToken: 'old', expiresIn: 8 });
    const signedOut = vi.fn();
    tokens.subscribe((event) => event.type === 'signedOut' && signedOut());
    await expect(tokens.refresh()).resolves.toBeUndefined();
    expect(tokens.current()).toBeUndefined();
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('rejectsWhenTheNetworkFailsAndKeepsTheToken', async () => {
    const tokens = tab(async () => Promise.reject(new TypeError('Failed to fetch')));
    tokens.accept({ accessToken: 'old', expiresIn: 8 });
    await expect(tokens.refresh()).rejects.toThrow();
    expect(tokens.bearer()).toBe('old');
  });
});

describe('SessionTokens expiry', () => {
  it('renewsAQuarterOfTheLifetimeBeforeExpiryAtMost30Seconds', () => {
    expect(renewalLead(8_000)).toBe(2_000);
    expect(renewalLead(900_000)).toBe(30_000);
  });

  it('schedulesTheRenewalShortlyBeforeTheTokenExpires', async () => {
    const clock = new ManualClock();
    const server = rotatingServer();
    const tokens = tab(server, { clock });
    tokens.accept({ accessToken: 'access-0', expiresIn: 8 });
    expect(clock.pendingAt()).toEqual([6_000]);

    clock.advance(5_999);
    expect(server).not.toHaveBeenCalled();
    const renewed = nextEvent(tokens, 'token');
    clock.advance(1);
    await renewed;
    expect(server).toHaveBeenCalledTimes(1);
    expect(tokens.bearer()).toBe('access-1');
    // …and the new token is scheduled in turn, with one timer only.
    expect(clock.pendingAt()).toEqual([6_000]);
  });

  it('reschedulesWhenAnotherTabRenewed', async () => {
    const clock = new ManualClock();
    const name = `resched-${counter++}`;
    const server = rotatingServer();
    const first = tab(server, { clock, channelName: name });
    const second = tab(server, { clock, channelName: name });
    first.accept({ accessToken: 'access-0', expiresIn: 8 });
    await nextEvent(second, 'token');
    clock.advance(3_000);
    first.accept({ accessToken: 'access-9', expiresIn: 8 });
    await nextEvent(second, 'token');
    // The second tab's plan follows the newest token; both plans now fall due together.
    expect(clock.pendingAt()).toEqual([6_000, 6_000]);
    expect(second.bearer()).toBe('access-9');
  });

  it('stopsPlanningAfterSignOut', () => {
    const clock = new ManualClock();
    const tokens = tab(rotatingServer(), { clock });
    tokens.accept({ accessToken: 'a', expiresIn: 8 });
    tokens.signOut(false);
    expect(clock.pendingAt()).toEqual([]);
  });
});

describe('SessionTokens across tabs', () => {
  it('endsTheSessionInEveryTabOnLogout', async () => {
    const name = `logout-${counter++}`;
    const clock = new ManualClock();
    const first = tab(rotatingServer(), { channelName: name, clock });
    const second = tab(rotatingServer(), { channelName: name, clock });
    first.accept({ accessToken: 'shared', expiresIn: 8 });
    await nextEvent(second, 'token');

    const heard = nextEvent(second, 'signedOut');
    first.signOut(true, 'logout');
    const event = await heard;

    // The other tab learns it was a logout (it forgets the member's unsaved work), not a session that ended.
    expect(event).toEqual({ type: 'signedOut', reason: 'logout', fromOtherTab: true });
    expect(second.current()).toBeUndefined();
    expect(first.current()).toBeUndefined();
    expect(clock.pendingAt()).toEqual([]);
  });

  it('tellsOtherTabsAboutANewLogin', async () => {
    const name = `login-${counter++}`;
    const first = tab(rotatingServer(), { channelName: name });
    const second = tab(rotatingServer(), { channelName: name });
    const heard = nextEvent(second, 'token');
    first.accept({ accessToken: 'welcome', expiresIn: 8 });
    expect(await heard).toMatchObject({ type: 'token', fromOtherTab: true, token: { value: 'welcome' } });
  });
});
