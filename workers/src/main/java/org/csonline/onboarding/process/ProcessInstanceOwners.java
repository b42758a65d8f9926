package org.csonline.onboarding.process;

import java.util.Optional;
import java.util.UUID;

/**
 * Which process instance an onboarding owns (ADR 004): the first instance claimed is the onboarding's, and every
 * later start is a duplicate. The onboarding feature keeps the record; the process feature only asks.
 */
public interface ProcessInstanceOwners {

    /** Claims {@code processInstanceKey} for the onboarding if it owns none yet; returns the key it owns. */
    Optional<Long> claimProcessInstance(UUID onboardingId, long processInstanceKey);
}
