/**
 * The about page: the version and the council's details.
 */
package org.csonline.onboarding.about;
