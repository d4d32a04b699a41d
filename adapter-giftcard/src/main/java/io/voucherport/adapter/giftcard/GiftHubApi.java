package io.voucherport.adapter.giftcard;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * GiftHub's endpoints behind a token. The request path adds {@code Authorization: Bearer} with the
 * current token to every call; the token endpoint itself is {@link GiftHubTokenApi}.
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface GiftHubApi {

    /** Query: {@code pageToken}, {@code pageSize} (5–50), {@code parentId}. */
    @RequestLine("GET /shop/products")
    GiftHubDto.Envelope<GiftHubDto.ProductPage> products(@QueryMap Map<String, Object> query);

    @RequestLine("GET /shop/products/{productId}")
    GiftHubDto.Envelope<GiftHubDto.Product> product(@Param("productId") String productId);

    @RequestLine("GET /customer/info")
    GiftHubDto.Envelope<GiftHubDto.CustomerInfo> customerInfo();

    @RequestLine("POST /order/create")
    GiftHubDto.Envelope<GiftHubDto.CreatedOrder> createOrder(GiftHubDto.CreateOrderRequest request);

    @RequestLine("PUT /order/confirm")
    GiftHubDto.Envelope<GiftHubDto.Confirmed> confirmOrder(GiftHubDto.ConfirmRequest request);

    /** The order kept as JSON: read into {@link GiftHubDto.Order} and kept, masked, as the order's raw fields. */
    @RequestLine("GET /order/get?orderId={orderId}")
    GiftHubDto.Envelope<JsonNode> order(@Param("orderId") String orderId);
}
