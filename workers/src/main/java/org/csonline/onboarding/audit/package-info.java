/**
 * The audit log: who did what to which onboarding or account, from where.
 */
package org.csonline.onboarding.audit;
