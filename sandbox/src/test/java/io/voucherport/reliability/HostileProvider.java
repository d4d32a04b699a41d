package io.voucherport.reliability;

import io.vavr.control.Either;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaOAuth;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.domain.RefreshTokenStore;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.SupplierOrderId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * One adapter as the hostile-provider matrix drives it, through its public builder against a
 * {@link HostileServer}: a read whose answer holds a masked field ({@link Opened#codes}), a read
 * whose answer holds a number the adapter computes with ({@link Opened#numbers}), the answers'
 * shapes, and its token endpoint, if it has one.
 */
enum HostileProvider {
    EZ(null) {
        @Override
        Opened open(String url, HttpLogLevel level) {
            EzCardsSupplier s = settings(EzCardsSupplier.builder(), level).baseUrl(url).apiKey(Secret.of(EZ_KEY))
                    .bearerToken(Secret.of(EZ_TOKEN)).build();
            return new Opened(() -> s.fetchCodes(SupplierOrderId.of("ez-hostile-1")), s::balances, List.of(s));
        }

        @Override
        String codes(String masked) {
            return "{\"requestId\":\"r-1\",\"data\":[{\"sku\":\"AMZ-US-25\",\"quantity\":1,\"codes\":[{\"stockId\":\"1\","
                    + "\"status\":\"COMPLETED\",\"pinCode\":\"" + PIN + "\",\"redeemCode\":\"" + masked + "\"}]}]}";
        }

        @Override
        String malformed() {
            return "{\"requestId\":\"r-1\",\"data\":[{\"sku\":\"AMZ-US-25\",\"codes\":[{\"redeemCode\":" + UNQUOTED
                    + ",\"pinCode\":" + PIN + ",";
        }

        @Override
        String numbers(String number) {
            return "{\"requestId\":\"r-1\",\"data\":[{\"balance\":" + number + ",\"currency\":\"USD\"}]}";
        }

        @Override
        String prefix() {
            return "{\"requestId\":\"r-1\",\"data\":";
        }
    },

    GIFTHUB("/auth/jwt") {
        @Override
        Opened open(String url, HttpLogLevel level) {
            GiftHubSupplier s = settings(GiftHubSupplier.builder(), level).baseUrl(url).clientId(Secret.of(GH_CLIENT_ID))
                    .clientSecret(Secret.of(GH_CLIENT_SECRET)).references(OrderReferenceStore.inMemory()).build();
            return new Opened(() -> s.fetchCodes(SupplierOrderId.of("gh-hostile-1")), s::balances, List.of(s));
        }

        @Override
        HostileServer.Answer token() {
            return HostileServer.json(200, "{\"message\":\"Token generated\"}", "Authorization: Bearer " + GH_JWT);
        }

        @Override
        String codes(String masked) {
            return "{\"message\":\"ok\",\"data\":{\"uid\":\"gh-hostile-1\",\"id\":\"gh-hostile-1\",\"state\":\"completed\","
                    + "\"products\":{\"STEAM-EU-20\":{\"sku\":\"STEAM-EU-20\",\"request\":{\"quote\":20,\"quantity\":1}}},"
                    + "\"redeem\":{\"STEAM-EU-20\":{\"currency\":\"EUR\",\"value\":20,\"cards\":[{\"redeemPin\":\"" + PIN
                    + "\",\"redeemSerialNumber\":\"" + SERIAL + "\",\"redeemLink\":\"" + LINK + "\",\"redeemCardCode\":\""
                    + masked + "\"}]}}}}";
        }

        @Override
        String malformed() {
            return "{\"message\":\"ok\",\"data\":{\"uid\":\"gh-hostile-1\",\"redeem\":{\"STEAM-EU-20\":{\"cards\":"
                    + "[{\"redeemCardCode\":" + UNQUOTED + ",\"redeemPin\":" + PIN + ",";
        }

        @Override
        String numbers(String number) {
            return "{\"message\":\"ok\",\"data\":{\"wallets\":{\"EUR\":{\"balance\":" + number
                    + ",\"frozenBalance\":0,\"creditBalance\":0}},\"retailCurrency\":\"EUR\",\"exchangeRates\":[]}}";
        }

        @Override
        String prefix() {
            return "{\"message\":\"ok\",\"data\":";
        }
    },

    ELASTIC_PATH("/oauth/access_token") {
        @Override
        Opened open(String url, HttpLogLevel level) {
            ElasticPathPromotions p = settings(ElasticPathPromotions.builder(), level).baseUrl(url)
                    .clientId(Secret.of(EP_CLIENT_ID)).clientSecret(Secret.of(EP_CLIENT_SECRET)).requestsPerSecond(0).build();
            PromotionId summer = PromotionId.of("std-summer");
            return new Opened(() -> p.exportFile(summer, JobId.of("job-hostile-1")), () -> p.codes(summer).toList(),
                    List.of(p));
        }

        @Override
        HostileServer.Answer token() {
            return HostileServer.json(200, "{\"access_token\":\"" + EP_TOKEN + "\",\"token_type\":\"Bearer\",\"expires\":"
                    + Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + ",\"expires_in\":3600}");
        }

        @Override
        String codes(String masked) {
            return "{\"data\":{\"href\":\"" + masked + "\"}}";
        }

        @Override
        String malformed() {
            return "{\"data\":{\"href\":" + UNQUOTED + ",";
        }

        @Override
        String numbers(String number) {
            return "{\"data\":[{\"id\":\"c-1\",\"code\":\"HOSTILE-1\",\"uses\":" + number + ",\"max_uses\":" + number
                    + "}],\"meta\":{\"page\":{\"current\":1,\"limit\":25,\"offset\":0,\"total\":1},\"results\":{\"total\":"
                    + number + "}}}";
        }

        @Override
        String prefix() {
            return "{\"data\":";
        }
    },

    SHOPLAZZA("/admin/oauth/token") {
        @Override
        Opened open(String url, HttpLogLevel level) {
            ShoplazzaOAuth oauth = settings(ShoplazzaOAuth.builder(), level).storeUrl(url)
                    .clientId(Secret.of(SLZ_CLIENT_ID)).clientSecret(Secret.of(SLZ_CLIENT_SECRET))
                    .refreshTokens(RefreshTokenStore.inMemory(Secret.of(SLZ_REFRESH))).build();
            ShoplazzaDiscounts s = settings(ShoplazzaDiscounts.builder(), level).storeUrl(url)
                    .version(ShoplazzaVersion.V2025_06).tokens(oauth).build();
            return new Opened(() -> s.lookup("HOSTILE5"), () -> s.get(PriceRuleId.of("rule-hostile-1")), List.of(s, oauth));
        }

        @Override
        HostileServer.Answer token() {
            return HostileServer.json(200, "{\"access_token\":\"" + SLZ_TOKEN + "\",\"token_type\":\"Bearer\","
                    + "\"refresh_token\":\"" + SLZ_ROTATED + "\",\"expires_in\":3600}");
        }

        @Override
        String codes(String masked) {
            return "{\"code\":\"200\",\"message\":\"ok\",\"data\":{\"discount_code\":{\"id\":\"code-1\","
                    + "\"price_rule_id\":\"rule-hostile-1\",\"code\":\"HOSTILE5\",\"created_at\":\"2025-01-01T00:00:00Z\","
                    + "\"updated_at\":\"2025-01-01T00:00:00Z\",\"usage_count\":0},\"access_token\":\"" + masked + "\"}}";
        }

        @Override
        String malformed() {
            return "{\"code\":\"200\",\"message\":\"ok\",\"data\":{\"access_token\":" + UNQUOTED + ",";
        }

        @Override
        String numbers(String number) {
            return "{\"code\":\"200\",\"message\":\"ok\",\"data\":{\"price_rule\":{\"id\":\"rule-hostile-1\","
                    + "\"title\":\"Hostile\",\"value_type\":\"percentage\",\"value\":" + number + ",\"usage_limit\":"
                    + number + ",\"starts_at\":\"2025-01-01T00:00:00Z\"}}}";
        }

        @Override
        String prefix() {
            return "{\"code\":\"200\",\"message\":\"ok\",\"data\":";
        }
    };

    /** The whole call's budget given to every adapter (the per-call deadline). */
    static final Duration DEADLINE = Duration.ofSeconds(1);
    /** Two attempts for safe reads, as in the fault matrix; the deadline bounds them together. */
    static final RetryPolicy RETRIES = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));
    static final String EZ_KEY = "hostile-ez-key-4b1d8e2f9a";
    static final String EZ_TOKEN = "hostile-ez-bearer-7c3e5a1f0d";
    static final String GH_CLIENT_ID = "hostile-gh-client-93f1";
    static final String GH_CLIENT_SECRET = "hostile-gh-secret-5d7e2c8b1a";
    static final String GH_JWT = jwt();
    static final String EP_CLIENT_ID = "hostile-ep-client-61c0";
    static final String EP_CLIENT_SECRET = "hostile-ep-secret-2f9a7d3e4b";
    static final String EP_TOKEN = "hostile-ep-access-8e1b6c4d2a";
    static final String SLZ_CLIENT_ID = "hostile-slz-client-0a7f";
    static final String SLZ_CLIENT_SECRET = "hostile-slz-secret-3c5e9b1d7f";
    static final String SLZ_REFRESH = "hostile-slz-refresh-1-6d2f8a";
    static final String SLZ_ROTATED = "hostile-slz-refresh-2-9b4e1c";
    static final String SLZ_TOKEN = "hostile-slz-access-5a3c7e9f1b";
    static final String REDEEM = "HOSTILEREDEEM7Q4X9Z2K";
    static final String PIN = "918273645546";
    static final String SERIAL = "HOSTILESERIAL3N8V1M";
    static final String LINK = "https://cdn.example.com/redeem/HOSTILELINK5R2T8Y";
    static final String UNQUOTED = "UNQUOTEDSECRET4J6H2W";
    /** The 10 MB masked value is this, repeated: any slice of it longer than 127 characters contains it. */
    static final String HUGE_UNIT = "HUGE" + "Zq8rT2vX6nB4mK9pL3wY7cF5hJ1dG0sA".repeat(2).substring(0, 60);

    /** Every secret the adapters are configured with, are issued or are answered. */
    static final List<String> SECRETS = List.of(EZ_KEY, EZ_TOKEN, GH_CLIENT_ID, GH_CLIENT_SECRET, GH_JWT,
            EP_CLIENT_ID, EP_CLIENT_SECRET, EP_TOKEN, SLZ_CLIENT_ID, SLZ_CLIENT_SECRET, SLZ_REFRESH, SLZ_ROTATED,
            SLZ_TOKEN, REDEEM, PIN, SERIAL, LINK, UNQUOTED, HUGE_UNIT);

    /** The token endpoint's path, or null when the adapter has none. */
    final String tokenPath;

    HostileProvider(String tokenPath) {
        this.tokenPath = tokenPath;
    }

    /** The adapter at {@code level} against {@code url}, with the matrix's settings. */
    abstract Opened open(String url, HttpLogLevel level);

    /** A good answer of the token endpoint. */
    HostileServer.Answer token() {
        throw new UnsupportedOperationException(name() + " has no token endpoint");
    }

    /** A well-formed answer of the codes read, {@code masked} in a field the adapter masks. */
    abstract String codes(String masked);

    /** The codes answer cut short, with a secret unquoted in a masked field. */
    abstract String malformed();

    /** A well-formed answer of the numbers read, with {@code number} (JSON text) in its numbers. */
    abstract String numbers(String number);

    /** The start of every answer, up to its data. */
    abstract String prefix();

    /** The masked value of {@link #codes} in a normal answer. */
    String maskedValue() {
        return this == ELASTIC_PATH ? LINK : REDEEM;
    }

    /**
     * The adapter, opened.
     *
     * @param codes the read whose answer holds a masked field
     * @param numbers the read whose answer holds numbers
     * @param closing what to close afterwards
     */
    record Opened(Supplier<Either<ProviderFailure, ?>> codes, Supplier<Either<ProviderFailure, ?>> numbers,
            List<AutoCloseable> closing) implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable c : closing) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing test adapters
                }
            }
        }
    }

    /** The matrix's settings: the per-call deadline (connect and read timeouts as long), two attempts, {@code level}. */
    static <B extends AdapterBuilder<B>> B settings(B builder, HttpLogLevel level) {
        return builder.callTimeout(DEADLINE).connectTimeout(DEADLINE).readTimeout(DEADLINE).retryPolicy(RETRIES)
                .logLevel(level);
    }

    /** A JWT that expires in a day (the adapters read its {@code exp}). */
    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"sub\":\"hostile\",\"exp\":" + Instant.now().plus(Duration.ofDays(1)).getEpochSecond() + "}";
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJlLWhvc3RpbGU";
    }

    /** Every provider with a token endpoint. */
    static List<HostileProvider> withTokens() {
        List<HostileProvider> all = new ArrayList<>();
        for (HostileProvider p : values()) {
            if (p.tokenPath != null) {
                all.add(p);
            }
        }
        return all;
    }
}
