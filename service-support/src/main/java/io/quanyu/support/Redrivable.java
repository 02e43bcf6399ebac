package io.quanyu.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumer that can apply one parked record again, the same way it applies a live one. */
public interface Redrivable extends ConsumerStatus {

    /** Applies the record alone; throws as the live path would (a data error, or a transient one). */
    void applyParked(ConsumerRecord<byte[], byte[]> record) throws Exception;
}
