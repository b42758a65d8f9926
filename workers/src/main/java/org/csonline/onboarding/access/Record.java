package org.csonline.onboarding.access;

/** A child's social-care record as the applicant sees it: its reference and name. */
public record Record(String reference, String name) {
}
