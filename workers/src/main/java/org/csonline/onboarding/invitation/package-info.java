/**
 * Guide steps 1-4: the setup email and its code, the caseworker's confirmation, the invitation email and its link,
 * and a caseworker's cancellation.
 */
package org.csonline.onboarding.invitation;
