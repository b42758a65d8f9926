/**
 * Guide steps 13-15: the applicant confirms the record, the access review decides, and the record is granted or
 * declined.
 */
package org.csonline.onboarding.access;
