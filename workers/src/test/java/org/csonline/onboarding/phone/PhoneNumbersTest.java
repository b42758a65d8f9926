package org.csonline.onboarding.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "07400 123456, +447400123456",
            "+44 7400 123456, +447400123456",
            "(07400) 123-456, +447400123456",
            "0044 7400 123456, +447400123456"})
    void readsUkMobilesHoweverTyped(String typed, String e164) {
        PhoneNumber number = PhoneNumbers.parse(typed);
        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.canReceiveTexts()).isTrue();
    }

    @Test
    void landlinesCannotReceiveTexts() {
        PhoneNumber number = PhoneNumbers.parse("01603 222222");
        assertThat(number.e164()).isEqualTo("+441603222222");
        assertThat(number.canReceiveTexts()).isFalse();
    }

    @Test
    void acceptsInternationalNumbers() {
        assertThat(PhoneNumbers.parse("+33 6 12 34 56 78").e164()).isEqualTo("+33612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "not a number", "07400 12345678901"})
    void rejectsWhatIsNotAPhoneNumber(String typed) {
        assertThatThrownBy(() -> PhoneNumbers.parse(typed)).isInstanceOf(UserInputException.class)
                .hasMessage("phone.number.invalid");
    }

    @Test
    void asksForANumberWhenNoneIsTyped() {
        assertThatThrownBy(() -> PhoneNumbers.parse("  ")).hasMessage("phone.number.required");
    }

    @Test
    void masksAllButTheCountryCodeAndLastDigits() {
        assertThat(PhoneNumber.mask("+447400123456")).isEqualTo("+44*******456");
    }
}
