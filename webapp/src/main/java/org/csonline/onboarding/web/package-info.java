/**
 * What every page shares: the applicant's session, layout defaults, error pages, security headers, form errors and
 * messages.
 */
package org.csonline.onboarding.web;
