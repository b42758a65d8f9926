/**
 * The embedded Zeebe engine of the local profile, and its memory watch.
 */
package org.csonline.onboarding.engine;
