package hermes.plugin.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import hermes.testing.FakeConfiguration;

class AuthorizerTest {

    @TempDir
    Path home;
    FakeConfiguration config;
    PairingStore pairing;
    Authorizer authorizer;

    @BeforeEach
    void setUp() {
        config = new FakeConfiguration(home);
        pairing = new PairingStore(home.resolve("platforms/pairing"), InstantSource.system(), new SecureRandom());
        authorizer = new Authorizer(new GatewaySettings(config), pairing);
    }

    @Test
    void withNothingConfiguredEveryoneIsDenied() {
        assertThat(authorizer.authorize("telegram", Optional.of("42"))).isEmpty();
    }

    @Test
    void aSenderWithoutUserIdIsDeniedEvenWhenAllAreAllowed() {
        config.secret("GATEWAY_ALLOW_ALL_USERS", "true");

        assertThat(authorizer.authorize("telegram", Optional.empty())).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // settings (NAME=value;…), paired?, the rule that admits user 42 (- = denied)
        "TELEGRAM_ALLOW_ALL_USERS=true                              | false | PLATFORM_ALLOW_ALL",
        "TELEGRAM_ALLOW_ALL_USERS=true;TELEGRAM_ALLOWED_USERS=42    | true  | PLATFORM_ALLOW_ALL",
        "TELEGRAM_ALLOWED_USERS=42                                  | true  | PAIRED",
        "TELEGRAM_ALLOWED_USERS=7, 42 ;GATEWAY_ALLOWED_USERS=42     | false | PLATFORM_ALLOWLIST",
        "TELEGRAM_ALLOWED_USERS=*                                   | false | PLATFORM_ALLOWLIST",
        "GATEWAY_ALLOWED_USERS=42;GATEWAY_ALLOW_ALL_USERS=true      | false | GATEWAY_ALLOWLIST",
        "GATEWAY_ALLOW_ALL_USERS=true                               | false | GATEWAY_ALLOW_ALL",
        "TELEGRAM_ALLOWED_USERS=7;GATEWAY_ALLOWED_USERS=8           | false | -",
        "EMAIL_ALLOW_ALL_USERS=true;TELEGRAM_ALLOW_ALL_USERS=false  | false | -",
        "-                                                          | true  | PAIRED",
    })
    void rulesApplyInTheOriginalsOrder(String settings, boolean paired, Authorizer.Grant expected)
            throws IOException {
        if (settings != null) {
            for (String setting : settings.split(";")) {
                String[] pair = setting.split("=", 2);
                config.secret(pair[0].strip(), pair[1].strip());
            }
        }
        if (paired) {
            String code = pairing.requestCode("telegram", "42", "").orElseThrow();
            pairing.approve("telegram", code);
        }

        assertThat(authorizer.authorize("telegram", Optional.of("42"))).isEqualTo(Optional.ofNullable(expected));
    }
}
