package io.quanyu.chatbot.domain.ml;

import java.util.Arrays;

/** Open-addressing map from 64-bit feature hashes to ints, so millions of n-grams cost no boxing. */
final class LongIntMap {

    private static final long EMPTY = 0L;
    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasZeroKey;
    private int zeroValue;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
    }

    int size() {
        return size + (hasZeroKey ? 1 : 0);
    }

    /** The value for key, or missing. */
    int get(long key, int missing) {
        if (key == EMPTY) {
            return hasZeroKey ? zeroValue : missing;
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        int slot = slot(key);
        if (keys[slot] != key) {
            keys[slot] = key;
            size++;
        }
        values[slot] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Adds delta to the value of key (absent counts as 0). */
    void add(long key, int delta) {
        if (key == EMPTY) {
            hasZeroKey = true;
            zeroValue += delta;
            return;
        }
        int slot = slot(key);
        if (keys[slot] != key) {
            keys[slot] = key;
            values[slot] = 0;
            size++;
        }
        values[slot] += delta;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** Calls the visitor for every entry. */
    void forEach(Visitor visitor) {
        if (hasZeroKey) {
            visitor.visit(EMPTY, zeroValue);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    /** Receives map entries. */
    interface Visitor {
        void visit(long key, int value);
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
                size++;
            }
        }
        Arrays.fill(oldKeys, 0L);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
