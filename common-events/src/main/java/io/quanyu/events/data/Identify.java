package io.quanyu.events.data;

import io.quanyu.events.validation.Required;
import java.util.List;
import java.util.Map;

/** Login or registration: links every id the message carried to the user id, with known traits. */
public record Identify(@Required String userId, List<LinkedId> links, Map<String, String> traits) implements EventData {
}
