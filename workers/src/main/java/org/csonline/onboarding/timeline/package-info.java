/**
 * Each onboarding's journey timeline, from the model's start and end of every step.
 */
package org.csonline.onboarding.timeline;
