package io.quanyu.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/** A body over {@code quarkus.http.limits.max-body-size} gets 413 with the JSON error, declared or chunked. */
@ApplicationScoped
public class RequestLimits {

    static final String PROPERTY = "quarkus.http.limits.max-body-size";
    // Quarkus's default when a service sets none.
    private static final String QUARKUS_DEFAULT = "10240K";
    // Quarkus checks the declared length at order -2 and answers 413 with no body: this comes first to answer instead.
    private static final int ORDER = -3;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router) {
        String configured = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse(QUARKUS_DEFAULT);
        long limit = new MemorySizeConverter().convert(configured).asLongValue();
        // A chunked body declares no length. Quarkus REST counts it while reading and ends the answer without a body; it is
        // read here instead, into memory up to the limit (a few MB at most), so that the refusal can carry the JSON error.
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false);
        router.route().order(ORDER).handler(ctx -> {
            long length = declaredLength(ctx.request());
            if (length > limit) {
                tooLarge(ctx, "the body has " + length + " bytes; at most " + limit + " are accepted per request");
            } else if (length < 0 && WITH_BODY.contains(ctx.request().method())) {
                chunked.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, "the body is larger than the " + limit + " bytes accepted per request");
            } else {
                ctx.next();
            }
        });
    }

    private static void tooLarge(RoutingContext ctx, String message) {
        // The rest of the body is left unread, so the connection cannot carry another request: close it once the answer is out.
        ctx.response().endHandler(v -> ctx.request().connection().close());
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        String body;
        try {
            body = JSON.writeValueAsString(new ApiError("too_large", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    /** The Content-Length, or -1 when there is none or it is not a number (the HTTP codec refuses those itself). */
    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
