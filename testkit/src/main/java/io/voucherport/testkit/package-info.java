/**
 * What users of Voucherport test with: stateful simulators of the providers on WireMock
 * ({@link io.voucherport.testkit.ez.EzSimulator}), in-memory fakes of the ports
 * ({@link io.voucherport.testkit.fake.InMemoryCodeSupplier}) and contract suites any implementation
 * of a port must pass ({@link io.voucherport.testkit.contract.CodeSupplierContract}).
 *
 * <p>The simulators are written from the providers' documentation, not from any adapter's wire
 * types, so a mapping mistake in one is caught by the other.
 */
package io.voucherport.testkit;
