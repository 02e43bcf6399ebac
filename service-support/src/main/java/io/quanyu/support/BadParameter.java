package io.quanyu.support;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Names the path or query parameter of a resource method whose value cannot be converted to its Java type. */
final class BadParameter {

    private static final int SHOWN_CHARS = 64;

    private BadParameter() {
    }

    /** Why the request's values do not fit the method's typed parameters, e.g. "query parameter 'limit' must be an integer, was 'x'". */
    static String describe(Method method, UriInfo uri) {
        if (method != null && uri != null) {
            for (Parameter p : method.getParameters()) {
                Optional<String> reason = check(p, uri);
                if (reason.isPresent()) {
                    return reason.get();
                }
            }
        }
        return "a path or query parameter has a value of the wrong type";
    }

    private static Optional<String> check(Parameter p, UriInfo uri) {
        String kind;
        String name;
        List<String> values;
        if (p.isAnnotationPresent(QueryParam.class) || p.isAnnotationPresent(RestQuery.class)) {
            kind = "query parameter";
            name = p.isAnnotationPresent(QueryParam.class) ? p.getAnnotation(QueryParam.class).value() : orName(p.getAnnotation(RestQuery.class).value(), p);
            values = uri.getQueryParameters().get(name);
        } else if (p.isAnnotationPresent(PathParam.class) || p.isAnnotationPresent(RestPath.class)) {
            kind = "path parameter";
            name = p.isAnnotationPresent(PathParam.class) ? p.getAnnotation(PathParam.class).value() : orName(p.getAnnotation(RestPath.class).value(), p);
            values = uri.getPathParameters().get(name);
        } else {
            return Optional.empty();
        }
        if (values == null) {
            return Optional.empty();
        }
        Class<?> type = p.getType();
        for (String v : values) {
            if (!fits(type, v)) {
                String why = v.matches("[+-]?\\d+") && Number.class.isAssignableFrom(box(type)) ? "is too large for " + expected(type) : "must be " + expected(type);
                return Optional.of(kind + " '" + name + "' " + why + ", was '" + shorten(v) + "'");
            }
        }
        return Optional.empty();
    }

    private static Class<?> box(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == short.class ? Short.class
                : type == double.class ? Double.class : type == float.class ? Float.class : type;
    }

    private static String orName(String annotated, Parameter p) {
        return annotated == null || annotated.isEmpty() ? p.getName() : annotated;
    }

    /** Whether the value converts as Quarkus REST converts it; types it does not know here count as fitting. */
    private static boolean fits(Class<?> type, String v) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(v);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(v);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(v);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(v);
            } else if (type == float.class || type == Float.class) {
                Float.parseFloat(v);
            } else if (type == boolean.class || type == Boolean.class) {
                return StrictBooleans.accepts(v);
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(v));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == long.class || type == Long.class) {
            return "an integer (64-bit)";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String shorten(String v) {
        return v.length() <= SHOWN_CHARS ? v : v.substring(0, SHOWN_CHARS) + "…";
    }
}
