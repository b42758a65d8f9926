package org.csonline.onboarding.onboarding;

/** What a caseworker enters to invite an applicant. */
public record NewOnboarding(String applicantEmail, String recordReference, String recordName) {
}
