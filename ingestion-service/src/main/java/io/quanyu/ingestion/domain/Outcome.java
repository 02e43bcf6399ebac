package io.quanyu.ingestion.domain;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Product;
import io.quanyu.events.ReasonCode;

/** What one raw message (or one item of a batch) became: an event, a product, or a typed failure. */
public sealed interface Outcome {

    /** A normalized event for {@code events.v1}. */
    record Event(CloudEvent event) implements Outcome {
    }

    /** A product for {@code catalog.products.v1}. */
    record Catalog(Product product) implements Outcome {
    }

    /** A refusal; {@code raw} is what to replay (the item of a batch, or the whole message when null). */
    record Failure(ReasonCode code, String detail, byte[] raw) implements Outcome {
    }
}
