/**
 * Phone codes by text or call through the provider (Twilio Verify, or the local outbox): numbers, channels, sending
 * and checking. Knows nothing of onboardings or accounts.
 */
package org.csonline.onboarding.phone;
