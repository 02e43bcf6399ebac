package io.quanyu.ads.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Converts amounts to the reporting currency with the configured rates; an amount in an unknown currency has no conversion. */
@ApplicationScoped
public class Currencies {

    private final String reporting;
    private final Map<String, BigDecimal> rates = new HashMap<>();

    public Currencies(AdsConfig config) {
        this.reporting = config.currency().trim().toUpperCase(Locale.ROOT);
        config.fxRates().ifPresent(spec -> {
            for (String pair : spec.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                BigDecimal rate;
                try {
                    rate = kv.length == 2 ? new BigDecimal(kv[1].trim()) : null;
                } catch (NumberFormatException e) {
                    rate = null;
                }
                if (rate == null || rate.signum() <= 0) {
                    throw new IllegalArgumentException("quanyu.ads.fx-rates: '" + pair.trim() + "' is not CODE=positive rate");
                }
                rates.put(kv[0].trim().toUpperCase(Locale.ROOT), rate);
            }
        });
    }

    public String reporting() {
        return reporting;
    }

    /** The amount in the reporting currency; a null currency is taken as the reporting one. Empty when no rate is configured. */
    public Optional<BigDecimal> toReporting(BigDecimal amount, String currency) {
        if (currency == null || currency.isBlank() || currency.trim().equalsIgnoreCase(reporting)) {
            return Optional.of(amount);
        }
        BigDecimal rate = rates.get(currency.trim().toUpperCase(Locale.ROOT));
        return rate == null ? Optional.empty() : Optional.of(amount.multiply(rate));
    }
}
