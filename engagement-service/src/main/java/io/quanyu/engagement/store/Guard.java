package io.quanyu.engagement.store;

import io.quanyu.support.ErasedKeyGuard;

/** This service's erased-key guard: its own advisory lock ("ENG1"), since services may share one database. */
final class Guard {

    static final ErasedKeyGuard GUARD = new ErasedKeyGuard(0x454E_4731);

    private Guard() {
    }
}
