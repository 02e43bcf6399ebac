package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.Msg;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.domain.Charts;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Customer service: the hand-off queue with transcripts, the intent and sentiment mix in it, and the FAQ (editing for admins). */
@Path("/service")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ServicePage {

    private final Template service;
    private final Pages pages;
    private final Backends backends;

    public ServicePage(Template service, Pages pages, Backends backends) {
        this.service = service;
        this.pages = pages;
        this.backends = backends;
    }

    @GET
    public Response get(@QueryParam("notice") String notice, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        CompletableFuture<Reply> queueF = backends.get(Service.CHATBOT, "/v1/handoffs?limit=50", visit.get().token());
        CompletableFuture<Reply> faqF = backends.get(Service.CHATBOT, "/v1/faq", visit.get().token());
        Reply queue = queueF.join();
        Reply faq = faqF.join();
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(visit.get().locale().toLanguageTag()));
        Map<String, Integer> intents = new TreeMap<>();
        Map<String, Integer> moods = new TreeMap<>();
        if (queue.ok()) {
            for (JsonNode h : queue.body().path("handoffs")) {
                for (JsonNode line : h.path("transcript")) {
                    if ("customer".equals(line.path("role").asText()) && line.hasNonNull("intent")) {
                        intents.merge(line.path("intent").asText(), 1, Integer::sum);
                    }
                }
                double s = h.path("sentiment").asDouble();
                moods.merge(s < -0.2 ? msg.negative() : s > 0.2 ? msg.positive() : msg.neutral(), 1, Integer::sum);
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("handoffs", queue.ok() ? Views.list(queue.body().path("handoffs")) : List.of());
        data.put("faq", faq.ok() ? Views.list(faq.body()) : List.of());
        data.put("intentChart", intents.isEmpty() ? null : Charts.json(Charts.pie(msg.intent_mix(), intents)));
        data.put("moodChart", moods.isEmpty() ? null : Charts.json(Charts.pie(msg.sentiment_mix(), moods)));
        data.put("notice", notice);
        data.put("back", "/service");
        return pages.render(service, visit.get(), "service", data, List.of(queue, faq));
    }

    @POST
    @Path("/faq")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveFaq(@FormParam("id") String id, @FormParam("language") String language, @FormParam("question") String question,
                            @FormParam("answer") String answer, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", id == null ? "" : id.trim());
        entry.put("language", language == null || language.isBlank() ? null : language.trim());
        entry.put("question", question == null ? "" : question.trim());
        entry.put("answer", answer == null ? "" : answer.trim());
        Reply r = backends.send(Service.CHATBOT, "POST", "/v1/faq", visit.get().token(), new ArrayList<>(List.of(entry))).join();
        String notice = r.ok() ? "saved FAQ entry " + entry.get("id") : "not saved: " + r.error();
        return Response.seeOther(URI.create("/service?notice=" + CustomerPage.enc(notice))).build();
    }
}
