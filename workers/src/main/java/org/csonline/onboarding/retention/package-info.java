/**
 * Erases the personal data of ended onboardings after the retention period, through each table's owner.
 */
package org.csonline.onboarding.retention;
