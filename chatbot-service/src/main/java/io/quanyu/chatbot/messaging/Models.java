package io.quanyu.chatbot.messaging;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.domain.ChatbotNlp;
import io.quanyu.chatbot.domain.SeedData;
import io.quanyu.chatbot.domain.entity.Catalog;
import io.quanyu.chatbot.domain.entity.CatalogProduct;
import io.quanyu.chatbot.domain.faq.FaqIndex;
import io.quanyu.chatbot.domain.intent.IntentClassifier;
import io.quanyu.chatbot.domain.intent.OutOfScopePolicy;
import io.quanyu.chatbot.domain.ml.ClassifierOptions;
import io.quanyu.chatbot.domain.ml.CsvReader;
import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.MiniLmEmbedder;
import io.quanyu.chatbot.domain.sentiment.BundledSentiment;
import io.quanyu.chatbot.domain.sentiment.SentimentAnalyzer;
import io.quanyu.chatbot.domain.sentiment.SentimentLexicon;
import io.quanyu.chatbot.domain.sentiment.SentimentModel;
import io.quanyu.chatbot.domain.text.Language;
import io.quanyu.chatbot.store.FaqStore;
import io.quanyu.chatbot.store.FeedbackStore;
import io.quanyu.events.Product;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The models a turn is answered with, swapped whole when they change: the NLP core (intents from the seed utterances
 * plus confirmed feedback, sentiment, the catalog's product names), the FAQ index and the catalog's products.
 */
@ApplicationScoped
public class Models {

    private static final Logger LOG = Logger.getLogger(Models.class);

    private final ChatbotConfig config;
    private final FeedbackStore feedback;
    private final FaqStore faqStore;
    private final ChatbotMetrics metrics;
    private final MiniLmEmbedder embedder = new MiniLmEmbedder();
    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final AtomicBoolean catalogChanged = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
            .name("chatbot-models").daemon().unstarted(r));
    private volatile ChatbotNlp nlp;
    private volatile FaqIndex faq = FaqIndex.build(List.of());
    private volatile String feedbackVersion = "";
    private volatile String faqVersion = "";
    private volatile int trainingExamples;

    public Models(ChatbotConfig config, FeedbackStore feedback, FaqStore faqStore, ChatbotMetrics metrics) {
        this.config = config;
        this.feedback = feedback;
        this.faqStore = faqStore;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) throws SQLException {
        faqStore.seed(SeedData.faq());
        refreshFaq();
        retrain();
        scheduler.scheduleWithFixedDelay(this::rebuildCatalogIfChanged, 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 10, 10, TimeUnit.SECONDS);
        long every = config.retrainEvery().toMillis();
        scheduler.scheduleWithFixedDelay(this::retrainIfNewFeedback, every, every, TimeUnit.MILLISECONDS);
        config.sentimentData().ifPresent(dir -> Thread.ofPlatform().name("chatbot-sentiment-training").daemon().start(() -> trainSentiment(Path.of(dir))));
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    public ChatbotNlp nlp() {
        return nlp;
    }

    public FaqIndex faq() {
        return faq;
    }

    public Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    /** Retrains the intent model on the seed utterances plus every confirmed example; returns the confirmed count. */
    public synchronized int retrain() throws SQLException {
        String version = feedback.version();
        List<LabelledText> confirmed = feedback.confirmedExamples();
        List<LabelledText> examples = new ArrayList<>(SeedData.intents());
        examples.addAll(confirmed);
        IntentClassifier intents = IntentClassifier.train(examples, ClassifierOptions.intents(), embedder, OutOfScopePolicy.defaults());
        ChatbotNlp current = nlp;
        nlp = current == null ? new ChatbotNlp(intents, bundledSentiment(), catalog()) : current.withIntents(intents);
        feedbackVersion = version;
        trainingExamples = examples.size();
        LOG.infof("intent model trained on %d examples (%d confirmed by feedback)", examples.size(), confirmed.size());
        return confirmed.size();
    }

    /** Rebuilds the FAQ index from the database now (after an admin changed it). */
    public void refreshFaq() throws SQLException {
        String version = faqStore.version();
        faq = FaqIndex.build(faqStore.all());
        faqVersion = version;
    }

    void putProduct(Product p) {
        products.put(p.productId(), p);
        catalogChanged.set(true);
    }

    void removeProduct(String productId) {
        products.remove(productId);
        catalogChanged.set(true);
    }

    private Catalog catalog() {
        List<CatalogProduct> list = new ArrayList<>(products.size());
        for (Product p : products.values()) {
            list.add(new CatalogProduct(p.productId(), p.productId(), p.title()));
        }
        return Catalog.of(list);
    }

    private void rebuildCatalogIfChanged() {
        if (catalogChanged.getAndSet(false)) {
            synchronized (this) {
                nlp = nlp.withCatalog(catalog());
            }
        }
    }

    /** Other instances change the FAQ and feedback too: follow the database. */
    private void refreshQuietly() {
        try {
            if (!faqStore.version().equals(faqVersion)) {
                refreshFaq();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("FAQ refresh failed, keeping the current index: %s", e.getMessage());
        }
    }

    private void retrainIfNewFeedback() {
        try {
            if (!feedback.version().equals(feedbackVersion)) {
                retrain();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("scheduled retraining failed, keeping the current model: %s", e.getMessage());
        }
    }

    /** The models shipped in the jar; the lexicon alone for a language whose model the jar lacks. */
    private SentimentAnalyzer bundledSentiment() {
        Map<Language, SentimentModel> bundled = BundledSentiment.loadAll();
        SentimentAnalyzer analyzer = new SentimentAnalyzer(SentimentLexicon.bundled(), bundled);
        for (BundledSentiment.Recipe r : BundledSentiment.RECIPES) {
            String source = bundled.containsKey(r.language()) ? ChatbotMetrics.SENTIMENT_BUNDLED : ChatbotMetrics.SENTIMENT_LEXICON;
            metrics.sentimentServedBy(r.language(), source);
            LOG.infof("%s sentiment: %s", r.language(), bundled.containsKey(r.language())
                    ? "review-trained model shipped in the jar (" + r.resource() + ")" : "lexicon only (" + r.resource() + " not in the jar)");
        }
        return analyzer;
    }

    /**
     * QUANYU_CHATBOT_SENTIMENT_DATA: models trained on the reviews there (all of each file, same recipe as the shipped
     * ones) replace the shipped ones when ready. Training the 62,774 online-shopping-zh reviews needs about 1.5 GB of
     * heap for a few seconds, more than the launcher's -Xmx512m: the shipped models need none of that.
     */
    private void trainSentiment(Path dir) {
        for (BundledSentiment.Recipe r : BundledSentiment.RECIPES) {
            Path file = dir.resolve(r.trainFile());
            if (!Files.exists(file)) {
                continue;
            }
            try {
                SentimentModel model = r.train(CsvReader.read(file, r.textColumn(), r.labelColumn()));
                synchronized (this) {
                    nlp = nlp.withSentiment(nlp.sentiment().withModel(r.language(), model));
                }
                metrics.sentimentServedBy(r.language(), ChatbotMetrics.SENTIMENT_TRAINED);
                LOG.infof("%s sentiment model trained on %s now serves", r.language(), file);
            } catch (Exception | OutOfMemoryError e) {
                LOG.warnf("%s sentiment training on %s failed, the previous model keeps serving: %s", r.language(), file, e.toString());
            }
        }
    }
}
