package io.voucherport.adapter.giftcard;

import feign.Headers;
import feign.RequestLine;
import feign.Response;

/**
 * GiftHub's token endpoint; called without a token, on its own client (a sibling of the supplier's)
 * that sends {@code client-id} and {@code client-secret} as secret headers. The JWT arrives in the
 * answer's {@code Authorization} header, so the answer is read raw (see {@link GiftHubTokens}).
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface GiftHubTokenApi {

    /** A token, asked for by GET. */
    @RequestLine("GET /auth/jwt")
    Response byGet();

    /** The same, for servers that want POST. */
    @RequestLine("POST /auth/jwt")
    Response byPost();
}
