package io.voucherport.adapter.promotions;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import feign.Feign;
import feign.Response;
import feign.codec.Decoder;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.ProviderSpec;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark access to the Elastic Path adapter's own Feign interfaces and mapper (standard
 * engine), over whatever Feign set-up the benchmark configures. Ships in the adapter's test jar
 * only; not part of the library.
 */
public final class ElasticPathPeer {

    private static final Type PAGE;

    static {
        try {
            PAGE = ElasticPathApi.class.getMethod("codes", String.class, String.class, Map.class).getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ElasticPathItems ITEMS = new ElasticPathItems(JsonSupport.newSnakeCaseMapper(),
            ProviderSpec.of(ElasticPathPromotions.PROVIDER, JsonSupport.newSnakeCaseMapper()));

    private final ElasticPathApi api;
    private final ElasticPathTokenApi tokens;
    private volatile String token;

    /** Targets {@code baseUrl} with {@code feign}, adding the bearer token (once fetched) as the adapter's request path does. */
    public ElasticPathPeer(String baseUrl, Feign.Builder feign) {
        Feign.Builder authorised = feign.requestInterceptor(t -> {
            String current = token;
            if (current != null) {
                t.header("Authorization", "Bearer " + current);
            }
        });
        this.api = authorised.target(ElasticPathApi.class, baseUrl);
        this.tokens = authorised.target(ElasticPathTokenApi.class, baseUrl);
    }

    /** Every code of a promotion, page by page ({@code pageSize} per page), with a token fetched once. */
    public List<PromotionCode> allCodes(PromotionId id, int pageSize) {
        if (token == null) {
            token = tokens.token("grant_type=client_credentials&client_id=bench-client&client_secret=bench-secret-42")
                    .accessToken();
        }
        List<PromotionCode> all = new ArrayList<>();
        ElasticPathOffset at = ElasticPathOffset.FIRST;
        while (true) {
            ElasticPathDto.PageOf<TokenBuffer> page = api.codes("promotions", id.value(), at.query(pageSize));
            List<PromotionCode> codes = readable(page, at.records());
            all.addAll(codes);
            var next = at.next(codes.size(), pageSize, page.meta());
            if (next.isEmpty()) {
                return all;
            }
            at = next.get();
        }
    }

    /** Decodes and maps a page already in memory ({@code response}, built by the benchmark), as the adapter does. */
    @SuppressWarnings("unchecked")   // PAGE is the Feign method's own return type: the decoder answers a PageOf<TokenBuffer>
    public static List<PromotionCode> decodePage(Decoder decoder, Response response) throws IOException {
        ElasticPathDto.PageOf<TokenBuffer> page = (ElasticPathDto.PageOf<TokenBuffer>) decoder.decode(response, PAGE);
        return readable(page, 0);
    }

    /** The page's codes, read item by item as the adapter reads them; an unreadable one fails the benchmark. */
    private static List<PromotionCode> readable(ElasticPathDto.PageOf<TokenBuffer> page, long offset) {
        ElasticPathItems.Read<ElasticPathCode> read = ITEMS.codesAsRead(page.data(), PromotionKind.STANDARD, "benchmark", offset);
        if (!read.unreadable().isEmpty()) {
            throw new IllegalStateException(read.unreadable().get(0).message());
        }
        return read.items().stream().map(ElasticPathCode::code).toList();
    }
}
