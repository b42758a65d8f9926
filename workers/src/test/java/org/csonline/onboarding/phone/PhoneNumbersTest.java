package org.csonline.onboarding.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"07400 123456", "07400123456", "+44 7400 123456", "0044 7400 123 456", "(07400) 123-456",
            " 07400 123456 "})
    void readsUkMobilesHoweverTheyAreTyped(String typed) {
        PhoneNumber number = PhoneNumbers.parse(typed);
        assertThat(number.e164()).isEqualTo("+447400123456");
        assertThat(number.canReceiveTexts()).isTrue();
    }

    @Test
    void marksLandlinesSoTheyAreOfferedCallMe() {
        PhoneNumber number = PhoneNumbers.parse("01603 222222");
        assertThat(number.e164()).isEqualTo("+441603222222");
        assertThat(number.canReceiveTexts()).isFalse();
    }

    @Test
    void acceptsInternationalNumbersWithAPlus() {
        assertThat(PhoneNumbers.parse("+33 6 12 34 56 78").e164()).isEqualTo("+33612345678");
    }

    @Test
    void refusesWhatIsNotAPhoneNumber() {
        assertThatThrownBy(() -> PhoneNumbers.parse("0770"))
                .isInstanceOfSatisfying(UserInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("phone.number.invalid"));
        assertThatThrownBy(() -> PhoneNumbers.parse("not a number")).isInstanceOf(UserInputException.class);
    }

    @Test
    void asksForANumberWhenNoneIsGiven() {
        assertThatThrownBy(() -> PhoneNumbers.parse("  "))
                .isInstanceOfSatisfying(UserInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("phone.number.required"));
    }

    @Test
    void masksAllButTheStartAndTheLastThreeDigits() {
        assertThat(PhoneNumber.mask("+447700900982")).isEqualTo("+44*******982");
        assertThat(PhoneNumber.mask(null)).isEmpty();
    }
}
