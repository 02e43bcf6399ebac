package io.quanyu.support;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Writes each endpoint's access class ({@link Roles}, {@link Admin}) into /q/openapi, from the same annotations
 * {@link RoleFilter} enforces: a security requirement per accepted role (an empty one too when anonymous callers are
 * let in), the schemes in the components, and the 401/403 answers. Testkit's EndpointAccessTestBase walks the result.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class AccessDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Access> table = table();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean any = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Access access = table.get(op.getKey().name() + " " + normalize(path.getKey()));
                if (access != null) {
                    describe(op.getValue(), access);
                    any = true;
                }
            }
        }
        if (any) {
            schemes(openAPI);
        }
    }

    private static void describe(Operation op, Access access) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (access.anonymous()) {
            requirements.add(OASFactory.createSecurityRequirement());
        }
        for (Role r : access.accepted()) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(r.scheme()));
        }
        op.setSecurity(requirements);
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        if (!op.getResponses().hasAPIResponse("401")) {
            op.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description(
                    access.anonymous() ? "The credential sent is not valid (or has expired)" : "No credential, or one that is not valid (or has expired)"));
        }
        if (!op.getResponses().hasAPIResponse("403")) {
            op.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("A valid credential of a role this endpoint is not for"));
        }
    }

    private static void schemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components c = openAPI.getComponents();
        c.addSecurityScheme(Role.ADMIN.scheme(), bearer("Authorization: Bearer $QUANYU_ADMIN_TOKEN: mutations, erasure, dead letters, "
                + "retraining; also every reader endpoint", null));
        c.addSecurityScheme(Role.READER.scheme(), bearer("Authorization: Bearer $QUANYU_READER_TOKEN: back-office reads of personal data "
                + "(portraits, segment members, audiences, exports, transcripts)", null));
        c.addSecurityScheme(Role.CUSTOMER.scheme(), bearer("Authorization: Bearer <customer token>: an HS256 JWT the shop's login signs with "
                + "QUANYU_CUSTOMER_TOKEN_SECRET, claims sub (user id), iat, exp (at most 24 h after iat); answers about that customer only", "JWT"));
    }

    private static SecurityScheme bearer(String description, String format) {
        SecurityScheme s = OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(description);
        return format == null ? s : s.bearerFormat(format);
    }

    /** "METHOD /path/{param}" of every resource method of the application's REST resources, with its access. */
    static Map<String, Access> table() {
        Map<String, Access> out = new HashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                Access access = Access.of(type, m);
                if (access != null) {
                    out.put(verb + " " + normalize(root.value() + "/" + (sub == null ? "" : sub.value())), access);
                }
            }
        }
        return out;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** One spelling of a path template: a leading '/', no doubled or trailing '/', parameters without their regex. */
    static String normalize(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
