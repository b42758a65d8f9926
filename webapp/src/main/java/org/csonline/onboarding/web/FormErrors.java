package org.csonline.onboarding.web;

import java.util.List;

/** Errors a page shows: in the "There is a problem" summary and next to each field. */
public record FormErrors(List<FieldMessage> all) implements java.io.Serializable {

    /** One message for one field; the field name is also the input's id, so the summary can link to it. */
    public record FieldMessage(String field, String text) implements java.io.Serializable {
    }

    public static FormErrors none() {
        return new FormErrors(List.of());
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public boolean has(String field) {
        return all.stream().anyMatch(m -> m.field().equals(field));
    }

    public String text(String field) {
        return all.stream().filter(m -> m.field().equals(field)).map(FieldMessage::text).findFirst().orElse("");
    }
}
