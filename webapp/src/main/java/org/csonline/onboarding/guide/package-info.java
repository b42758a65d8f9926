/**
 * The council's guide to the 15 steps, as a page and a PDF.
 */
package org.csonline.onboarding.guide;
