package io.quanyu.support;

/**
 * Who may call an endpoint ({@link Roles}). The back-office roles hold static tokens; a customer holds a signed
 * {@link CustomerToken} naming them. Channel apps hold ingestion's channel keys, which ingestion checks itself.
 */
public enum Role {

    /** Mutations, erasure, dead letters, model retraining: {@code Bearer $QUANYU_ADMIN_TOKEN}. Also every reader right. */
    ADMIN,

    /** Back-office reads of personal data (portraits, segment members, audiences, exports, transcripts): {@code Bearer $QUANYU_READER_TOKEN}. */
    READER,

    /** A signed-in customer, about themselves only: {@code Bearer <customer token>} signed with {@code QUANYU_CUSTOMER_TOKEN_SECRET}. */
    CUSTOMER;

    /** The name used in the OpenAPI document's security schemes. */
    public String scheme() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
