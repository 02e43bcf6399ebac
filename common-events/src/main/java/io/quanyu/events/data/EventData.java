package io.quanyu.events.data;

/** The {@code data} of a normalized event; its concrete record is fixed by the event's {@code type}. */
public interface EventData {
}
