/**
 * Staff pages: caseworkers' onboardings and queue, reviewers' access reviews, managers' notices; staff sign-in
 * (configured users or the council's OpenID Connect provider).
 */
package org.csonline.onboarding.staff;
