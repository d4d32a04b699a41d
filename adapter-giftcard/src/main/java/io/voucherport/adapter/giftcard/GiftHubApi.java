package io.voucherport.adapter.giftcard;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import feign.Response;
import java.util.Map;

/**
 * GiftHub's endpoints. Every call but the token request carries {@code Authorization: Bearer}
 * with the token the caller passes, so a call always knows which token it used.
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface GiftHubApi {

    /** The JWT arrives in the answer's {@code Authorization} header; the status is checked by the caller. */
    @RequestLine("GET /auth/jwt")
    @Headers({"client-id: {clientId}", "client-secret: {clientSecret}"})
    Response tokenByGet(@Param("clientId") String clientId, @Param("clientSecret") String clientSecret);

    /** The same as {@link #tokenByGet} for servers that want POST. */
    @RequestLine("POST /auth/jwt")
    @Headers({"client-id: {clientId}", "client-secret: {clientSecret}"})
    Response tokenByPost(@Param("clientId") String clientId, @Param("clientSecret") String clientSecret);

    /** Query: {@code pageToken}, {@code pageSize} (5–50), {@code parentId}. */
    @RequestLine("GET /shop/products")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.ProductPage> products(
            @Param("token") String token, @QueryMap Map<String, Object> query);

    @RequestLine("GET /shop/products/{productId}")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.Product> product(@Param("token") String token, @Param("productId") String productId);

    @RequestLine("GET /customer/info")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.CustomerInfo> customerInfo(@Param("token") String token);

    @RequestLine("POST /order/create")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.CreatedOrder> createOrder(
            @Param("token") String token, GiftHubDto.CreateOrderRequest request);

    @RequestLine("PUT /order/confirm")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.Confirmed> confirmOrder(
            @Param("token") String token, GiftHubDto.ConfirmRequest request);

    @RequestLine("GET /order/get?orderId={orderId}")
    @Headers("Authorization: Bearer {token}")
    GiftHubDto.Envelope<GiftHubDto.Order> order(@Param("token") String token, @Param("orderId") String orderId);
}
