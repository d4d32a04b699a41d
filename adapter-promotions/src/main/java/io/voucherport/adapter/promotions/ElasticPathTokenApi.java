package io.voucherport.adapter.promotions;

import feign.Body;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** Elastic Path's token endpoint; called without a token, on its own client (a sibling of the promotions one). */
@Headers("Accept: application/json")
interface ElasticPathTokenApi {

    /** {@code form} is the already-encoded {@code application/x-www-form-urlencoded} body. */
    @RequestLine("POST /oauth/access_token")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    @Body("{form}")
    ElasticPathDto.Token token(@Param("form") String form);
}
