package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Feign set-up every adapter shares: the pooled client, one reused {@link ObjectMapper} for
 * encoding and decoding, timeouts, the masking logger, the problem decoder, and <b>no Feign
 * retries</b> (safe reads are retried by {@link CallGuard}; writes are never retried).
 */
public final class FeignSetup {

    private FeignSetup() {
    }

    /** A Feign builder over {@code http} with an adapter's shared {@code settings}; the adapter adds its target. */
    public static Feign.Builder builder(AdapterBuilder.Settings settings, AdapterBuilder.Http http, ObjectMapper mapper,
            MaskingLogger logger, ProblemDecoder problems) {
        return builder(http.client(), mapper, settings.connectTimeout(), settings.readTimeout(), logger,
                settings.logLevel(), problems)
                .decoder(decoder(mapper, settings.maxResponseBytes()));
    }

    /** The decoder every adapter reads answers with: {@code mapper}, refusing answers over {@code maxBytes}. */
    public static Decoder decoder(ObjectMapper mapper, int maxBytes) {
        return new BoundedDecoder(new JacksonDecoder(mapper), maxBytes);
    }

    /** A Feign builder configured as above; the adapter adds its interceptors and target. */
    public static Feign.Builder builder(
            SharedHttpClient client, ObjectMapper mapper, Duration connectTimeout, Duration readTimeout,
            MaskingLogger logger, HttpLogLevel level, ProblemDecoder problems) {
        return Feign.builder()
                .client(client.feignClient())
                .encoder(new JacksonEncoder(mapper))
                .decoder(new JacksonDecoder(mapper))
                .errorDecoder(problems)
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                        readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                .logger(logger)
                .logLevel(level.feignLevel());
    }
}
