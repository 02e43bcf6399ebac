package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.testkit.replay.ReplayIds;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's conversations: a customer with orders in the replayed stream asks about one in English and in Chinese. */
final class Chat {

    private Chat() {
    }

    static void converse(Api api) {
        String user = null;
        String order = null;
        for (int uid = 1; uid <= 60 && order == null; uid++) {
            JsonNode probe = say(api, "demo-probe-" + uid, ReplayIds.userId(uid), "Where is my order?");
            if (probe.path("suggestions").size() > 0) {
                user = ReplayIds.userId(uid);
                order = probe.path("suggestions").get(0).asText();
            }
        }
        if (user == null) {
            System.out.println("  (no customer with orders found among the first 60: is the replay ingested?)");
            return;
        }
        String en = "demo-en-" + System.currentTimeMillis();
        show(api, en, user, "Where is my order?");
        show(api, en, user, order);
        show(api, en, user, "and when will it arrive?");
        String zh = "demo-zh-" + System.currentTimeMillis();
        show(api, zh, user, "我的订单到哪了？");
        show(api, zh, user, "订单号是" + order);
        show(api, zh, user, "支持七天无理由退货吗？");
        String other = "demo-oos-" + System.currentTimeMillis();
        show(api, other, null, "What's the capital of Mongolia?");
        show(api, other, null, "太差了！快递一直不到，气死我了，我要投诉！");
    }

    private static void show(Api api, String session, String user, String text) {
        JsonNode r = say(api, session, user, text);
        System.out.printf("  %s > %s%n", user == null ? "visitor" : user, text);
        String handoff = r.path("handoff").isObject() ? "  [handed off: " + r.path("handoff").path("reason").asText() + "]" : "";
        System.out.printf("    bot: %s%n         (intent %s %.2f, sentiment %s, answered by %s)%s%n", r.path("reply").asText(), r.path("intent").asText(),
                r.path("confidence").asDouble(), r.path("sentiment").path("polarity").asText(), r.path("answered_by").asText(), handoff);
    }

    private static JsonNode say(Api api, String session, String user, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", session);
        if (user != null) {
            body.put("user_id", user);
        }
        body.put("channel", "web");
        body.put("text", text);
        return api.post(Demo.CHATBOT, "/v1/chat", body, false).json();
    }
}
