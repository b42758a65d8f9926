/**
 * Sending through a provider exactly once per step: the delivery ledger, provider failures and retries, and which
 * provider is configured.
 */
package org.csonline.onboarding.delivery;
