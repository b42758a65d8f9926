/**
 * Guide steps 5-12 for an applicant with no council account: email and its code, names and password, the account
 * created, and the phone confirmed in two rounds of "Send Code" or "Call me".
 */
package org.csonline.onboarding.signup;
