package dev.hitter.trainer.data;

/**
 * Song id → row, an open-addressing hash table of primitives: a map of 649,091 boxed Longs and Integers would
 * cost about 60 MB and a pointer chase per playlist entry; this costs 12 bytes a slot.
 */
final class IdIndex {

	static final int ABSENT = Integer.MIN_VALUE;

	private long[] keys;

	private int[] values;

	private boolean[] used;

	private int size;

	IdIndex(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		keys = new long[capacity];
		values = new int[capacity];
		used = new boolean[capacity];
	}

	/** Stores the row unless the id is already present; answers the row already stored, or {@link #ABSENT}. */
	int putIfAbsent(long id, int row) {
		if ((size + 1) * 4L > keys.length * 3L) {
			grow();
		}
		int slot = slot(id);
		if (used[slot]) {
			return values[slot];
		}
		used[slot] = true;
		keys[slot] = id;
		values[slot] = row;
		size++;
		return ABSENT;
	}

	/** Replaces the row of an id already present. */
	void set(long id, int row) {
		int slot = slot(id);
		if (!used[slot]) {
			throw new IllegalStateException("id " + id + " is not in the index");
		}
		values[slot] = row;
	}

	int get(long id) {
		int slot = slot(id);
		return used[slot] ? values[slot] : ABSENT;
	}

	int size() {
		return size;
	}

	private int slot(long id) {
		int mask = keys.length - 1;
		int slot = (int) (mix(id) & mask);
		while (used[slot] && keys[slot] != id) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private static long mix(long id) {
		long h = id * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 32);
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldValues = values;
		boolean[] oldUsed = used;
		keys = new long[oldKeys.length * 2];
		values = new int[oldKeys.length * 2];
		used = new boolean[oldKeys.length * 2];
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldUsed[i]) {
				putIfAbsent(oldKeys[i], oldValues[i]);
			}
		}
	}
}
