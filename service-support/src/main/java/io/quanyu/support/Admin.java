package io.quanyu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an endpoint that needs {@code Authorization: Bearer <QUANYU_ADMIN_TOKEN>}: the same as {@code @Roles(Role.ADMIN)}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Admin {
}
