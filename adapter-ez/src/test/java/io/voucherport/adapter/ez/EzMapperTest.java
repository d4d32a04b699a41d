package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tolerant reading of what EZ sends, from JSON text to domain types. */
class EzMapperTest {

    private final ObjectMapper json = JsonSupport.newObjectMapper();

    private SupplierOrder order(String text) throws Exception {
        return EzMapper.INSTANCE.order(json.readValue(text, EzDto.Order.class));
    }

    private OrderCodes codes(String text) throws Exception {
        EzDto.Envelope<List<EzDto.CodesProduct>> envelope = json.readValue(text, new TypeReference<>() { });
        return EzMapper.INSTANCE.codes(SupplierOrderId.of("t-1"), envelope.data());
    }

    @Test
    void readsTheDocumentedInstantOrderExample() throws Exception {
        SupplierOrder order = order("""
                {"transactionId": "1234", "clientOrderNumber": "1234",
                 "grandTotal": {"amount": "9.75", "currency": "USD"}, "createdAt": "2023-10-17T09:00:00Z",
                 "status": "COMPLETED",
                 "products": [{"sku": "8PX-UF-Y5U", "quantity": 1, "unitPrice": {"amount": "9.75", "currency": "USD"},
                               "totalPrice": {"amount": "9.75", "currency": "USD"}, "status": "COMPLETED"}]}""");
        assertThat(order.id().value()).isEqualTo("1234");
        assertThat(order.reference().get().value()).isEqualTo("1234");
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.grandTotal()).contains(Money.of("9.75", "USD"));
        assertThat(order.grandTotal().get().amount().scale()).isEqualTo(2);
        assertThat(order.createdAt()).contains(Instant.parse("2023-10-17T09:00:00Z"));
        assertThat(order.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(1);
            assertThat(l.totalPrice()).contains(Money.of("9.75", "USD"));
        });
    }

    @Test
    void toleratesUnknownStatusesAbsentOptionalsExtraFieldsAndNumbersAsStrings() throws Exception {
        SupplierOrder order = order("""
                {"transactionId": "t-9", "status": "ON_HOLD", "ezOrderNumber": "EZ1", "surprise": {"x": [1, 2]},
                 "grandTotal": {"amount": 19.5, "currency": "usd"},
                 "products": [{"sku": "A", "quantity": "2", "unitPrice": {"amount": "9.75", "currency": "USD"},
                               "status": "WEIRD"}]}""");
        assertThat(order.status()).isEqualTo(new OrderStatus.Unknown("ON_HOLD"));
        assertThat(order.reference()).isEmpty();
        assertThat(order.createdAt()).isEmpty();
        assertThat(order.grandTotal()).contains(Money.of("19.5", "USD"));
        assertThat(order.lines().get(0).quantity()).isEqualTo(2);
        assertThat(order.lines().get(0).totalPrice()).isEmpty();
        assertThat(order.lines().get(0).status()).isEqualTo(new OrderStatus.Unknown("WEIRD"));
    }

    @Test
    void toleratesAnOrderWithoutProducts() throws Exception {
        assertThat(order("{\"transactionId\": \"t\", \"status\": \"PROCESSING\"}").lines()).isEmpty();
    }

    @Test
    void readsTheDocumentedCodesExampleWithPendingCodesInside() throws Exception {
        OrderCodes codes = codes("""
                {"requestId": "c4c7b997", "data": [{"sku": "8PX-UF-Y5U", "quantity": 100, "codes": [
                  {"stockId": 1, "status": "COMPLETED", "redeemCode": "J72D-I83E-N87F-213E-B980-K915", "pinCode": 1234},
                  {"stockId": 2, "status": "PROCESSING", "redeemCode": null, "pinCode": null}]}]}""");
        DeliveredCode delivered = codes.skus().get(0).codes().get(0);
        assertThat(delivered.status()).isEqualTo(CodeStatus.DELIVERED);
        assertThat(delivered.code().get().reveal()).isEqualTo("J72D-I83E-N87F-213E-B980-K915");
        assertThat(delivered.pin().get().reveal()).isEqualTo("1234");
        assertThat(delivered.stockId()).contains("1");
        assertThat(codes.skus().get(0).codes().get(1).status()).isEqualTo(CodeStatus.PENDING);
        assertThat(codes.shortfall().values()).containsExactly(99);
    }

    @Test
    void aPinSentAsAStringKeepsItsLeadingZeros() throws Exception {
        OrderCodes codes = codes("""
                {"data": [{"sku": "A", "quantity": 1, "codes": [
                  {"stockId": "7", "status": "COMPLETED", "redeemCode": "X-1", "pinCode": "0042"}]}]}""");
        assertThat(codes.delivered().get(0).pin().get().reveal()).isEqualTo("0042");
    }

    @Test
    void aCompletedCodeWithoutSecretsIsStillPendingAndAnUnknownCodeStatusToo() throws Exception {
        OrderCodes codes = codes("""
                {"data": [{"sku": "A", "quantity": 2, "codes": [
                  {"stockId": 1, "status": "COMPLETED"}, {"stockId": 2, "status": "QUEUED", "redeemCode": "R"}]}]}""");
        assertThat(codes.delivered()).isEmpty();
        assertThat(codes.skus().get(0).codes()).extracting(DeliveredCode::status)
                .containsExactly(CodeStatus.PENDING, CodeStatus.PENDING);
    }

    @Test
    void productsWithFixedAndRangedValuesAndPriceTiers() throws Exception {
        Product fixed = EzProducts.product(json.readTree("""
                {"sku": "A", "name": "Store", "faceValue": {"amount": "10.00", "currency": "USD"},
                 "price": {"amount": "9.75", "currency": "USD"}, "deliveryType": "ASYNC"}"""));
        assertThat(fixed.value()).isEqualTo(new ProductValue.Fixed(Money.of("10", "USD")));
        assertThat(fixed.priceTiers()).singleElement().satisfies(t -> assertThat(t.unitPrice()).isEqualTo(Money.of("9.75", "USD")));
        assertThat(fixed.instantDelivery()).isFalse();
        Product ranged = EzProducts.product(json.readTree("""
                {"sku": "B", "minFaceValue": {"amount": "5", "currency": "EUR"},
                 "maxFaceValue": {"amount": "100", "currency": "EUR"}, "faceValueStep": "5",
                 "priceTiers": [{"minQuantity": 10, "unitPrice": {"amount": "0.95", "currency": "EUR"}}]}"""));
        assertThat(ranged.name()).isEqualTo("B");
        assertThat(ranged.value().accepts(Money.of("25", "EUR"))).isTrue();
        assertThat(ranged.tierFor(10)).isNotEmpty();
    }

    @Test
    void ordersAreSentWithTheReferenceAsClientOrderNumberAndEzsDuplicateCheckOn() {
        OrderLine one = OrderLine.of("8PX-UF-Y5U", 1);
        OrderRequest instant = new OrderRequest(OrderReference.of("ref-1"), List.of(one),
                Option.some(CurrencyCode.of("USD")));
        assertThat(EzMapper.INSTANCE.instantOrder(instant, one))
                .isEqualTo(new EzDto.InstantOrderRequest("ref-1", true, "8PX-UF-Y5U", "USD"));
        OrderRequest bulk = OrderRequest.of(OrderReference.of("ref-2"),
                List.of(OrderLine.of("A", 2), OrderLine.of("B", 3)));
        assertThat(EzMapper.INSTANCE.bulkOrder(bulk)).isEqualTo(new EzDto.BulkOrderRequest("ref-2", true,
                List.of(new EzDto.Line("A", 2), new EzDto.Line("B", 3)), null));
    }
}
