/**
 * The onboarding itself: who was invited to which record by which caseworker, its status, and its start (our page
 * or Tasklist).
 */
package org.csonline.onboarding.onboarding;
