package org.csonline.onboarding.account;

/** PENDING from "Create" (step 10) until the access review approves it (step 15). */
public enum AccountStatus {
    PENDING, ACTIVE
}
