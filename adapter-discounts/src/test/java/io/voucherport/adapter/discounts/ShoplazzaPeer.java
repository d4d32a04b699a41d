package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.codec.Decoder;
import io.voucherport.benchmarks.CannedClient;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.PriceRuleId;
import java.io.IOException;
import java.time.ZoneOffset;

/**
 * Benchmark access to the Shoplazza adapter's own Feign interface and 2025-06 dialect, over
 * whatever Feign set-up the benchmark configures. Not part of the library.
 */
public final class ShoplazzaPeer {

    private final ShoplazzaApi api;
    private final ShoplazzaDialect dialect;

    /** Targets the store at {@code baseUrl} with {@code feign}; {@code json} is the adapter's own mapper set-up. */
    public ShoplazzaPeer(String baseUrl, Feign.Builder feign, ObjectMapper json) {
        this.api = feign.target(ShoplazzaApi.class, baseUrl + "/openapi/" + ShoplazzaVersion.V2025_06.path());
        this.dialect = dialect(json);
    }

    /** One discount code. */
    public DiscountCode code(PriceRuleId rule, DiscountCodeId id) {
        return dialect.oneCode(dialect.data(api.code("bench-access-token-5566", rule.value(), id.value())));
    }

    /** Decodes and maps code answers already in memory. */
    @FunctionalInterface
    public interface CodeDecoding {
        /** The code in {@code body}. */
        DiscountCode decode(byte[] body) throws IOException;
    }

    /** Code answers read as the adapter reads them, with {@code decoder} and a dialect made once over {@code json}. */
    public static CodeDecoding codeDecoding(Decoder decoder, ObjectMapper json) {
        ShoplazzaDialect dialect = dialect(json);
        return body -> dialect.oneCode(dialect.data((JsonNode) decoder.decode(CannedClient.ok(body), JsonNode.class)));
    }

    private static ShoplazzaDialect dialect(ObjectMapper json) {
        return ShoplazzaDialect.of(ShoplazzaVersion.V2025_06, json, ZoneOffset.UTC);
    }
}
