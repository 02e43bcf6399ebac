package io.quanyu.chatbot.api;

import io.quanyu.chatbot.domain.faq.FaqEntry;
import io.quanyu.chatbot.messaging.Models;
import io.quanyu.chatbot.store.FaqStore;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The FAQ knowledge base: read by anyone, loaded by an admin. */
@Path("/v1/faq")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "faq")
public class FaqResource {

    static final int MAX_ENTRIES = 5000;

    /** One question/answer pair. */
    @Schema(description = "A question and its answer")
    public record Entry(@Schema(description = "Stable id, e.g. shipping-time-en", required = true) String id,
                        @Schema(description = "zh or en") String language,
                        @Schema(description = "The question as customers ask it", required = true) String question,
                        @Schema(description = "The answer the chatbot gives", required = true) String answer) {
    }

    private final FaqStore store;
    private final Models models;

    public FaqResource(FaqStore store, Models models) {
        this.store = store;
        this.models = models;
    }

    @GET
    @Operation(summary = "Every FAQ entry")
    public List<Entry> all() throws SQLException {
        return store.all().stream().map(e -> new Entry(e.id(), e.language(), e.question(), e.answer())).toList();
    }

    @PUT
    @Admin
    @Operation(summary = "Replace the whole knowledge base (admin)")
    public Response replace(List<Entry> entries) throws SQLException {
        return save(entries, true);
    }

    @POST
    @Admin
    @Operation(summary = "Add or update entries by id (admin)")
    public Response upsert(List<Entry> entries) throws SQLException {
        return save(entries, false);
    }

    private Response save(List<Entry> entries, boolean replaceAll) throws SQLException {
        if (entries == null || entries.isEmpty()) {
            return ApiError.response(Status.BAD_REQUEST, "empty", "send a JSON array of {id, language, question, answer}");
        }
        if (entries.size() > MAX_ENTRIES) {
            return ApiError.response(413, "too_many", entries.size() + " entries; at most " + MAX_ENTRIES + " per request");
        }
        List<FaqEntry> valid = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String problem = e == null ? "is null" : blank(e.id()) ? "has no id" : blank(e.question()) ? "has no question"
                    : blank(e.answer()) ? "has no answer" : e.id().length() > 200 || e.question().length() > 2000 || e.answer().length() > 4000
                    ? "is too long (id 200, question 2,000, answer 4,000 characters)" : !ids.add(e.id()) ? "repeats id " + e.id() : null;
            if (problem != null) {
                return ApiError.response(Status.BAD_REQUEST, "invalid_entry", "entry " + i + " " + problem);
            }
            valid.add(new FaqEntry(e.id(), e.question(), e.answer(), e.language()));
        }
        store.save(valid, replaceAll);
        models.refreshFaq();
        return Response.ok(Map.of("saved", valid.size(), "total", models.faq().entries().size())).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
