/**
 * Emails through the provider (SendGrid, or the local outbox): what each kind says, sent once per step, and the
 * provider's delivery reports.
 */
package org.csonline.onboarding.email;
