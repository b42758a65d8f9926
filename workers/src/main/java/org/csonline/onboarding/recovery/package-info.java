/**
 * Nothing stuck unseen: finds onboardings whose database and timeline disagree, and sends the process what it never
 * heard.
 */
package org.csonline.onboarding.recovery;
