package io.quanyu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint (on a method, or on a class for all its methods); {@link RoleFilter} enforces it
 * and {@link AccessDocument} writes it into the OpenAPI document. An endpoint without it (or {@link Admin}) is public.
 * {@link Role#ADMIN} may do whatever {@link Role#READER} may.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    Role[] value();

    /**
     * Also callers without any credential (the chat of a visitor who has not signed in). A credential that is sent must
     * still be valid and of one of the roles: a bad or expired token is refused, never treated as anonymous.
     */
    boolean anonymous() default false;
}
