/**
 * A JUnit 5 extension for tests against the provider simulators: {@link
 * io.voucherport.testkit.junit.WithSimulators @WithSimulators} on a test class starts the
 * simulators it names before its tests, injects them, and closes them after the class.
 */
package io.voucherport.testkit.junit;
