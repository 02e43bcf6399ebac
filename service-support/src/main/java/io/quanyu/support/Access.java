package io.quanyu.support;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;

/**
 * The access class of one endpoint, read from its {@link Roles} or {@link Admin} annotation (the method's, else its
 * class's); {@code null} from {@link #of} means public.
 */
public record Access(Set<Role> roles, boolean anonymous) {

    public Access {
        roles = Set.copyOf(roles);
    }

    /** The endpoint's access, or null when it is public. */
    public static Access of(Class<?> resource, Method method) {
        Access onMethod = of(method.getAnnotation(Roles.class), method.isAnnotationPresent(Admin.class));
        return onMethod != null ? onMethod : of(resource.getAnnotation(Roles.class), resource.isAnnotationPresent(Admin.class));
    }

    private static Access of(Roles roles, boolean admin) {
        if (roles != null) {
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            set.addAll(java.util.List.of(roles.value()));
            if (set.isEmpty()) {
                throw new IllegalStateException("@Roles needs at least one role");
            }
            return new Access(set, roles.anonymous());
        }
        return admin ? new Access(EnumSet.of(Role.ADMIN), false) : null;
    }

    /** True when this caller (already verified) may call the endpoint. */
    public boolean allows(Caller caller) {
        if (caller.anonymous()) {
            return anonymous;
        }
        return roles.contains(caller.role()) || caller.role() == Role.ADMIN && roles.contains(Role.READER);
    }

    /** The roles whose credential is accepted, admin added wherever reader is. */
    public Set<Role> accepted() {
        EnumSet<Role> out = EnumSet.copyOf(roles);
        if (roles.contains(Role.READER)) {
            out.add(Role.ADMIN);
        }
        return out;
    }
}
