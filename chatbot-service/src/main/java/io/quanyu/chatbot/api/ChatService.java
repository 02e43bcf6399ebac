package io.quanyu.chatbot.api;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.domain.TurnAnalysis;
import io.quanyu.chatbot.domain.dialogue.Decision;
import io.quanyu.chatbot.domain.dialogue.DialoguePolicy;
import io.quanyu.chatbot.domain.dialogue.OrderStatus;
import io.quanyu.chatbot.domain.entity.Entity;
import io.quanyu.chatbot.domain.text.TextNormalizer;
import io.quanyu.chatbot.messaging.ChatbotMetrics;
import io.quanyu.chatbot.messaging.Models;
import io.quanyu.chatbot.messaging.Publisher;
import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.chatbot.store.CustomerKeys;
import io.quanyu.events.Channel;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.SupportHandoff;
import io.quanyu.events.UserKey;
import io.quanyu.support.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Answers a chat turn: checks the request, analyses the text, and under the session's lock decides the reply, stores
 * the turn (phones masked) and any hand-off with its transcript, then lets the publisher send them to Kafka. The
 * customer is the one the customer token names (none for a visitor); sessions are named by the server and bound to
 * that customer, or to the visitor who started them.
 */
@ApplicationScoped
public class ChatService {

    static final Set<Channel> CHAT_CHANNELS = Set.of(Channel.WEB, Channel.APP, Channel.MINIPROGRAM, Channel.STORE);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatbotConfig config;
    private final Models models;
    private final ConversationStore conversations;
    private final StoreKnowledge knowledge;
    private final CustomerKeys customerKeys;
    private final Publisher publisher;
    private final ChatbotMetrics metrics;

    public ChatService(ChatbotConfig config, Models models, ConversationStore conversations, StoreKnowledge knowledge, CustomerKeys customerKeys,
                       Publisher publisher, ChatbotMetrics metrics) {
        this.config = config;
        this.models = models;
        this.conversations = conversations;
        this.knowledge = knowledge;
        this.customerKeys = customerKeys;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Answers a turn; {@code authorization} is the caller's own credential, used only to look up a customer's coupons. */
    public ChatReply handle(ChatRequest request, Caller caller, String authorization) throws Rejected, SQLException {
        long started = System.nanoTime();
        if (request == null) {
            throw new Rejected(400, "invalid_request", "send a JSON body with session_id, channel and text");
        }
        String text = request.text();
        if (text == null || text.isBlank()) {
            throw new Rejected(400, "empty_text", "text is empty: write something for the chatbot to answer");
        }
        if (text.length() > config.maxTextChars()) {
            throw new Rejected(413, "text_too_long", "text has " + text.length() + " characters; at most " + config.maxTextChars() + " are accepted");
        }
        if (request.userId() != null) {
            // A user id in the body is anyone's claim: refused loudly, so a frontend still sending one finds out at once.
            throw new Rejected(400, "user_id_not_accepted", "user_id is not accepted: the customer is the one the customer token in "
                    + "Authorization: Bearer names (none for a visitor who has not signed in)");
        }
        boolean resumed = request.sessionId() != null;
        String sessionId = resumed ? request.sessionId() : newSessionId();
        if (!ID.matcher(sessionId).matches()) {
            throw new Rejected(400, "invalid_session_id", "session_id must be 1-128 letters, digits or '-', '_', ':', '.'");
        }
        Channel channel = request.channel() == null ? Channel.WEB : Channel.parse(request.channel()).filter(CHAT_CHANNELS::contains)
                .orElseThrow(() -> new Rejected(400, "invalid_channel", "channel must be one of web, app, miniprogram, store"));
        String userKey = caller.customer() ? caller.userKey() : UserKey.anonymous("chat-" + sessionId);

        Instant now = Instant.now();
        TurnAnalysis a = models.nlp().analyze(text, LocalDate.ofInstant(now, OrderStatus.SHOP_ZONE));
        String language = a.language().language().name().toLowerCase(Locale.ROOT);
        if (language.equals("unknown")) {
            language = "other";
        }
        String turnId = UUID.randomUUID().toString();
        Decision d;
        SupportHandoff handoff = null;
        try (Connection c = conversations.begin()) {
            ConversationStore.Session s = resumed ? conversations.lock(c, sessionId, userKey, now, config.sessionTtl())
                    : conversations.open(c, sessionId, userKey, channel.wire(), now);
            boolean known = caller.customer();
            DialoguePolicy.Caller talking = new DialoguePolicy.Caller(s.userKey(), known, known ? customerKeys.keysOf(s.userKey()) : List.of());
            d = new DialoguePolicy(known ? knowledge.forCustomer(authorization) : knowledge).decide(a, text, s.state(), talking, now);
            ChatTurn turn = new ChatTurn(turnId, sessionId, s.userKey(), channel.wire(), language, masked(text, a), d.reply(), a.intent().intent(),
                    a.intent().confidence(), a.sentiment().score(), a.entities().stream().map(e -> e.type().name()).distinct().toList(),
                    d.answeredBy(), d.handoff(), now);
            conversations.saveTurn(c, s, turn, d.state());
            if (d.handoff()) {
                handoff = new SupportHandoff(UUID.randomUUID().toString(), sessionId, s.userKey(), channel.wire(), d.handoffReason(),
                        s.state().topic(), d.orderId(), language, a.sentiment().score(), conversations.transcript(c, sessionId, s.startedAt()), now);
                conversations.saveHandoff(c, handoff);
            }
            c.commit();
        } catch (ConversationStore.UnknownSession e) {
            throw new Rejected(404, "unknown_session", e.getMessage());
        } catch (StoreKnowledge.DatabaseAway e) {
            throw e.sqlCause();
        }
        publisher.nudge();
        metrics.turn(d.answeredBy(), language, Duration.ofNanos(System.nanoTime() - started));
        if (handoff != null) {
            metrics.handoff(handoff.reason());
        }
        return reply(sessionId, turnId, a, d, handoff, language);
    }

    /** 128 random bits, URL-safe: a session id nobody can guess, so none can be taken over by trying. */
    static String newSessionId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    private static ChatReply reply(String sessionId, String turnId, TurnAnalysis a, Decision d, SupportHandoff handoff, String language) {
        List<ChatReply.EntityView> entities = a.entities().stream().map(e -> new ChatReply.EntityView(e.type().name(),
                e.sensitive() ? e.display() : e.text(), e.start(), e.end(), e.sensitive() ? null : e.value())).toList();
        return new ChatReply(sessionId, turnId, d.reply(), a.intent().intent(), a.intent().confidence(), language, entities,
                new ChatReply.SentimentView(a.sentiment().polarity().name(), a.sentiment().score(), a.sentiment().source()),
                handoff == null ? null : new ChatReply.HandoffView(handoff.ticketId(), handoff.reason()), d.suggestions(), d.answeredBy(),
                a.truncated());
    }

    /** The text as stored and published: what was analysed, phones replaced by their masked form. */
    static String masked(String text, TurnAnalysis a) {
        String t = TextNormalizer.cap(text);
        StringBuilder out = new StringBuilder(t);
        List<Entity> phones = a.entities().stream().filter(Entity::sensitive).sorted((x, y) -> y.start() - x.start()).toList();
        for (Entity p : phones) {
            out.replace(p.start(), p.end(), p.display());
        }
        return a.truncated() ? out.append('…').toString() : out.toString();
    }
}
