/**
 * What every feature shares: errors a page shows, secrets and password hashing, database failures, profiles and
 * council settings.
 */
package org.csonline.onboarding.support;
