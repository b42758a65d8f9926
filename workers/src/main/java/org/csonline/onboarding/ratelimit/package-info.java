/**
 * Rate limits on the pages that send codes or check passwords, shared by every instance through the database.
 */
package org.csonline.onboarding.ratelimit;
