package io.quanyu.chatbot.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quanyu.chatbot.domain.text.Language;
import io.quanyu.events.SupportHandoff;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chatbot's own Prometheus metrics. Tags are low-cardinality (what answered, the language, the hand-off reason),
 * never the intent or the text; every series exists at zero from start-up so alerts see it from the first scrape.
 */
@Startup
@ApplicationScoped
public class ChatbotMetrics {

    static final String[] ANSWERED_BY = {"faq", "order", "product", "smalltalk", "slot", "complaint", "fallback", "handoff"};
    static final String[] LANGUAGES = {"zh", "en", "mixed", "other"};
    /** What scores a language's sentiment: the model shipped in the jar, one trained on QUANYU_CHATBOT_SENTIMENT_DATA, or the lexicon alone. */
    public static final String SENTIMENT_BUNDLED = "bundled";
    public static final String SENTIMENT_TRAINED = "trained";
    public static final String SENTIMENT_LEXICON = "lexicon";
    private static final List<String> SENTIMENT_SOURCES = List.of(SENTIMENT_BUNDLED, SENTIMENT_TRAINED, SENTIMENT_LEXICON);

    private final MeterRegistry registry;
    private final Timer turn;
    private final Counter stored;
    private final Counter undecodable;
    private final Counter published;
    private final Counter publishFailures;
    private final Counter feedback;
    private final Counter recommenderFailures;
    private final Counter engagementFailures;
    private final Counter erasures;
    private final Map<String, AtomicInteger> sentimentSources = new ConcurrentHashMap<>();

    public ChatbotMetrics(MeterRegistry registry) {
        this.registry = registry;
        turn = Timer.builder("quanyu.chatbot.turn").description("Time to answer a chat turn, analysis to stored state")
                .publishPercentileHistogram().register(registry);
        stored = Counter.builder("quanyu.chatbot.orders.stored").description("Purchase and refund rows stored from events.v1").register(registry);
        undecodable = Counter.builder("quanyu.chatbot.events.undecodable").description("Records on events.v1 that were not valid events")
                .register(registry);
        published = Counter.builder("quanyu.chatbot.published").description("Turns and hand-offs acknowledged by Kafka").register(registry);
        publishFailures = Counter.builder("quanyu.chatbot.publish.failures").description("Outbox rounds that Kafka did not acknowledge")
                .register(registry);
        feedback = Counter.builder("quanyu.chatbot.feedback").description("Feedback received on answers").register(registry);
        engagementFailures = Counter.builder("quanyu.chatbot.engagement.failures")
                .description("Promotion answers given without coupons because the engagement-service failed or was too slow").register(registry);
        recommenderFailures = Counter.builder("quanyu.chatbot.recommender.failures")
                .description("Similar-product look-ups that failed or timed out (the answer went out without them)").register(registry);
        erasures = Counter.builder("quanyu.chatbot.erasures").description("Erasure requests carried out").register(registry);
        for (String by : ANSWERED_BY) {
            for (String language : LANGUAGES) {
                registry.counter("quanyu.chatbot.turns", "answered_by", by, "language", language);
            }
        }
        for (String reason : new String[] {SupportHandoff.REQUESTED, SupportHandoff.NEGATIVE_SENTIMENT, SupportHandoff.REPEATED_FALLBACK}) {
            registry.counter("quanyu.chatbot.handoffs", "reason", reason);
        }
        for (Language language : List.of(Language.ZH, Language.EN)) {
            for (String source : SENTIMENT_SOURCES) {
                AtomicInteger serving = new AtomicInteger();
                sentimentSources.put(tag(language) + "/" + source, serving);
                Gauge.builder("quanyu.chatbot.sentiment.model", serving, AtomicInteger::get)
                        .description("1 for what scores the language's sentiment now (bundled, trained or lexicon), 0 for the others")
                        .tags("language", tag(language), "source", source).register(registry);
            }
        }
    }

    private static String tag(Language language) {
        return language.name().toLowerCase(Locale.ROOT);
    }

    /** Records that source now scores language's sentiment. */
    public void sentimentServedBy(Language language, String source) {
        for (String s : SENTIMENT_SOURCES) {
            sentimentSources.get(tag(language) + "/" + s).set(s.equals(source) ? 1 : 0);
        }
    }

    public void turn(String answeredBy, String language, Duration took) {
        registry.counter("quanyu.chatbot.turns", "answered_by", answeredBy, "language", language).increment();
        turn.record(took);
    }

    public void handoff(String reason) {
        registry.counter("quanyu.chatbot.handoffs", "reason", reason).increment();
    }

    public void stored(int rows) {
        stored.increment(rows);
    }

    public void undecodable() {
        undecodable.increment();
    }

    public void published(int records) {
        published.increment(records);
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void feedback() {
        feedback.increment();
    }

    public void engagementFailed() {
        engagementFailures.increment();
    }

    public void recommenderFailed() {
        recommenderFailures.increment();
    }

    public void erased() {
        erasures.increment();
    }
}
