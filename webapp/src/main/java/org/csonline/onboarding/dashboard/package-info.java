/**
 * The managers' dashboard: funnel, time per step, overdue reviews and invitations, from the timeline.
 */
package org.csonline.onboarding.dashboard;
