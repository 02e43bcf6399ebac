package io.quanyu.events.validation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Validates a record tree: every {@link Required} component present (text not blank), nested records and
 * lists of records walked, then each {@link Validatable}'s own rules. Never throws for bad data.
 */
public final class Validator {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private Validator() {
    }

    /** All violations of {@code value}, with JSON paths under {@code root}. Empty when valid. */
    public static List<Violation> validate(Object value, String root) {
        Checks checks = new Checks().nested(root);
        walk(value, checks);
        return checks.violations();
    }

    public static List<Violation> validate(Object value) {
        return validate(value, "");
    }

    static void walk(Object value, Checks checks) {
        if (value == null) {
            return;
        }
        for (Component c : COMPONENTS.get(value.getClass())) {
            Object v = c.read(value);
            if (c.required() && isMissing(v)) {
                checks.missing(c.name());
                continue;
            }
            if (v instanceof String text) {
                checks.text(c.name(), text);
            } else if (v instanceof Number n && c.range() != null) {
                checks.range(c.name(), n, c.range()[0], c.range()[1]);
            } else if (v instanceof Map<?, ?> map) {
                walkMap(map, checks.nested(c.name()), 0);
            } else if (v instanceof Collection<?> || v instanceof Validatable || (v != null && v.getClass().isRecord())) {
                // Only containers and records have insides; skipping scalars keeps the hot path allocation-free.
                walkChild(v, checks.nested(c.name()));
            }
        }
        if (value instanceof Validatable validatable) {
            validatable.check(checks);
        }
    }

    /** A collection (each item walked under its index) or a nested record; scalars never reach here. */
    private static void walkChild(Object v, Checks checks) {
        if (v instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (item == null) {
                    checks.add("[" + i + "]", io.quanyu.events.ReasonCode.SCHEMA_VIOLATION, "must not be null");
                } else if (item instanceof String text) {
                    checks.text("[" + i + "]", text);
                } else {
                    walk(item, checks.nested("[" + i + "]"));
                }
                i++;
            }
        } else {
            walk(v, checks);
        }
    }

    /** Free-form maps (traits, properties): every key and every text inside, however deeply nested, must be text a store can keep. */
    private static void walkMap(Map<?, ?> map, Checks checks, int depth) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            checks.text(key.isEmpty() ? "$key" : key, key);
            freeForm(e.getValue(), checks.nested(key), depth + 1);
        }
    }

    private static void freeForm(Object v, Checks checks, int depth) {
        if (depth > MAX_DEPTH) {
            checks.add("", io.quanyu.events.ReasonCode.SCHEMA_VIOLATION, "nested deeper than " + MAX_DEPTH + " levels");
        } else if (v instanceof String text) {
            checks.text("", text);
        } else if (v instanceof Map<?, ?> m) {
            walkMap(m, checks, depth);
        } else if (v instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                freeForm(item, checks.nested("[" + i++ + "]"), depth + 1);
            }
        } else if (v != null && v.getClass().isRecord()) {
            walk(v, checks);
        }
    }

    /** How deep free-form maps may nest; deeper JSON is an attack on the parsers downstream, not data. */
    private static final int MAX_DEPTH = 32;

    /** The JSON name of a record component under the shared snake_case convention. */
    public static String wireName(RecordComponent rc) {
        com.fasterxml.jackson.annotation.JsonProperty p = rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (p == null) {
            p = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return p != null && !p.value().isEmpty() ? p.value() : SNAKE.translate(rc.getName());
    }

    private static boolean isMissing(Object v) {
        return v == null
                || (v instanceof CharSequence s && s.toString().isBlank())
                || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    /** A record component as validation needs it; reflection is read once per class (it is slow). */
    private record Component(String name, boolean required, BigDecimal[] range, MethodHandle accessor) {
        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getSimpleName(), e);
            }
        }
    }

    private static BigDecimal[] bounds(Range r) {
        if (r == null) {
            return null;
        }
        return new BigDecimal[] {r.min().isEmpty() ? null : new BigDecimal(r.min()), r.max().isEmpty() ? null : new BigDecimal(r.max())};
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return new Component[0];
            }
            RecordComponent[] rcs = type.getRecordComponents();
            Component[] out = new Component[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                try {
                    MethodHandle accessor = MethodHandles.publicLookup().unreflect(rcs[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    out[i] = new Component(wireName(rcs[i]), rcs[i].isAnnotationPresent(Required.class), bounds(rcs[i].getAnnotation(Range.class)), accessor);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("record " + type.getName() + " must be public to be validated", e);
                }
            }
            return out;
        }
    };
}
