package io.cloudya.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.gateway.identity.VerifiedIdentity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevKeysTest {

    @Test
    void shouldMapFixedKeyToUserAndPlanWithUnknownPlansAsFree() {
        var keys = DevKeys.parse(Map.of("cly_dev", "u-1:pro", "cly_dev2", "u-2:platinum"));

        assertThat(keys.get("cly_dev")).isEqualTo(new VerifiedIdentity("u-1", "pro", "dev-key"));
        assertThat(keys.get("cly_dev2").plan()).isEqualTo("free");
    }

    @Test
    void shouldRefuseKeysWithoutTheCliPrefix() {
        assertThatThrownBy(() -> DevKeys.parse(Map.of("secret", "u-1:pro")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
