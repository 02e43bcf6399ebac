package io.quanyu.support;

/** A record that is not a value of its topic's contract: parked as undecodable rather than as refused by a sink. */
final class UndecodableRecord extends IllegalArgumentException {

    UndecodableRecord(String message) {
        super(message);
    }
}
