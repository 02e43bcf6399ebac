package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Json;
import io.quanyu.events.ReasonCode;
import io.quanyu.events.validation.Text;
import io.quanyu.events.validation.Validator;
import io.quanyu.events.validation.Violation;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole of turning one raw message into outcomes: size limit, parsing, scrubbing personal data, the
 * channel's adapter, time bounds and a last validation of each event. It never throws: whatever is wrong
 * with the input becomes a typed {@link Outcome.Failure} whose raw bytes are already scrubbed.
 */
public final class Normalizer {

    /** Raw topic messages are one JSON object each; trailing garbage after it is an error, not ignored. */
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int MAX_DETAIL = 600;

    private final Map<Channel, ChannelAdapter> adapters;
    private final PiiScrubber scrubber;
    private final int maxMessageBytes;
    private final ZoneId defaultZone;
    private final Function<String, ZoneId> storeZones;
    private final TimeBounds bounds;

    public Normalizer(List<ChannelAdapter> adapters, PiiScrubber scrubber, int maxMessageBytes, ZoneId defaultZone,
                      Function<String, ZoneId> storeZones, TimeBounds bounds) {
        this.adapters = new EnumMap<>(Channel.class);
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        this.scrubber = scrubber;
        this.maxMessageBytes = maxMessageBytes;
        this.defaultZone = defaultZone;
        this.storeZones = storeZones;
        this.bounds = bounds;
    }

    /** One adapter per channel of the suite. */
    public static List<ChannelAdapter> standardAdapters() {
        return List.of(new WebAdapter(), new AppAdapter(), new MiniProgramAdapter(), new StoreAdapter(), new AdsAdapter(),
                new CatalogAdapter());
    }

    public PiiScrubber scrubber() {
        return scrubber;
    }

    /** The outcomes of one raw message of {@code channel} that arrived at {@code receivedAt}. */
    public List<Outcome> normalize(Channel channel, byte[] raw, Instant receivedAt) {
        if (raw == null || raw.length == 0) {
            return fail(ReasonCode.UNPARSEABLE, "empty message", new byte[0]);
        }
        if (raw.length > maxMessageBytes) {
            return fail(ReasonCode.TOO_LARGE, "message of " + raw.length + " bytes exceeds the limit of " + maxMessageBytes
                    + " bytes; this failure keeps its first " + maxMessageBytes + " bytes, the whole message stays on its raw topic",
                    scrubber.scrubBytes(Arrays.copyOf(raw, maxMessageBytes)));
        }
        JsonNode tree;
        try {
            tree = READER.readTree(raw);
        } catch (IOException e) {
            return fail(ReasonCode.UNPARSEABLE, "not JSON: " + describe(e), scrubber.scrubBytes(raw));
        }
        if (tree == null || tree.isMissingNode()) {
            return fail(ReasonCode.UNPARSEABLE, "empty message", scrubber.scrubBytes(raw));
        }
        if (!tree.isObject()) {
            return fail(ReasonCode.UNPARSEABLE, "expected a JSON object, was " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    scrubber.scrubBytes(raw));
        }
        scrubber.scrub(tree);
        return adapt(channel, (ObjectNode) tree, receivedAt);
    }

    /** The outcomes of a message already parsed and scrubbed (the HTTP collector's items). */
    public List<Outcome> adapt(Channel channel, ObjectNode message, Instant receivedAt) {
        ChannelAdapter adapter = adapters.get(channel);
        if (adapter == null) {
            return fail(ReasonCode.UNKNOWN_EVENT, "no adapter for channel " + channel.wire(), EventCodec.encode(message));
        }
        // Anywhere in the message, not only in the fields an adapter reads: no store downstream can keep such text.
        String badText = Text.problemIn(message);
        if (badText != null) {
            return fail(ReasonCode.INVALID_TEXT, truncate(badText.startsWith("$.") ? badText.substring(2) : badText), EventCodec.encode(message));
        }
        List<Outcome> outcomes;
        try {
            outcomes = adapter.adapt(message, new AdapterContext(receivedAt, defaultZone, storeZones, bounds));
        } catch (Rejected r) {
            return fail(r.code(), truncate(r.getMessage()), EventCodec.encode(message));
        } catch (RuntimeException e) {
            // An adapter bug must not stop the stream: the message is kept, typed, for a fix and a replay.
            return fail(ReasonCode.SCHEMA_VIOLATION, "could not be normalized (" + e.getClass().getSimpleName() + ")", EventCodec.encode(message));
        }
        List<Outcome> checked = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            checked.add(switch (o) {
                case Outcome.Event e -> lastCheck(e.event(), message, o);
                case Outcome.Catalog c -> lastCheck(c.product(), message, o);
                case Outcome.Failure f -> f.raw() == null ? new Outcome.Failure(f.code(), f.detail(), EventCodec.encode(message)) : f;
            });
        }
        return checked;
    }

    /** Adapters build valid records; this catches the one that did not, before it reaches a consumer. */
    private static Outcome lastCheck(Object record, ObjectNode message, Outcome ok) {
        List<Violation> violations = Validator.validate(record);
        if (violations.isEmpty()) {
            return ok;
        }
        String detail = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        return new Outcome.Failure(violations.getFirst().code(), truncate(detail), EventCodec.encode(message));
    }

    /** A parser error in one line, with where it happened and no quoted personal data. */
    public String describe(IOException e) {
        String what = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String where = e instanceof JsonProcessingException j && j.getLocation() != null
                ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
        String first = what == null ? e.getClass().getSimpleName() : what.lines().findFirst().orElse("");
        // Parser messages quote the offending token, which may be a phone number.
        String clean = scrubber.scrubText(first);
        return truncate((clean == null ? first : clean) + where);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "...";
    }

    private static List<Outcome> fail(ReasonCode code, String detail, byte[] raw) {
        return List.of(new Outcome.Failure(code, detail, raw));
    }
}
