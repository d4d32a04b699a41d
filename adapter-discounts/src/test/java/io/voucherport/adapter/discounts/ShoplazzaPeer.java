package io.voucherport.adapter.discounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Response;
import feign.codec.Decoder;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.PriceRuleId;
import java.io.IOException;
import java.time.ZoneOffset;

/**
 * Benchmark access to the Shoplazza adapter's own Feign interface and 2025-06 dialect, over
 * whatever Feign set-up the benchmark configures. Answers are {@code ShoplazzaDto.Answer}s, which
 * a decoder reads only over a mapper prepared by {@link #json}. Ships in the adapter's test jar
 * only; not part of the library.
 */
public final class ShoplazzaPeer {

    private static final ShoplazzaDialect DIALECT = ShoplazzaDialect.of(ShoplazzaVersion.V2025_06, ZoneOffset.UTC);

    private final ShoplazzaApi api;

    /**
     * Targets the store at {@code baseUrl} with {@code feign}, whose decoder must read over a
     * mapper from {@link #json}, plus the benchmark's access token.
     */
    public ShoplazzaPeer(String baseUrl, Feign.Builder feign) {
        this.api = feign.requestInterceptor(t -> t.header("Access-Token", "bench-access-token-5566"))
                .target(ShoplazzaApi.class, baseUrl + "/openapi/" + DIALECT.path());
    }

    /**
     * {@code base} (copied, not changed) reading Shoplazza's answers as 2025-06 records, as the
     * adapter's own JSON set-up does.
     */
    public static ObjectMapper json(ObjectMapper base) {
        return base.copy().registerModule(DIALECT.module());
    }

    /** One discount code. */
    public DiscountCode code(PriceRuleId rule, DiscountCodeId id) {
        return DIALECT.oneCode(api.code(rule.value(), id.value())).code();
    }

    /** Decodes and maps code answers already in memory. */
    @FunctionalInterface
    public interface CodeDecoding {
        /** The code in {@code answer} (a 200 holding the body, e.g. the benchmark's {@code CannedClient.ok(body)}). */
        DiscountCode decode(Response answer) throws IOException;
    }

    /** Code answers read as the adapter reads them, with {@code decoder} (over a mapper from {@link #json}). */
    public static CodeDecoding codeDecoding(Decoder decoder) {
        return answer -> DIALECT.oneCode((ShoplazzaDto.Answer) decoder.decode(answer, ShoplazzaDto.Answer.class)).code();
    }
}
