package io.voucherport.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import feign.Client;
import feign.Feign;
import feign.Retryer;
import feign.codec.Decoder;
import feign.hc5.ApacheHttp5Client;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaPeer;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.ez.EzPeer;
import io.voucherport.adapter.promotions.ElasticPathPeer;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.FeignSetup;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import java.net.http.HttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The clients the benchmarks compare, by name. */
public final class Clients {

    /** Voucherport's adapters, as a user builds them, sharing one pooled client. */
    public static final String ADAPTER = "adapter";
    /** Hand-written on {@code HttpURLConnection} with Jackson. */
    public static final String FLOOR_URL_CONNECTION = "floor-urlconnection";
    /** Hand-written on {@code java.net.http.HttpClient} with Jackson. */
    public static final String FLOOR_HTTP_CLIENT = "floor-httpclient";
    /** The adapters' Feign interfaces with Feign's defaults: default client, default Jackson decoder, default retryer. */
    public static final String FEIGN_DEFAULTS = "feign-defaults";
    /** Pre-rendered requests on raw sockets, answers not parsed: the stub's capacity. */
    public static final String RAW_SOCKET = "raw-socket";
    /**
     * The adapters' Feign set-up on {@code SharedHttpClient.feignClient()}: {@code PooledTransport},
     * Voucherport's own {@code feign.Client} over HttpClient 5's connection pool — the chosen transport.
     */
    public static final String TRANSPORT_POOLED = "transport-pooled";
    /**
     * The adapters' Feign set-up on feign-hc5's {@code ApacheHttp5Client} over an HttpClient 5 pool of
     * the same size (the adapters' transport before issue 17).
     */
    public static final String TRANSPORT_FEIGN_HC5 = "transport-feign-hc5";
    /** The adapters' Feign set-up on feign-java11 ({@code java.net.http.HttpClient}). */
    public static final String TRANSPORT_JAVA11 = "transport-java11";
    /** The adapters' Feign set-up on Feign's default client ({@code HttpURLConnection}). */
    public static final String TRANSPORT_URL_CONNECTION = "transport-urlconnection";

    /** The benchmark's fake credentials (the stub checks none). */
    static final String EZ_KEY = "bench-api-key-1234567890";

    private Clients() {
    }

    /** Opens {@code name} against the stub at {@code baseUrl}. */
    public static BenchClient open(String name, String baseUrl) {
        return switch (name) {
            case ADAPTER -> new AdapterClient(baseUrl);
            case FLOOR_URL_CONNECTION -> new FloorClient(JdkTransports.urlConnection(baseUrl));
            case FLOOR_HTTP_CLIENT -> new FloorClient(JdkTransports.httpClient(baseUrl));
            case FEIGN_DEFAULTS -> new PeerClient(baseUrl, () -> Feign.builder().encoder(new JacksonEncoder()), false,
                    null);
            case RAW_SOCKET -> new RawSocketClient(baseUrl);
            case TRANSPORT_POOLED -> {
                SharedHttpClient pool = SharedHttpClient.create();
                yield new PeerClient(baseUrl, () -> adapterLike(pool.feignClient()), true, pool);
            }
            case TRANSPORT_FEIGN_HC5 -> {
                // SharedHttpClient.create()'s sizes: the pool, at most half of it to one provider
                CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                        PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(SharedHttpClient.DEFAULT_MAX_CONNECTIONS)
                                .setMaxConnPerRoute(SharedHttpClient.DEFAULT_MAX_CONNECTIONS / 2).build())
                        .disableAutomaticRetries().disableRedirectHandling().build();
                Client client = new ApacheHttp5Client(http);
                yield new PeerClient(baseUrl, () -> adapterLike(client), true, http);
            }
            case TRANSPORT_JAVA11 -> {
                Client client = new Http2Client(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build());
                yield new PeerClient(baseUrl, () -> adapterLike(client), true, null);
            }
            case TRANSPORT_URL_CONNECTION -> new PeerClient(baseUrl, () -> adapterLike(new Client.Default(null, null)),
                    true, null);
            default -> throw new IllegalArgumentException("no client " + name);
        };
    }

    /** The adapters' Feign set-up over an in-memory client answering with the stub's bodies: no network. */
    static BenchClient canned() {
        Client client = new CannedClient();
        return new PeerClient("http://127.0.0.1:1", () -> adapterLike(client), true, null);
    }

    /** The adapters' decoder over {@code json}. */
    static Decoder adapterDecoder(ObjectMapper json) {
        return FeignSetup.decoder(json, AdapterBuilder.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** EZ's JSON set-up in the adapter. */
    static ObjectMapper ezJson() {
        return JsonSupport.newObjectMapper();
    }

    /** Elastic Path's and Shoplazza's JSON set-up in the adapters. */
    static ObjectMapper snakeJson() {
        return JsonSupport.newSnakeCaseMapper();
    }

    private static Feign.Builder adapterLike(Client client) {
        return Feign.builder().client(client).encoder(new JacksonEncoder(JsonSupport.newObjectMapper()))
                .retryer(Retryer.NEVER_RETRY);
    }

    /** The adapters, each built as its README shows, sharing one pooled client; rate limiters off (the stub has no limit). */
    static final class AdapterClient implements BenchClient {
        private final SharedHttpClient pool;
        private final EzCardsSupplier ez;
        private final ElasticPathPromotions elasticPath;
        private final ShoplazzaDiscounts shoplazza;
        private final OrderRequest instant = OrderRequest.of(OrderReference.of(Payloads.EZ_REFERENCE),
                OrderLine.of(Payloads.EZ_SKU, 1));

        AdapterClient(String baseUrl) {
            this(baseUrl, SharedHttpClient.create());
        }

        /** The adapters over {@code pool}, which {@link #close()} closes. */
        AdapterClient(String baseUrl, SharedHttpClient pool) {
            this.pool = pool;
            this.ez = EzCardsSupplier.builder().baseUrl(baseUrl).apiKey(Secret.of(EZ_KEY))
                    .bearerToken(Secret.of("bench-bearer-0987654321")).httpClient(pool).build();
            this.elasticPath = ElasticPathPromotions.builder().baseUrl(baseUrl).clientId(Secret.of("bench-client"))
                    .clientSecret(Secret.of("bench-secret-42")).pageSize(Payloads.EP_PAGE).requestsPerSecond(0)
                    .httpClient(pool).build();
            this.shoplazza = ShoplazzaDiscounts.builder().storeUrl(baseUrl).version(ShoplazzaVersion.V2025_06)
                    .tokens(AccessTokenProvider.fixed(Secret.of("bench-access-token-5566")))
                    .rateLimiter(new RateLimiter(Integer.MAX_VALUE, 1e12, System::nanoTime, Sleeper.THREAD))
                    .httpClient(pool).build();
        }

        @Override
        public Object call(Scenario scenario) {
            return switch (scenario) {
                case EZ_CODES -> ez.fetchCodes(SupplierOrderId.of(Payloads.EZ_TRANSACTION)).get();
                case EZ_INSTANT_ORDER -> ez.place(instant).get();
                case EP_ALL_CODES -> elasticPath.codes(PromotionId.of(Payloads.EP_PROMOTION)).toList().get();
                case SHOPLAZZA_CODE -> shoplazza.get(PriceRuleId.of(Payloads.SHOPLAZZA_RULE),
                        DiscountCodeId.of(Payloads.SHOPLAZZA_CODE)).get();
            };
        }

        @Override
        public void close() {
            ez.close();
            elasticPath.close();
            shoplazza.close();
            pool.close();
        }
    }

    /** The adapters' own Feign interfaces and mappers over a given Feign set-up. */
    static final class PeerClient implements BenchClient {
        private final EzPeer ez;
        private final ElasticPathPeer elasticPath;
        private final ShoplazzaPeer shoplazza;
        private final AutoCloseable owned;

        /**
         * @param adapterJson the adapters' JSON set-up and size-bounded decoder; otherwise Feign's
         *        {@code JacksonDecoder} over a default mapper (snake_case where the provider needs it)
         */
        PeerClient(String baseUrl, Supplier<Feign.Builder> feign, boolean adapterJson, AutoCloseable owned) {
            // Feign's own JacksonDecoder() mapper: a default one that ignores unknown fields
            ObjectMapper camel = adapterJson ? ezJson() : new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            ObjectMapper snake = adapterJson ? snakeJson() : new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            Function<ObjectMapper, Decoder> decoder = adapterJson ? Clients::adapterDecoder : JacksonDecoder::new;
            this.ez = new EzPeer(baseUrl, feign.get().decoder(decoder.apply(camel)));
            this.elasticPath = new ElasticPathPeer(baseUrl, feign.get().decoder(decoder.apply(snake)));
            this.shoplazza = new ShoplazzaPeer(baseUrl, feign.get().decoder(decoder.apply(ShoplazzaPeer.json(snake))));
            this.owned = owned;
        }

        @Override
        public Object call(Scenario scenario) {
            return switch (scenario) {
                case EZ_CODES -> ez.codes(SupplierOrderId.of(Payloads.EZ_TRANSACTION));
                case EZ_INSTANT_ORDER -> ez.instantOrder(OrderReference.of(Payloads.EZ_REFERENCE), Sku.of(Payloads.EZ_SKU));
                case EP_ALL_CODES -> elasticPath.allCodes(PromotionId.of(Payloads.EP_PROMOTION), Payloads.EP_PAGE);
                case SHOPLAZZA_CODE -> shoplazza.code(PriceRuleId.of(Payloads.SHOPLAZZA_RULE),
                        DiscountCodeId.of(Payloads.SHOPLAZZA_CODE));
            };
        }

        @Override
        public void close() {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every client name, in report order. */
    public static List<String> endToEnd() {
        return List.of(ADAPTER, FLOOR_URL_CONNECTION, FLOOR_HTTP_CLIENT, FEIGN_DEFAULTS, RAW_SOCKET);
    }
}
