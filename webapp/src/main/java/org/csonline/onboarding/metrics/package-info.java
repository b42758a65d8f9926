/**
 * Journey and provider metrics for Prometheus.
 */
package org.csonline.onboarding.metrics;
