package io.cloudya.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;

class StaticRateLimiterScriptTest {

    private final StaticRateLimiterScript processor = new StaticRateLimiterScript();

    @Test
    void keepsTheGatewaysLuaScriptButNoLongerReadsItFromTheJarOnEachCall() {
        DefaultRedisScript<List> fromJar = new DefaultRedisScript<>();
        fromJar.setScriptSource(new ResourceScriptSource(
                new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")));
        fromJar.setResultType(List.class);

        var processed = (RedisScript<?>) processor.postProcessAfterInitialization(fromJar,
                RedisRateLimiter.REDIS_SCRIPT_NAME);

        assertThat(processed.getScriptAsString()).isEqualTo(fromJar.getScriptAsString()).contains("redis.call");
        assertThat(processed.getSha1()).isEqualTo(fromJar.getSha1());
        assertThat(processed.getResultType()).isEqualTo(List.class);
        assertThat(ReflectionTestUtils.getField(processed, "scriptSource")).isInstanceOf(StaticScriptSource.class);
    }

    @Test
    void leavesEveryOtherBeanAlone() {
        Object other = RedisScript.of("return 1", Long.class);

        assertThat(processor.postProcessAfterInitialization(other, "someOtherScript")).isSameAs(other);
    }
}
