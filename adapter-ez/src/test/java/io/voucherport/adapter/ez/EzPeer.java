package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Response;
import feign.codec.Decoder;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Benchmark access to the EZ adapter's own Feign interface and mapper, over whatever Feign set-up
 * the benchmark configures (Feign's defaults, or another transport): the peers the adapter is
 * compared with. Lives in the adapter's package only to reach its package-private types; ships in
 * the adapter's test jar only, not part of the library. Depends on nothing of the benchmarks: they
 * hand it the Feign set-up and the answers to decode.
 */
public final class EzPeer {

    private static final Type CODES = returnType("codes", String.class, Map.class);
    private static final Type ORDER = returnType("createInstantOrder", EzDto.InstantOrderRequest.class);

    private static final ObjectMapper JSON = JsonSupport.newObjectMapper();
    /** The adapter's masking of raw fields ({@code redeemCode}, {@code pinCode}), as in its own spec. */
    private static final ProviderSpec SPEC = ProviderSpec.of(EzCardsSupplier.PROVIDER, JSON)
            .withMaskedFields("redeemCode", "pinCode");

    private final EzApi api;

    /** Targets {@code baseUrl} with {@code feign} plus EZ's authentication headers (the benchmark's fake credentials). */
    public EzPeer(String baseUrl, Feign.Builder feign) {
        this.api = feign.requestInterceptor(t -> t.header("x-api-key", "bench-api-key-1234567890")
                .header("Authorization", "Bearer bench-bearer-0987654321")).target(EzApi.class, baseUrl);
    }

    /** The codes of an order. */
    public OrderCodes codes(SupplierOrderId id) {
        return EzMapper.INSTANCE.codes(id, api.codes(id.value(), Map.of()).data());
    }

    /** An instant order of one code, its request mapped as the adapter maps it. */
    public SupplierOrder instantOrder(OrderReference reference, Sku sku) {
        OrderLine line = OrderLine.of(sku, 1);
        return EzCardsSupplier.readOrder(api.createInstantOrder(
                EzMapper.INSTANCE.instantOrder(OrderRequest.of(reference, line), line)).data(), JSON, SPEC).order();
    }

    /** Decodes and maps a codes answer (a 200 {@code response} the benchmark built in memory), as the adapter does. */
    @SuppressWarnings("unchecked")
    public static OrderCodes decodeCodes(Decoder decoder, SupplierOrderId id, Response response) throws IOException {
        EzDto.Envelope<List<EzDto.CodesProduct>> envelope =
                (EzDto.Envelope<List<EzDto.CodesProduct>>) decoder.decode(response, CODES);
        return EzMapper.INSTANCE.codes(id, envelope.data());
    }

    /** Decodes and maps an order answer (a 200 {@code response} the benchmark built in memory), as the adapter does. */
    @SuppressWarnings("unchecked")
    public static SupplierOrder decodeOrder(Decoder decoder, Response response) throws IOException {
        return EzCardsSupplier.readOrder(((EzDto.Envelope<JsonNode>) decoder.decode(response, ORDER)).data(), JSON, SPEC)
                .order();
    }

    private static Type returnType(String method, Class<?>... parameters) {
        try {
            return EzApi.class.getMethod(method, parameters).getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
