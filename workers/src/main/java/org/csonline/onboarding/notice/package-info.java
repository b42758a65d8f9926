/**
 * Notices to staff (email and the staff pages) when an onboarding needs a caseworker or a manager.
 */
package org.csonline.onboarding.notice;
