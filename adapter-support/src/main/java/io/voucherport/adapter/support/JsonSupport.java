package io.voucherport.adapter.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON set-up every adapter uses: tolerant of what providers send, exact with numbers. */
public final class JsonSupport {

    private JsonSupport() {
    }

    /**
     * A new mapper that ignores unknown fields, reads every JSON number with a fraction as a
     * {@code BigDecimal} (never a {@code double}), accepts numbers as strings and strings as
     * numbers, reads a single value where a list is expected, omits absent fields when writing,
     * and never copies source text into its error messages (a malformed body may hold a secret).
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /** {@link #newObjectMapper()} reading and writing {@code snake_case} names (Elastic Path, Shoplazza). */
    public static ObjectMapper newSnakeCaseMapper() {
        return newObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
}
