package io.quanyu.events.raw;

import io.quanyu.events.data.Money;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;
import java.util.List;

/**
 * A POS receipt on {@code raw.store}; {@code checkout_time} is {@code yyyy-MM-dd HH:mm:ss} in the store's
 * time zone ({@code time_zone} when sent, else the zone configured for the store).
 */
public record RawStoreReceipt(@Required String storeId, @Required String receiptNo, String memberCard,
                              String phoneHash, @Required String checkoutTime, String timeZone,
                              @Required List<RawReceiptLine> lines, @Required @Range(min = "0", max = Money.MAX_AMOUNT_TEXT) BigDecimal total,
                              @Required String currency) {
}
