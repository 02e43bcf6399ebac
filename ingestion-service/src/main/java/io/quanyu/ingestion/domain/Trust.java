package io.quanyu.ingestion.domain;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.Identify;
import java.nio.charset.StandardCharsets;

/**
 * Who asserted a login or a coupon redemption: a raw record carries {@link Identify#TRUSTED_HEADER} only when the shop's back end sent it
 * (the collector sets it for server keys; a back end writing the raw topic sets it itself). The verdict is stamped on
 * the identify or redemption, replacing whatever the message claimed, since the message itself may come from a customer's device.
 */
public final class Trust {

    private Trust() {
    }

    /** Whether a header value asserts a trusted source ({@code true}, any case). */
    public static boolean trusted(byte[] headerValue) {
        return headerValue != null && "true".equalsIgnoreCase(new String(headerValue, StandardCharsets.US_ASCII).trim());
    }

    /** The outcome with its identify or coupon redemption marked verified or not; other outcomes as they are. */
    public static Outcome mark(Outcome outcome, boolean trusted) {
        if (outcome instanceof Outcome.Event(CloudEvent e)) {
            if (e.data() instanceof Identify id && id.fromTrustedSource() != trusted) {
                return new Outcome.Event(with(e, id.withVerified(trusted)));
            }
            if (e.data() instanceof CouponRedeemed c && c.fromTrustedSource() != trusted) {
                return new Outcome.Event(with(e, c.withVerified(trusted)));
            }
        }
        return outcome;
    }

    private static CloudEvent with(CloudEvent e, EventData data) {
        return new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.time(), e.subject(), e.datacontenttype(), e.channel(),
                e.receivedAt(), e.sessionId(), e.schemaVersion(), data);
    }
}
