package io.quanyu.recommender.store;

import io.quanyu.support.ErasedKeyGuard;

/** This service's erased-key guard: its own advisory lock ("REC2"), since services may share one database. */
final class ErasedKeys {

    static final ErasedKeyGuard GUARD = new ErasedKeyGuard(0x5245_4332);

    private ErasedKeys() {
    }
}
