/**
 * Working days: weekends and England-and-Wales bank holidays, for due dates and reminders.
 */
package org.csonline.onboarding.calendar;
