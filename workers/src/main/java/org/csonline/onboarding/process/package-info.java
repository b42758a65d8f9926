/**
 * The contract with the Camunda engine: the process's messages and start, written to an outbox with the data they
 * belong to and relayed to the engine in order.
 */
package org.csonline.onboarding.process;
