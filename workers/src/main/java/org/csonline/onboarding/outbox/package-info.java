/**
 * The local outbox: where emails, texts and calls go when no provider keys are configured, and the page that shows
 * them.
 */
package org.csonline.onboarding.outbox;
