package io.quanyu.support;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by {@link RoleFilter} on endpoints with {@link Roles}; anonymous elsewhere. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
