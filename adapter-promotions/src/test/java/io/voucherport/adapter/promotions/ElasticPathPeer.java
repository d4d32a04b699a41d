package io.voucherport.adapter.promotions;

import feign.Feign;
import feign.codec.Decoder;
import io.voucherport.benchmarks.CannedClient;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark access to the Elastic Path adapter's own Feign interface and mapper (standard
 * engine), over whatever Feign set-up the benchmark configures. Not part of the library.
 */
public final class ElasticPathPeer {

    private static final Type PAGE;

    static {
        try {
            PAGE = ElasticPathApi.class.getMethod("codes", String.class, String.class, String.class, Map.class)
                    .getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ElasticPathApi api;
    private volatile String token;

    /** Targets {@code baseUrl} with {@code feign}. */
    public ElasticPathPeer(String baseUrl, Feign.Builder feign) {
        this.api = feign.target(ElasticPathApi.class, baseUrl);
    }

    /** Every code of a promotion, page by page ({@code pageSize} per page), with a token fetched once. */
    public List<PromotionCode> allCodes(PromotionId id, int pageSize) {
        if (token == null) {
            token = api.token("grant_type=client_credentials&client_id=bench-client&client_secret=bench-secret-42")
                    .accessToken();
        }
        List<PromotionCode> all = new ArrayList<>();
        long offset = 0;
        while (true) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("page[limit]", pageSize);
            query.put("page[offset]", offset);
            ElasticPathDto.PageOf<ElasticPathDto.Code> page = api.codes(token, "promotions", id.value(), query);
            List<PromotionCode> codes = ElasticPathMapper.INSTANCE.codes(page.data(), PromotionKind.STANDARD);
            all.addAll(codes);
            offset += codes.size();
            if (codes.isEmpty() || offset >= page.meta().results().total()) {
                return all;
            }
        }
    }

    /** Decodes and maps a page already in memory, as the adapter does. */
    @SuppressWarnings("unchecked")
    public static List<PromotionCode> decodePage(Decoder decoder, byte[] body) throws IOException {
        ElasticPathDto.PageOf<ElasticPathDto.Code> page =
                (ElasticPathDto.PageOf<ElasticPathDto.Code>) decoder.decode(CannedClient.ok(body), PAGE);
        return ElasticPathMapper.INSTANCE.codes(page.data(), PromotionKind.STANDARD);
    }
}
