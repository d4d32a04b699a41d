package io.voucherport.adapter.ez;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/**
 * The seven EZ Cards v2 endpoints; orders and products come as {@code JsonNode}s, read one item at
 * a time with their raw fields kept. No authentication headers: the request path
 * ({@code ProviderClient}) adds them.
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface EzApi {

    @RequestLine("POST /v2/orders/instant")
    EzDto.Envelope<JsonNode> createInstantOrder(EzDto.InstantOrderRequest request);

    @RequestLine("POST /v2/orders")
    EzDto.Envelope<JsonNode> createBulkOrder(EzDto.BulkOrderRequest request);

    /** Query: {@code limit}, {@code page}, {@code transactionId}, {@code clientOrderNumber}. */
    @RequestLine("GET /v2/orders")
    EzDto.Envelope<EzDto.PageOf<JsonNode>> orders(@QueryMap Map<String, Object> query);

    /** Query: {@code sku}, {@code stockIds}, {@code status}. */
    @RequestLine("GET /v2/orders/{transactionId}/codes")
    EzDto.Envelope<List<EzDto.CodesProduct>> codes(
            @Param("transactionId") String transactionId, @QueryMap Map<String, Object> query);

    /** Query: {@code limit}, {@code page}, {@code sku}. */
    @RequestLine("GET /v2/products")
    EzDto.Envelope<EzDto.PageOf<JsonNode>> products(@QueryMap Map<String, Object> query);

    /** Query: {@code currency}. */
    @RequestLine("GET /v2/balances")
    EzDto.Envelope<List<EzDto.Balance>> balances(@QueryMap Map<String, Object> query);

    /** Query: {@code pairs} or {@code base}/{@code quote}. */
    @RequestLine("GET /v2/exchange-rates")
    EzDto.Envelope<EzDto.Rates> exchangeRates(@QueryMap Map<String, Object> query);
}
