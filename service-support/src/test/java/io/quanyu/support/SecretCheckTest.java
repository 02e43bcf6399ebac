package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Placeholder secrets are named with the variable to set; real ones and absent ones pass. */
class SecretCheckTest {

    @Test
    void placeholdersAreRefusedByName() {
        Map<String, String> config = Map.of(
                "quanyu.admin-token", "CHANGE-ME-admin-token",
                "quanyu.ingestion.api-keys", "web=change-me-web,app=k2",
                "quarkus.datasource.password", "s3cr3t-of-the-operator",
                "quanyu.reader-token", "9f2c1e0d6a");
        assertThat(SecretCheck.problems(name -> Optional.ofNullable(config.get(name))))
                .containsExactly("quanyu.admin-token (QUANYU_ADMIN_TOKEN) is a CHANGE-ME placeholder: set a real value",
                        "quanyu.ingestion.api-keys (QUANYU_API_KEYS) is a CHANGE-ME placeholder: set a real value");
    }

    @Test
    void realAbsentAndUnresolvableSecretsPass() {
        assertThat(SecretCheck.problems(name -> Optional.empty())).isEmpty();
        assertThat(SecretCheck.problems(name -> Optional.of("b8e6c1f04d2a93e7"))).isEmpty();
        assertThat(SecretCheck.problems(name -> {
            throw new java.util.NoSuchElementException("QUANYU_PII_SECRET is not set");
        })).isEmpty();
    }
}
