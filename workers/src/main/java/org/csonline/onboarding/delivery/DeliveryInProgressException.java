package org.csonline.onboarding.delivery;

/**
 * Another run of the same job is calling the provider for this delivery right now (the job timed out and was
 * activated again while the first run still waits for the provider). This run must not send; the job is tried
 * again later, when the first run has finished one way or the other.
 */
public class DeliveryInProgressException extends RuntimeException {

    public DeliveryInProgressException(String deliveryKey) {
        super("Delivery " + deliveryKey + " is being sent by another run of this job; trying again later");
    }
}
