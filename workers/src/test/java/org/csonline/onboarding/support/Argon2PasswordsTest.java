package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2PasswordsTest {

    private final Argon2Passwords passwords = Argon2Passwords.create();

    @Test
    void usesTheNativeLibraryOnThisPlatform() {
        assertThat(passwords.isNative()).isTrue();
    }

    @Test
    void hashesWithOwaspRecommendedArgon2idParameters() {
        String hash = passwords.encode("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
        assertThat(passwords.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void saltsEachHash() {
        assertThat(passwords.encode("same password")).isNotEqualTo(passwords.encode("same password"));
    }

    @Test
    void verifiesHashesMadeBySpringsEarlierDefaultsAndMarksThemForUpgrade() {
        String earlier = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("kettle on a narrowboat");
        assertThat(earlier).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(passwords.matches("kettle on a narrowboat", earlier)).isTrue();
        assertThat(passwords.matches("kettle on a narrowboaT", earlier)).isFalse();
        assertThat(passwords.upgradeEncoding(earlier)).isTrue();
    }

    @Test
    void nativeAndPureJavaReadEachOthersHashes() {
        Argon2Passwords pureJava = Argon2Passwords.pureJava();
        assertThat(pureJava.matches("pw one two", passwords.encode("pw one two"))).isTrue();
        assertThat(passwords.matches("pw one two", pureJava.encode("pw one two"))).isTrue();
        assertThat(pureJava.encode("x")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void rejectsWhatIsNotAnArgon2idHash() {
        assertThat(passwords.matches("demo", null)).isFalse();
        assertThat(passwords.matches("demo", "{noop}demo")).isFalse();
        assertThat(passwords.matches("demo", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }
}
