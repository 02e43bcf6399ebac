package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.testkit.replay.ReplayIds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's conversations: a signed-in customer (their customer token) with orders in the replayed stream asks about
 * one in English and in Chinese; a visitor without a token asks something out of scope and complains.
 */
final class Chat {

    private Chat() {
    }

    /** One conversation: the server names the session on the first turn; every turn carries the same credential. */
    private static final class Conversation {
        private final Api api;
        private final String user;
        private final String authorization;
        private String sessionId;

        Conversation(Api api, String user) {
            this.api = api;
            this.user = user;
            this.authorization = user == null ? null : api.customer(user);
        }

        JsonNode say(String text) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (sessionId != null) {
                body.put("session_id", sessionId);
            }
            body.put("channel", "web");
            body.put("text", text);
            JsonNode r = api.post(Demo.CHATBOT, "/v1/chat", body, authorization).json();
            if (r.hasNonNull("session_id")) {
                sessionId = r.get("session_id").asText();
            }
            return r;
        }

        void show(String text) {
            JsonNode r = say(text);
            System.out.printf("  %s > %s%n", user == null ? "visitor" : user, text);
            String handoff = r.path("handoff").isObject() ? "  [handed off: " + r.path("handoff").path("reason").asText() + "]" : "";
            System.out.printf("    bot: %s%n         (intent %s %.2f, sentiment %s, answered by %s)%s%n", r.path("reply").asText(), r.path("intent").asText(),
                    r.path("confidence").asDouble(), r.path("sentiment").path("polarity").asText(), r.path("answered_by").asText(), handoff);
        }
    }

    static void converse(Api api) {
        String user = null;
        String order = null;
        for (int uid = 1; uid <= 60 && order == null; uid++) {
            JsonNode probe = new Conversation(api, ReplayIds.userId(uid)).say("Where is my order?");
            if (probe.path("suggestions").size() > 0) {
                user = ReplayIds.userId(uid);
                order = probe.path("suggestions").get(0).asText();
            }
        }
        if (user == null) {
            System.out.println("  (no customer with orders found among the first 60: is the replay ingested?)");
            return;
        }
        Conversation en = new Conversation(api, user);
        en.show("Where is my order?");
        en.show(order);
        en.show("and when will it arrive?");
        Conversation zh = new Conversation(api, user);
        zh.show("我的订单到哪了？");
        zh.show("订单号是" + order);
        zh.show("支持七天无理由退货吗？");
        Conversation visitor = new Conversation(api, null);
        visitor.show("Where is my order " + order + "?");
        visitor.show("What's the capital of Mongolia?");
        visitor.show("太差了！快递一直不到，气死我了，我要投诉！");
    }
}
