/**
 * The applicant's progress page: where the journey is, reached from a link in every email.
 */
package org.csonline.onboarding.progress;
