package io.cloudya.contracts;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON (de)serialisation of envelopes: the exact text the outbox stores and Kafka carries. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope whose payload type is looked up by its {@code type} field.
     *
     * @throws UnknownEventTypeException when the type is not one this build knows (a newer producer)
     */
    public static EventEnvelope<Event> read(String json) {
        JsonNode tree = MAPPER.readTree(json);
        String type = tree.path("type").asString();
        Class<? extends Event> payloadType = EventTypes.byName(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        Event payload = MAPPER.treeToValue(tree.get("payload"), payloadType);
        return new EventEnvelope<>(
                UUID.fromString(tree.get("id").asString()),
                type,
                tree.path("version").asInt(1),
                Instant.parse(tree.get("occurredAt").asString()),
                tree.get("key").asString(),
                tree.path("traceId").isNull() ? null : tree.path("traceId").asString(null),
                payload);
    }
}
