package io.cloudya.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cloudya.auth.config.AuthProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ES256 signing keys in {@code signing_key}. The newest signs; the newest two are published, so tokens
 * signed just before a rotation keep verifying until they expire. Every instance re-reads the table each
 * {@code cloudya.auth.signing.refresh}, and rotation runs under an advisory lock, so replicas agree.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int PUBLISHED = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuthProperties.Signing settings;
    private volatile List<ECKey> newestFirst = List.of();

    SigningKeys(JdbcClient jdbc, TransactionTemplate transaction, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = properties.signing();
    }

    /** The private key new tokens are signed with. */
    public ECKey current() {
        List<ECKey> keys = newestFirst;
        if (keys.isEmpty()) {
            refresh();
            keys = newestFirst;
        }
        return keys.getFirst();
    }

    /** Public halves of the current and previous keys, for the JWKS document. */
    public List<ECKey> published() {
        if (newestFirst.isEmpty()) {
            refresh();
        }
        return newestFirst.stream().map(ECKey::toPublicJWK).toList();
    }

    @Scheduled(fixedDelayString = "${cloudya.auth.signing.refresh:1m}")
    public synchronized void refresh() {
        transaction.executeWithoutResult(status -> rotate(false));
        newestFirst = load();
    }

    /** Starts a new key now, whatever the schedule (operations after a suspected key leak; tests). */
    public synchronized void rotateNow() {
        transaction.executeWithoutResult(status -> rotate(true));
        newestFirst = load();
    }

    private void rotate(boolean force) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cloudya.signing_key'))").query(Object.class).list();
        Instant now = clock.instant();
        var newest = jdbc.sql("SELECT max(created_at) FROM signing_key").query(java.sql.Timestamp.class).optional();
        boolean due = newest.isEmpty() || !newest.get().toInstant().plus(settings.rotation()).isAfter(now);
        if (force || due) {
            ECKey key = generate(now);
            jdbc.sql("INSERT INTO signing_key (kid, jwk, created_at) VALUES (:kid, :jwk, :at)")
                    .param("kid", key.getKeyID()).param("jwk", key.toJSONString())
                    .param("at", java.sql.Timestamp.from(now)).update();
            log.info("started signing key {}", key.getKeyID());
        }
    }

    private List<ECKey> load() {
        return jdbc.sql("SELECT jwk FROM signing_key ORDER BY created_at DESC, kid LIMIT " + PUBLISHED)
                .query(String.class).list().stream().map(SigningKeys::parse).toList();
    }

    private static ECKey generate(Instant now) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).issueTime(Date.from(now)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable signing key in signing_key", e);
        }
    }
}
