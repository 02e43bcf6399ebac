package io.quanyu.events.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The plausible range of a numeric record component, inclusive; read by validation and by the JSON Schemas, so a
 * producer that follows the schema never sends what a consumer's database cannot store. Bounds are decimal strings
 * (annotation values must be constants); an empty bound is no bound.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    /** Smallest allowed value. */
    String min() default "";

    /** Largest allowed value. */
    String max() default "";
}
