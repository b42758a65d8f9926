package org.csonline.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

class FormTest {

    record Details(String givenName, String newPassword, String confirmNewPassword, String surname) implements Form {
    }

    record Names(@NotBlank(message = "first") String givenName, @NotBlank(message = "second") String surname)
            implements Form {
    }

    @Test
    void showsWhatWasTypedButNeverAPassword() {
        assertThat(new Details("Sam", "secret", "secret", null).values())
                .containsExactly(Map.entry("givenName", "Sam"), Map.entry("surname", ""));
    }

    @Test
    void aRefusedBindingIsAUserInputExceptionInTheFormsFieldOrder() {
        Names form = new Names("", "");
        BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "names");
        binding.addError(new FieldError("names", "surname", "second"));
        binding.addError(new FieldError("names", "givenName", "first"));
        assertThatThrownBy(() -> Form.check(binding)).isInstanceOfSatisfying(UserInputException.class,
                e -> assertThat(e.errors()).extracting(UserInputException.InputError::field,
                        UserInputException.InputError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("givenName", "first"),
                                org.assertj.core.groups.Tuple.tuple("surname", "second")));
    }

    @Test
    void anAcceptedBindingPasses() {
        Form.check(new BeanPropertyBindingResult(new Names("Sam", "Smith"), "names"));
    }
}
