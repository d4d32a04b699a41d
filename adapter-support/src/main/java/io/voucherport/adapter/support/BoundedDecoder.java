package io.voucherport.adapter.support;

import feign.Response;
import feign.codec.Decoder;
import io.voucherport.domain.Require;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * A decoder that refuses answers larger than a limit before parsing them, so a provider (or a
 * proxy) sending a runaway body cannot exhaust the heap: the call fails as an unexpected response
 * (or, after a call that changes something, as outcome unknown).
 */
public final class BoundedDecoder implements Decoder {

    private final Decoder inner;
    private final int maxBytes;

    /** Decodes with {@code inner} answers of at most {@code maxBytes}. */
    public BoundedDecoder(Decoder inner, int maxBytes) {
        this.inner = Require.present(inner, "decoder");
        this.maxBytes = Require.positive(maxBytes, "max bytes");
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null) {
            return inner.decode(response, type);
        }
        Integer length = response.body().length();
        if (length != null && length > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = response.body().asInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return inner.decode(response.toBuilder().body(bytes).build(), type);
    }

    private MalformedAnswerException tooLarge() {
        return new MalformedAnswerException("the answer is larger than the limit of " + maxBytes + " bytes");
    }
}
