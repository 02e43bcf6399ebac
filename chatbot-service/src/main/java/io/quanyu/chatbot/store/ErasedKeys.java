package io.quanyu.chatbot.store;

import io.quanyu.support.ErasedKeyGuard;

/** This service's erased-key guard: its own advisory lock ("CHT1"), since services may share one database. */
final class ErasedKeys {

    static final ErasedKeyGuard GUARD = new ErasedKeyGuard(0x4348_5431);

    private ErasedKeys() {
    }
}
