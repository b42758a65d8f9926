package org.csonline.onboarding.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.support.UserInputException.InputError;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A record a page posts, bound with {@code @ModelAttribute} ({@code @Valid} when it has constraints). Each POST
 * reads: {@link #check} the binding, call the service, redirect; or, on a {@link UserInputException} from either,
 * {@link #showAgain} the page.
 * Component names are the inputs' names; constraint messages are keys in messages.properties, and the constraints
 * on one component exclude each other, so a field has at most one message.
 */
public interface Form {

    /**
     * What the person typed, by input name, for the page to show again; never a password (a component whose name
     * says "password" is left out) and never null. A {@link LinkedHashMap}, so it can wait in the session.
     */
    default Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (RecordComponent component : getClass().getRecordComponents()) {
            if (component.getName().toLowerCase(Locale.ROOT).contains("password")) {
                continue;
            }
            try {
                // Forms are package-private records beside their controllers.
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(this);
                values.put(component.getName(), value == null ? "" : value.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a form's component cannot be read: " + component, e);
            }
        }
        return values;
    }

    /** The page again with these errors and what was typed. */
    default void showAgain(Model model, FormErrors errors) {
        model.addAttribute("form", values());
        model.addAttribute("errors", errors);
    }

    /** The same after a redirect (post-redirect-get), so Back does not ask to send the form again. */
    default void showAgainAfterRedirect(RedirectAttributes redirect, FormErrors errors) {
        redirect.addFlashAttribute("form", values());
        redirect.addFlashAttribute("errors", errors);
    }

    /**
     * Turns a refused binding into the same exception a service throws, its errors in the order of the form's
     * fields, so a page has one way to show what is wrong.
     */
    static void check(BindingResult binding) {
        if (!binding.hasErrors()) {
            return;
        }
        List<String> order = Arrays.stream(binding.getTarget().getClass().getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<InputError> errors = binding.getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError e) -> order.indexOf(e.getField())))
                .map(e -> new InputError(e.getField(), e.getDefaultMessage()))
                .toList();
        throw new UserInputException(errors);
    }

    /** Null as bound for a missing parameter becomes "", as {@code @RequestParam(defaultValue = "")} gave. */
    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
