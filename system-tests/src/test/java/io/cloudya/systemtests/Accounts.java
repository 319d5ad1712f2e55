package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates real accounts through the gateway, as a new CLI user does: register, log in, create an API key. */
final class Accounts {

    private Accounts() {
    }

    static User newUser(Gateway gateway) {
        String email = "sys-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-" + UUID.randomUUID();
        String credentials = "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password);

        var registered = gateway.postJson("/api/auth/register", credentials);
        assertThat(registered.status()).as(registered.body().toString()).isIn(200, 201);
        var login = gateway.postJson("/api/auth/login", credentials);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        String accessToken = field(login.body(), "access_token", "accessToken");
        var key = gateway.as(accessToken).postJson("/api/auth/api-keys", "{\"name\":\"system-test\"}");
        assertThat(key.status()).as(key.body().toString()).isIn(200, 201);
        String apiKey = field(key.body(), "key", "key");
        var me = gateway.as(apiKey).get("/api/auth/me");
        assertThat(me.status()).as(me.body().toString()).isEqualTo(200);
        return new User(field(me.body(), "user_id", "userId"), email, accessToken, apiKey);
    }

    private static String field(JsonNode body, String snake, String camel) {
        JsonNode value = body.has(snake) ? body.get(snake) : body.get(camel);
        assertThat(value).as("field " + snake + " in " + body).isNotNull();
        return value.asString();
    }

    record User(String id, String email, String accessToken, String apiKey) {
    }
}
