package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import java.util.concurrent.TimeUnit;

/**
 * The Feign set-up every adapter shares: the pooled client ({@link SharedHttpClient}: no redirects,
 * no decompression, each exchange bounded by the call's {@link Deadline}), one reused
 * {@link ObjectMapper} for encoding and decoding ({@link JsonDecoder}, size-bounded), connect and
 * read timeouts, the masking logger, the problem decoder, and <b>no Feign retries</b> (safe reads
 * are retried by {@link CallGuard}; writes are never retried).
 */
public final class FeignSetup {

    private FeignSetup() {
    }

    /**
     * {@return a Feign builder over {@code http} with an adapter's shared {@code settings}; the adapter adds its interceptors and target}
     *
     * @param settings the adapter's settings (timeouts, answer size limit, log level), not null
     * @param http the pooled HTTP client the requests go through, not null
     * @param mapper the adapter's JSON mapper (see {@link JsonSupport}), encoding requests and
     *     decoding answers, not null
     * @param logger the masking logger of this provider's calls, not null
     * @param problems decodes error answers into {@link ProviderProblemException}s for the error
     *     classifier, not null
     */
    public static Feign.Builder builder(AdapterBuilder.Settings settings, AdapterBuilder.Http http, ObjectMapper mapper,
            MaskingLogger logger, ProblemDecoder problems) {
        return Feign.builder()
                .client(http.client().feignClient())
                .encoder(new JacksonEncoder(mapper))
                .decoder(decoder(mapper, settings.maxResponseBytes()))
                .errorDecoder(problems)
                .retryer(Retryer.NEVER_RETRY)
                .options(new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
                .logger(logger)
                .logLevel(settings.logLevel().feignLevel());
    }

    /**
     * {@return the decoder every adapter reads answers with: {@code mapper}, refusing answers over {@code maxBytes}}
     *
     * @param mapper the adapter's JSON mapper, not null
     * @param maxBytes the largest answer body read, at least 1; a longer one is refused
     *     ({@code UnexpectedResponse}, or {@code OutcomeUnknown} for a write) instead of filling
     *     memory
     */
    public static Decoder decoder(ObjectMapper mapper, int maxBytes) {
        return new JsonDecoder(mapper, maxBytes);
    }
}
