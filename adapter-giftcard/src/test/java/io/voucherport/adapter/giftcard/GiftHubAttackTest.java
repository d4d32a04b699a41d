package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile review of GiftHub on the one request path: classification of create, token replacement on confirm, logs. */
class GiftHubAttackTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private GiftHubSimulator gifthub;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        gifthub = GiftHubSimulator.create().withSampleData();
        gifthub.start();
    }

    @AfterEach
    void stop() {
        gifthub.close();
    }

    private GiftHubSupplier supplier(OrderReferenceStore references) {
        return GiftHubSupplier.builder()
                .baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .readTimeout(Duration.ofSeconds(2))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(30)))
                .sleeper(sleeps::add)
                .references(references)
                .logLevel(HttpLogLevel.FULL)
                .build();
    }

    /**
     * GiftHub documents no uniqueness of {@code reference} and no 409 on create: a 409 there is a
     * refusal like any other 4xx (as it was before the refactor: {@code InvalidRequest}), not a
     * claim that an order with the caller's reference exists. Reporting it as
     * {@code DuplicateReference} sends the purchase into a lookup that the reference store then
     * answers "never placed" — and the purchase is placed again.
     */
    @Test
    void aConflictOnCreateIsARefusalNotADuplicateOfTheReference() {
        OrderReferenceStore store = OrderReferenceStore.inMemory();
        try (GiftHubSupplier supplier = supplier(store)) {
            OrderReference reference = OrderReference.generate();
            gifthub.inject(Endpoint.CREATE_ORDER, SimFault.status(409));
            ProviderFailure failure = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 1)))
                    .getLeft();
            assertThat(failure).as("GiftHub has no duplicate-reference refusal")
                    .isNotInstanceOf(ProviderFailure.DuplicateReference.class)
                    .isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(store.find(reference)).as("nothing was bound to the reference")
                    .isNotInstanceOf(OrderReferenceStore.Binding.Bound.class);
            assertThat(gifthub.paidOrders()).as("nothing was bought").isEmpty();
        }
    }

    /**
     * A 403 on confirm (a token GiftHub no longer accepts) is answered before acting: the token is
     * replaced once and confirm sent once more; one purchase, never two confirms that both pay.
     */
    @Test
    void aRejectedTokenOnConfirmIsReplacedOnceAndTheOrderPaidOnce() {
        try (GiftHubSupplier supplier = supplier(OrderReferenceStore.inMemory())) {
            OrderReference reference = OrderReference.generate();
            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.status(403));
            SupplierOrder placed = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 1))).get();
            assertThat(placed.reference()).contains(reference);
            assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isEqualTo(2);
            assertThat(gifthub.purchasesWithReference(reference.value())).isEqualTo(1);
            assertThat(supplier.tokensIssued()).isEqualTo(2);
        }
    }

    /** A second 403 after the replacement is final: confirm is not sent a third time. */
    @Test
    void aSecondRejectionOnConfirmIsFinal() {
        try (GiftHubSupplier supplier = supplier(OrderReferenceStore.inMemory())) {
            OrderReference reference = OrderReference.generate();
            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.status(403));
            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.status(403));
            ProviderFailure failure = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 1)))
                    .getLeft();
            assertThat(failure).isInstanceOf(ProviderFailure.AccessDenied.class);
            assertThat(gifthub.requests(Endpoint.CONFIRM_ORDER)).isEqualTo(2);
            assertThat(gifthub.purchasesWithReference(reference.value())).isZero();
        }
    }

    /**
     * Confirm has paid; only reading the create answer's invoice (kept from before confirm) is
     * left. An invoice total the domain refuses as money (more than 34 digits) must not turn a
     * paid order into an exception out of {@code place}: the caller would lose the order it paid
     * for (no value to journal). {@code GiftHubPlacement.place} maps the placed order with
     * {@code GiftHubMapper.placed} outside the request path, and {@code grandTotal} builds
     * {@code Money} outside the {@code Try} that guards {@code invoiceOf}.
     */
    @Test
    void anUnreadableInvoiceTotalAfterConfirmIsNeverAnException() {
        try (GiftHubSupplier supplier = supplier(OrderReferenceStore.inMemory())) {
            OrderReference reference = OrderReference.generate();
            gifthub.inject(Endpoint.CREATE_ORDER, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                    "(\"total\"\\s*:\\s*)[0-9.eE+-]+\u0000$1"
                            + "1234567890123456789012345678901234567890.5"));
            java.util.concurrent.atomic.AtomicReference<io.vavr.control.Either<ProviderFailure, SupplierOrder>> placed =
                    new java.util.concurrent.atomic.AtomicReference<>();
            org.assertj.core.api.Assertions.assertThatCode(() -> placed.set(supplier.place(
                    OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 1)))))
                    .as("a paid order is a value, never an exception").doesNotThrowAnyException();
            assertThat(gifthub.purchasesWithReference(reference.value())).as("confirm paid").isEqualTo(1);
            assertThat(placed.get().isRight() || !placed.get().getLeft().provablyNotApplied()).isTrue();
        }
    }

    /**
     * FULL logging through the main client and its token-endpoint sibling: neither the client id
     * nor the client secret, a JWT (also one issued after a rejection), a code, a PIN, a serial
     * number nor a link appears in a log line, a failure or a {@code toString}.
     */
    @Test
    void fullLoggingLeaksNoCredentialTokenOrCodeIncludingTheClientId() {
        List<String> texts = new ArrayList<>();
        try (GiftHubSupplier supplier = supplier(OrderReferenceStore.inMemory())) {
            gifthub.inject(Endpoint.CONFIRM_ORDER, SimFault.status(403));
            SupplierOrder placed = supplier.place(OrderRequest.of(OrderReference.generate(),
                    OrderLine.of("STEAM-EU-20", 2))).get();
            gifthub.fulfilPending();
            texts.add(supplier.fetchCodes(placed.id()).get().toString());
            texts.add(supplier.order(placed.id()).get().toString());
            texts.add(supplier.toString());
        }
        try (GiftHubSupplier wrong = GiftHubSupplier.builder().baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID)).clientSecret(Secret.of("wrong-gh-secret-424242"))
                .references(OrderReferenceStore.inMemory()).logLevel(HttpLogLevel.FULL).build()) {
            ProviderFailure denied = wrong.balances().getLeft();
            texts.add(denied.toString());
            texts.add(denied.message());
        }
        assertThat(logs.text()).contains("---> GET").contains("/auth/jwt");
        List<String> secrets = new ArrayList<>(gifthub.deliveredSecrets());
        secrets.add(GiftHubSimulator.DEFAULT_CLIENT_ID);
        secrets.add(GiftHubSimulator.DEFAULT_CLIENT_SECRET);
        secrets.add("wrong-gh-secret-424242");
        secrets.addAll(gifthub.issuedTokens());
        assertThat(gifthub.issuedTokens()).hasSizeGreaterThanOrEqualTo(2);
        logs.assertNoneOf(secrets, texts);
    }
}
