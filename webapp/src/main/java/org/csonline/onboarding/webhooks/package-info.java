/**
 * Provider callbacks: SendGrid's delivery events, signed.
 */
package org.csonline.onboarding.webhooks;
