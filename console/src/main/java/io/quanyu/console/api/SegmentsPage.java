package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.RuleBuilder;
import io.quanyu.console.domain.Service;
import io.quanyu.events.Json;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segments: the list with sizes (the k-means behaviour clusters with their descriptions among them), a rule builder that
 * sends its JSON condition to profile's POST /v1/segments, and a segment's members with a CSV export.
 */
@Path("/segments")
@Blocking
public class SegmentsPage {

    private static final int ROWS = 3;
    private static final int PAGE = 100;

    private final Template segments;
    private final Template segment;
    private final Pages pages;
    private final Backends backends;

    public SegmentsPage(Template segments, Template segment, Pages pages, Backends backends) {
        this.segments = segments;
        this.segment = segment;
        this.pages = pages;
        this.backends = backends;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("notice") String notice, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        return listPage(visit.get(), notice, null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        Map<String, String> echo = new HashMap<>();
        form.forEach((k, v) -> echo.put(k, v.isEmpty() ? "" : v.get(0)));
        JsonNode condition;
        String raw = echo.getOrDefault("condition_json", "").trim();
        if (!raw.isEmpty()) {
            try {
                condition = Json.MAPPER.readTree(raw);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return listPage(visit.get(), null, "the condition is not JSON: " + e.getOriginalMessage(), echo);
            }
        } else {
            List<RuleBuilder.Row> rows = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                rows.add(new RuleBuilder.Row(echo.get("field" + i), echo.get("op" + i), echo.get("value" + i)));
            }
            condition = RuleBuilder.condition(echo.get("combine"), rows);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", echo.getOrDefault("name", ""));
        if (!echo.getOrDefault("description", "").isBlank()) {
            body.put("description", echo.get("description"));
        }
        body.set("condition", condition);
        Reply r = backends.send(Service.PROFILE, "POST", "/v1/segments", visit.get().token(), body).join();
        if (!r.ok()) {
            // Profile's own reason (a JSON path, a taken id, a reader's 403), with the form as it was filled.
            return listPage(visit.get(), null, r.error(), echo);
        }
        String id = r.body().path("id").asText();
        return Response.seeOther(URI.create("/segments?notice=" + CustomerPage.enc("created " + id + ": "
                + r.body().path("members").asLong() + " members"))).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response members(@PathParam("id") String id, @QueryParam("offset") Integer offset, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        int from = offset == null || offset < 0 ? 0 : offset;
        Reply r = backends.get(Service.PROFILE, "/v1/segments/" + CustomerPage.enc(id) + "/members?offset=" + from + "&limit=" + PAGE,
                visit.get().token()).join();
        Map<String, Object> data = new HashMap<>();
        data.put("id", id);
        data.put("back", "/segments/" + CustomerPage.enc(id));
        if (r.ok()) {
            data.put("s", Views.plain(r.body().path("segment")));
            data.put("total", r.body().path("total").asLong());
            data.put("members", Views.list(r.body().path("members")));
            data.put("offset", from);
            data.put("next", from + PAGE < r.body().path("total").asLong() ? from + PAGE : null);
            data.put("definition", r.body().path("segment").path("definition").toString());
        } else if (r.status() == 404) {
            data.put("errors", List.of("no segment '" + id + "'"));
        }
        return pages.render(segment, visit.get(), "segments", data, List.of(r));
    }

    @GET
    @Path("/{id}/members.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") String id, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        StringBuilder out = new StringBuilder("customer_id\n");
        long total = Long.MAX_VALUE;
        // Page through profile's members endpoint; the console keeps nothing, it streams what profile answers.
        for (int from = 0; from < total; from += 10_000) {
            Reply r = backends.get(Service.PROFILE, "/v1/segments/" + CustomerPage.enc(id) + "/members?offset=" + from + "&limit=10000",
                    visit.get().token()).join();
            if (!r.ok()) {
                return Response.status(r.status() == 0 ? 502 : r.status()).type(MediaType.TEXT_PLAIN).entity(r.error() + "\n").build();
            }
            total = r.body().path("total").asLong();
            JsonNode members = r.body().path("members");
            if (members.isEmpty()) {
                break;
            }
            members.forEach(m -> out.append(csvCell(m.asText())).append('\n'));
        }
        return Response.ok(out.toString()).header("Content-Disposition", "attachment; filename=\"segment-" + id.replaceAll("[^a-z0-9_-]", "") + ".csv\"").build();
    }

    private Response listPage(Pages.Visit visit, String notice, String problem, Map<String, String> form) {
        Reply r = backends.get(Service.PROFILE, "/v1/segments", visit.token()).join();
        List<Object> all = r.ok() ? Views.list(r.body()) : List.of();
        List<Object> rules = new ArrayList<>();
        List<Object> clusters = new ArrayList<>();
        for (Object o : all) {
            Map<?, ?> m = (Map<?, ?>) o;
            (String.valueOf(m.get("id")).startsWith("behaviour-") || "cluster".equals(m.get("kind")) ? clusters : rules).add(m);
        }
        Map<String, Object> data = new HashMap<>();
        data.put("segments", rules);
        data.put("clusters", clusters);
        data.put("fields", RuleBuilder.FIELDS);
        data.put("ops", RuleBuilder.OPS);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("i", i, "field", form.getOrDefault("field" + i, i == 0 ? "activity.purchases" : ""),
                    "op", form.getOrDefault("op" + i, ">="), "value", form.getOrDefault("value" + i, i == 0 ? "1" : "")));
        }
        data.put("rows", rows);
        data.put("form", form);
        data.put("notice", notice);
        data.put("back", "/segments");
        if (problem != null) {
            data.put("errors", List.of(problem));
        }
        return pages.render(segments, visit, "segments", data, List.of(r));
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
