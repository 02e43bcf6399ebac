package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces raw phone numbers and e-mail addresses with keyed hashes (HMAC-SHA256) before anything is
 * published or logged. The same person's phone gives the same hash on every channel, so it can still link
 * identities, but it cannot be reversed without the secret.
 */
public final class PiiScrubber {

    private static final Pattern PHONE_KEY = Pattern.compile("(?i)^(phone|mobile|tel|telephone|phone_?number|mobile_?number|cellphone|手机|手机号|电话)$");
    private static final Pattern EMAIL_KEY = Pattern.compile("(?i)^(e_?mail|email_?address|mail|邮箱)$");
    /**
     * Bounded like RFC 5321 (64-character local part, 255-character domain) and anchored at the start of a
     * run, so a long run of letters costs linear time, not quadratic: a 256 KiB message must not stall the stream.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z])");
    /** Chinese mobile numbers (with an optional +86) and international E.164 numbers. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:(?:\\+|00)?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)|\\+\\d{8,15}(?!\\d)");

    private final byte[] secret;

    public PiiScrubber(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the PII hashing secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The keyed hash of a phone number, over its digits only (without a +86/0086 prefix), so formats agree. */
    public String hashPhone(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        } else if (digits.length() == 15 && digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return hmac("phone:" + digits);
    }

    /** The keyed hash of an e-mail address, trimmed and lower-cased. */
    public String hashEmail(String email) {
        return hmac("email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Scrubs a parsed message in place; returns how many values it replaced. Fields named like a phone or an
     * e-mail become {@code phone_hash} / {@code email_hash}; phone numbers and addresses inside free text are
     * replaced by {@code [phone:<hash>]} / {@code [email:<hash>]}. Identifier-like values (digits only,
     * under a non-phone key) are left alone: a product id must not turn into a hash.
     */
    public int scrub(JsonNode node) {
        int replaced = 0;
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            for (Map.Entry<String, JsonNode> f : fields) {
                String key = f.getKey();
                JsonNode value = f.getValue();
                boolean phoneKey = PHONE_KEY.matcher(key).matches();
                if ((phoneKey || EMAIL_KEY.matcher(key).matches()) && value.isValueNode() && !value.isNull()) {
                    object.remove(key);
                    String text = value.asText();
                    if (!text.isBlank()) {
                        object.put(phoneKey ? "phone_hash" : "email_hash", phoneKey ? hashPhone(text) : hashEmail(text));
                    }
                    replaced++;
                } else if (value.isTextual()) {
                    String clean = scrubText(value.asText());
                    if (clean != null) {
                        object.set(key, TextNode.valueOf(clean));
                        replaced++;
                    }
                } else {
                    replaced += scrub(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    String clean = scrubText(item.asText());
                    if (clean != null) {
                        array.set(i, TextNode.valueOf(clean));
                        replaced++;
                    }
                } else {
                    replaced += scrub(item);
                }
            }
        }
        return replaced;
    }

    /** Free text with phones and e-mails replaced, or null when it had none (or is an identifier). */
    String scrubText(String text) {
        boolean email = text.indexOf('@') >= 0 && EMAIL.matcher(text).find();
        // An all-digit value is an identifier unless its key says phone; only text around a number counts.
        boolean phone = mayHoldPhone(text) && PHONE.matcher(text).find();
        if (!email && !phone) {
            return null;
        }
        String out = email ? replace(EMAIL, text, m -> "[email:" + hashEmail(m) + "]") : text;
        return phone ? replace(PHONE, out, m -> "[phone:" + hashPhone(m) + "]") : out;
    }

    /** At least 8 digits and something else: the cheap test that spares most values the regex. */
    private static boolean mayHoldPhone(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= 8 && digits < text.length();
    }

    /** Bytes that are not JSON (kept in failed events) with anything that looks like a phone or e-mail hashed. */
    public byte[] scrubBytes(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        String out = text.indexOf('@') >= 0 ? replace(EMAIL, text, m -> "[email:" + hashEmail(m) + "]") : text;
        out = mayHoldPhone(out) ? replace(PHONE, out, m -> "[phone:" + hashPhone(m) + "]") : out;
        return out.equals(text) ? raw : out.getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> by) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(by.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String hmac(String value) {
        try {
            // Mac instances are not thread-safe and cheap to create next to the hashing cost.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
