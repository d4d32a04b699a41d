package io.voucherport.example.giftcards;

import io.vavr.control.Option;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.domain.Secret;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.spring.boot.autoconfigure.SupplierPreference;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Selling gift cards. {@code POST /gift-cards/purchases} buys (the caller's reference, required,
 * makes it idempotent: the same reference again resumes the purchase and never buys twice); it
 * answers 200 with the codes when delivered, 202 when still pending (ask again with the same
 * reference), 422 when it failed with nothing bought, 502 when it failed and may have bought, 400
 * for an order without a reference or otherwise invalid (nothing bought), 409 when the reference
 * is one of another order (nothing bought, that order's codes not shown). {@code GET
 * /gift-cards/purchases/{reference}} tells how a purchase stands in the journal, without codes.
 */
@RestController
@RequestMapping("/gift-cards/purchases")
public class PurchaseController {

    private final BuyFromSuppliers suppliers;
    private final SupplierPreference preference;
    private final PurchaseJournal journal;

    /**
     * A controller over the starter's beans.
     *
     * @param suppliers the supplier directory
     * @param preference the configured order of suppliers
     * @param journal the purchase journal
     */
    public PurchaseController(BuyFromSuppliers suppliers, SupplierPreference preference, PurchaseJournal journal) {
        this.suppliers = suppliers;
        this.preference = preference;
        this.journal = journal;
    }

    /**
     * A purchase asked for.
     *
     * @param reference the caller's reference, its idempotency key: required, so that a caller who
     *     never saw the answer (a timeout) can ask again without buying twice
     * @param sku the catalog SKU
     * @param quantity how many cards
     */
    public record Order(String reference, String sku, int quantity) {
    }

    /**
     * One card sold.
     *
     * @param sku the SKU
     * @param code the redeem code
     * @param pin the PIN, or null
     */
    public record Card(String sku, String code, String pin) {
    }

    /**
     * How a purchase stands.
     *
     * @param reference the purchase's reference
     * @param supplier the supplier it is journaled at
     * @param status DELIVERED, PARTIALLY_DELIVERED, PENDING, FAILED, REJECTED (nothing bought) or,
     *     from the journal, OPEN
     * @param cards the cards delivered (only in the answer to a purchase)
     * @param reason why it is pending or failed, or null
     */
    public record Answer(String reference, String supplier, String status, List<Card> cards, String reason) {
    }

    /**
     * Buys, or resumes the purchase with this reference.
     *
     * @param order what to buy
     * @return the purchase as it stands
     */
    @PostMapping
    public ResponseEntity<Answer> buy(@RequestBody Order order) {
        if (order.reference() == null || order.sku() == null) {
            return rejected(HttpStatus.BAD_REQUEST, order.reference(), "a reference and a SKU are required (the"
                    + " reference lets a caller who never saw the answer ask again without buying twice)");
        }
        OrderReference reference;
        List<OrderLine> lines;
        try {
            reference = OrderReference.of(order.reference());
            lines = List.of(OrderLine.of(order.sku(), order.quantity()));
        } catch (IllegalArgumentException e) {
            return rejected(HttpStatus.BAD_REQUEST, order.reference(), "invalid order: " + e.getMessage());
        }
        if (anotherOrder(reference, lines)) {
            return conflict(reference);
        }
        BuyFromSuppliers.Routed routed = suppliers.buy(reference, lines, Option.none(), preference.names());
        if (anotherOrder(reference, lines)) {   // opened a moment ago by a request with other lines: not ours to show
            return conflict(reference);
        }
        String ref = reference.value();
        PurchaseResult result = routed.result();
        if (result instanceof PurchaseResult.Delivered delivered) {
            return ResponseEntity.ok(new Answer(ref, routed.supplier(), "DELIVERED", cards(delivered.codes()), null));
        } else if (result instanceof PurchaseResult.PartiallyDelivered partial) {
            return ResponseEntity.ok(new Answer(ref, routed.supplier(), "PARTIALLY_DELIVERED", cards(partial.codes()),
                    "missing " + partial.missing()));
        } else if (result instanceof PurchaseResult.Pending pending) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new Answer(ref, routed.supplier(), "PENDING", List.of(), pending.reason()));
        }
        PurchaseResult.Failed failed = (PurchaseResult.Failed) result;
        return ResponseEntity.status(failed.nothingBought() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_GATEWAY)
                .body(new Answer(ref, routed.supplier(), "FAILED", List.of(), failed.reason()));
    }

    /**
     * How the purchase with this reference stands in the journal.
     *
     * @param reference the purchase's reference
     * @return its status, or 404
     */
    @GetMapping("/{reference}")
    public ResponseEntity<Answer> status(@PathVariable String reference) {
        Option<JournaledPurchase> known = journal.find(OrderReference.of(reference));
        return known.map(p -> ResponseEntity.ok(new Answer(reference, p.supplier(), p.status().name(), List.of(), null)))
                .getOrElse(() -> ResponseEntity.notFound().build());
    }

    /** Whether the journal holds a purchase under {@code reference} of other lines than {@code lines}. */
    private boolean anotherOrder(OrderReference reference, List<OrderLine> lines) {
        return journal.find(reference).exists(purchase -> !purchase.request().lines().equals(lines));
    }

    private static ResponseEntity<Answer> conflict(OrderReference reference) {
        return rejected(HttpStatus.CONFLICT, reference.value(), "this reference is another order's: use a new"
                + " reference for a new order");
    }

    private static ResponseEntity<Answer> rejected(HttpStatus status, String reference, String reason) {
        return ResponseEntity.status(status).body(new Answer(reference, null, "REJECTED", List.of(), reason));
    }

    private static List<Card> cards(OrderCodes codes) {
        return codes.skus().stream().flatMap(sku -> sku.delivered().stream().map(code -> card(sku.sku().value(), code)))
                .toList();
    }

    private static Card card(String sku, DeliveredCode code) {
        // handing the codes to the buyer is this service's job: the one place they are revealed
        return new Card(sku, code.code().map(Secret::reveal).getOrNull(), code.pin().map(Secret::reveal).getOrNull());
    }
}
