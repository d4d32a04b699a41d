package io.voucherport.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * What the one request path ({@link ProviderClient}) needs to know about a provider, and nothing
 * more: its name, how its error answers read and what they mean (the adapter's error classifier),
 * what to mask in logs, how calls are authorised and how fast they may go. Immutable; each
 * {@code with…} returns a changed copy.
 *
 * @param name the provider's name in failures and logs
 * @param json how its JSON is read and written
 * @param classifier decides which {@code ProviderFailure} each error answer or I/O failure is
 * @param errorBody reads the provider's error body
 * @param requestIdHeaders headers that may carry the provider's request id
 * @param maskedFields the provider's own sensitive JSON fields, beyond {@link Masker#COMMON_FIELDS}
 * @param maskedValues secret values masked wherever they appear in a log line (a static token, a
 *     client id)
 * @param staticHeaders headers sent on every call whose values are secrets (e.g. an API key)
 * @param tokens where access tokens come from; none for calls without one
 * @param scheme how a token travels
 * @param rejected which failures mean "this token is no longer accepted" (then it is replaced once)
 * @param limiter the client-side rate limiter; none for no limit
 * @param secretSubtrees names (ignoring case, {@code _} and {@code -}; a leading or trailing {@code *}
 *     matches any start or end) of fields whose every scalar below is masked in {@link RawFields}:
 *     a supplier's code containers, whatever names their codes arrive under
 * @param secretEntries per container field name, the only fields each entry of it keeps in
 *     {@link RawFields}; every other field of an entry, and an entry that is no object, is masked
 */
public record ProviderSpec(String name, ObjectMapper json, ErrorClassifier classifier,
        ProblemDecoder.BodyParser errorBody, List<String> requestIdHeaders, List<String> maskedFields,
        List<Secret> maskedValues, Map<String, Secret> staticHeaders, Option<TokenSource> tokens, AuthScheme scheme,
        Predicate<ProviderFailure> rejected, Option<RateLimiter> limiter, List<String> secretSubtrees,
        Map<String, List<String>> secretEntries) {

    /**
     * Validates and copies.
     *
     * @param name the provider's name in failures and logs
     * @param json how its JSON is read and written
     * @param classifier decides which {@code ProviderFailure} each error answer or I/O failure is
     * @param errorBody reads the provider's error body
     * @param requestIdHeaders headers that may carry the provider's request id
     * @param maskedFields the provider's own sensitive JSON fields, beyond
     *     {@link Masker#COMMON_FIELDS}
     * @param maskedValues secret values masked wherever they appear in a log line (a static token,
     *     a client id)
     * @param staticHeaders headers sent on every call whose values are secrets (e.g. an API key)
     * @param tokens where access tokens come from; none for calls without one
     * @param scheme how a token travels
     * @param rejected which failures mean "this token is no longer accepted" (then it is replaced
     *     once)
     * @param limiter the client-side rate limiter; none for no limit
     * @param secretSubtrees names (ignoring case, {@code _} and {@code -}; a leading or trailing
     *     {@code *} matches any start or end) of fields whose every scalar below is masked in
     *     {@link RawFields}: a supplier's code containers, whatever names their codes arrive under
     * @param secretEntries per container field name, the only fields each entry of it keeps in
     *     {@link RawFields}; every other field of an entry, and an entry that is no object, is
     *     masked
     */
    public ProviderSpec {
        Require.text(name, "provider name");
        Require.present(json, "json");
        Require.present(classifier, "error classifier");
        Require.present(errorBody, "error body parser");
        requestIdHeaders = List.copyOf(requestIdHeaders);
        maskedFields = List.copyOf(maskedFields);
        maskedValues = List.copyOf(maskedValues);
        staticHeaders = Map.copyOf(staticHeaders);
        staticHeaders.keySet().forEach(h -> new AuthScheme.Header(h, ""));   // refuses a header logs would not mask
        Require.present(tokens, "tokens");
        Require.present(scheme, "scheme");
        Require.present(rejected, "rejected");
        Require.present(limiter, "limiter");
        secretSubtrees = List.copyOf(secretSubtrees);
        Map<String, List<String>> entries = new LinkedHashMap<>();
        secretEntries.forEach((container, kept) -> entries.put(container, List.copyOf(kept)));
        secretEntries = Map.copyOf(entries);
    }

    /**
     * {@return a provider with the standard classification, no error body parser, no masking beyond the
     * common fields, no authorisation and no rate limit}
     *
     * @param name the provider's name in failures and logs
     * @param json how its JSON is read and written
     */
    public static ProviderSpec of(String name, ObjectMapper json) {
        return new ProviderSpec(name, json, ErrorClassifier.standard(name), body -> ProblemDecoder.ParsedBody.EMPTY,
                List.of(), List.of(), List.of(), Map.of(), Option.none(), AuthScheme.bearer(),
                f -> f instanceof ProviderFailure.AccessDenied, Option.none(), List.of(), Map.of());
    }

    /**
     * With the adapter's error classifier and error body parser, request ids also read from {@code requestIdHeaders}.
     *
     * @param errors the adapter's error classifier, deciding which failure each error answer is;
     *     not null
     * @param body reads the provider's error body shape (message, reasons, request id), not null
     * @param requestIdHeaders headers that may carry the provider's request id
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withErrors(ErrorClassifier errors, ProblemDecoder.BodyParser body, String... requestIdHeaders) {
        return new ProviderSpec(name, json, errors, body, List.of(requestIdHeaders), maskedFields, maskedValues,
                staticHeaders, tokens, scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Also masking the provider's own sensitive JSON fields (codes, PINs, links).
     *
     * @param fields the names of JSON fields whose values are masked in logs, e.g. {@code "pin"};
     *     matched by name anywhere in a body
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withMaskedFields(String... fields) {
        List<String> all = new ArrayList<>(maskedFields);
        all.addAll(List.of(fields));
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, all, maskedValues, staticHeaders,
                tokens, scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Also masking {@code secrets}' values wherever they appear in a log line (a static token, a client id).
     *
     * @param secrets the values to mask wherever they appear in a log line, each not null
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withMaskedValues(Secret... secrets) {
        List<Secret> all = new ArrayList<>(maskedValues);
        for (Secret secret : secrets) {
            all.add(Require.present(secret, "secret"));
        }
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, all, staticHeaders,
                tokens, scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Also sending header {@code name} with {@code value} on every call (masked in logs).
     *
     * @param header the header's name, one of {@link Masker#COMMON_HEADERS} (e.g.
     *     {@code x-api-key}) so that every log masks it
     * @param value the header's value, not null; masked in logs
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withStaticHeader(String header, Secret value) {
        Map<String, Secret> all = new LinkedHashMap<>(staticHeaders);
        all.put(header, Require.present(value, header));
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues, all,
                tokens, scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Authorising every call with a token from {@code source}, sent as {@code how}; after a failure
     * {@code rejected} accepts, the token is replaced once and the call made once more.
     *
     * @param source where the current token comes from and how a rejected one is replaced, not null
     * @param how how the token travels (a bearer header or a named header), not null
     * @param rejectedWhen which failures mean the token was refused, not null; keep it narrow,
     *     since each match costs a token renewal and one more attempt
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withTokens(TokenSource source, AuthScheme how, Predicate<ProviderFailure> rejectedWhen) {
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues, staticHeaders,
                Option.some(Require.present(source, "token source")), how, rejectedWhen, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Also masking, in {@link RawFields}, every scalar below a field named one of {@code names} (a
     * leading or trailing {@code *} matches any start or end, e.g. {@code "redeem*"}): a supplier's
     * code containers, so that a code arriving under any name inside them is never kept. The
     * structure (field names, array lengths) stays readable.
     *
     * @param names field names to mask below (ignoring case, {@code _} and {@code -}), each not
     *     blank
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withSecretSubtrees(String... names) {
        List<String> all = new ArrayList<>(secretSubtrees);
        for (String name : names) {
            all.add(Require.text(name, "secret subtree name"));
        }
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues,
                staticHeaders, tokens, scheme, rejected, limiter, all, secretEntries);
    }

    /**
     * Also masking, in {@link RawFields}, each entry of a field named {@code container} (each value
     * of that object, e.g. the redeem data of each SKU) down to the allowed fields {@code kept}:
     * every other field of an entry is masked whole, an entry that is no object is masked, a
     * container that is no object is masked. An allow-list: a code under a name nobody foresaw is
     * masked too.
     *
     * @param container the name of the object field whose entries hold codes, not blank
     * @param kept the only fields each entry keeps readable, e.g. {@code "sku"}; every other field
     *     is masked
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withSecretEntries(String container, String... kept) {
        Map<String, List<String>> all = new LinkedHashMap<>(secretEntries);
        all.put(Require.text(container, "container"), List.of(kept));
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues,
                staticHeaders, tokens, scheme, rejected, limiter, secretSubtrees, all);
    }

    /**
     * Taking a permit from {@code rateLimiter} before every request sent.
     *
     * @param rateLimiter the limiter to take a permit from, not null; share one per provider
     *     account across adapters and instances
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withLimiter(RateLimiter rateLimiter) {
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues,
                staticHeaders, tokens, scheme, rejected, Option.some(Require.present(rateLimiter, "rate limiter")), secretSubtrees, secretEntries);
    }

    /**
     * Without authorisation (e.g. for the provider's token endpoint).
     *
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec withoutTokens() {
        return new ProviderSpec(name, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues, Map.of(),
                Option.none(), scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * Under another name in failures and logs (e.g. {@code "gifthub.token"}).
     *
     * @param other the new name, not blank; in failures, logs and the listener's events, so never a
     *     secret
     * @return a copy of this spec with the change (specs are immutable)
     */
    public ProviderSpec named(String other) {
        return new ProviderSpec(other, json, classifier, errorBody, requestIdHeaders, maskedFields, maskedValues,
                staticHeaders, tokens, scheme, rejected, limiter, secretSubtrees, secretEntries);
    }

    /**
     * The masker for this provider's logs: common and own fields, common and static headers by name,
     * the static headers' and masked values wherever they appear.
     */
    Masker masker() {
        int slot = System.identityHashCode(this) & (MASKERS.length() - 1);
        CachedMasker cached = MASKERS.get(slot);
        if (cached != null && cached.spec().get() == this) {
            return cached.masker();
        }
        Masker built = buildMasker();
        MASKERS.set(slot, new CachedMasker(new WeakReference<>(this), built));
        return built;
    }

    /**
     * The maskers of recently used specs, by identity: an adapter masks every item of every answer
     * it keeps raw fields of ({@link RawFields#of(com.fasterxml.jackson.databind.JsonNode, ProviderSpec)}),
     * and building a masker per item cost more than reading the item.
     */
    private static final AtomicReferenceArray<CachedMasker> MASKERS = new AtomicReferenceArray<>(64);

    /** A spec (weakly held) and its masker. */
    private record CachedMasker(WeakReference<ProviderSpec> spec, Masker masker) {
    }

    private Masker buildMasker() {
        List<String> values = new ArrayList<>();
        staticHeaders.values().forEach(v -> values.add(v.reveal()));
        maskedValues.forEach(v -> values.add(v.reveal()));
        List<String> wholeInLogs = new ArrayList<>(secretSubtrees);
        wholeInLogs.addAll(secretEntries.keySet());   // a container's allowed fields are for raw access; logs mask it whole
        return Masker.of(maskedFields, values).withHeaders(staticHeaders.keySet()).withFieldPatterns(wholeInLogs);
    }

    @Override
    public String toString() {
        return "ProviderSpec[" + name + "]";
    }
}
