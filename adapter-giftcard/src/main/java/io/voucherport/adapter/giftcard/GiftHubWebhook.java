package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;

/**
 * GiftHub's delivery webhook ({@code {orderId, orderState, reference, redeemData}}) read into the
 * domain's words. GiftHub retries a webhook up to three times, so the same event may arrive more
 * than once: handle it idempotently by order id. Never act on a webhook alone — pass the event
 * to {@link GiftHubSupplier#verify} to retrieve the order it names.
 */
public final class GiftHubWebhook {

    private static final ObjectMapper JSON = JsonSupport.newObjectMapper();

    private GiftHubWebhook() {
    }

    /**
     * What a webhook announced. Its codes are as claimed by the sender; {@code toString} masks them.
     *
     * @param orderId the GiftHub order
     * @param status the announced state
     * @param reference the caller's reference, when it is one the domain accepts
     * @param codes the announced codes (each SKU counts what it delivered: the webhook names no ordered quantities)
     */
    public record Event(SupplierOrderId orderId, OrderStatus status, Option<OrderReference> reference, OrderCodes codes) {
        /**
         * Validates.
         *
         * @param orderId the GiftHub order
         * @param status the announced state
         * @param reference the caller's reference, when it is one the domain accepts
         * @param codes the announced codes (each SKU counts what it delivered: the webhook names no ordered quantities)
         */
        public Event {
            Require.present(orderId, "order id");
            Require.present(status, "status");
            Require.present(reference, "reference");
            Require.present(codes, "codes");
        }
    }

    /**
     * Reads a webhook body; {@code UnexpectedResponse} when it is not one (the body is never echoed).
     *
     * @param body the webhook request's body as GiftHub posted it, possibly null or blank; never
     *     trusted on its own (confirm with {@link GiftHubSupplier#verify})
     * @return the event as announced, or {@code UnexpectedResponse} when the body is not a webhook
     *     (never thrown)
     */
    public static Either<ProviderFailure, Event> parse(String body) {
        if (body == null || body.isBlank()) {
            return unreadable("the webhook body is empty");
        }
        try {
            GiftHubDto.Webhook hook = JSON.readValue(body, GiftHubDto.Webhook.class);
            if (hook == null || hook.orderId() == null || hook.orderId().isBlank()) {
                return unreadable("the webhook names no order id");
            }
            return Either.right(GiftHubMapper.INSTANCE.event(hook));
        } catch (IOException | IllegalArgumentException e) {
            return unreadable("the webhook body is not GiftHub's delivery (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Either<ProviderFailure, Event> unreadable(String message) {
        return Either.left(new ProviderFailure.UnexpectedResponse(FailureDetails.of(GiftHubSupplier.PROVIDER, message)));
    }
}
