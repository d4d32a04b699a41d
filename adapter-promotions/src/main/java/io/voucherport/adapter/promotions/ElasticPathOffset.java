package io.voucherport.adapter.promotions;

import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a listing stands: the offset, in records, of the next page ({@code page[offset]},
 * zero-based). Elastic Path's own paging cursor; the domain never sees it.
 *
 * <p>The stop rules: a listing ends on an empty page, or when the offset reaches
 * {@code meta.results.total} (without a total: on a short page); {@code links.next} is never
 * followed (published examples contradict the docs). Offsets above {@link #MAX} are refused by
 * Elastic Path: the adapter ends such a listing with an explicit failure.
 *
 * @param records how many records come before the page
 */
record ElasticPathOffset(long records) {

    /** Largest offset Elastic Path serves. */
    static final int MAX = 10_000;

    /** The first page. */
    static final ElasticPathOffset FIRST = new ElasticPathOffset(0);

    /** Validates. */
    ElasticPathOffset {
        if (records < 0) {
            throw new IllegalArgumentException("offset must not be negative but was " + records);
        }
    }

    /** Whether Elastic Path refuses this offset (above {@link #MAX}). */
    boolean beyondCap() {
        return records > MAX;
    }

    /** {@code page[limit]} and {@code page[offset]} for a page of {@code limit} records from here. */
    Map<String, Object> query(int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page[limit]", limit);
        query.put("page[offset]", records);
        return query;
    }

    /**
     * Where the next page starts after {@code received} records of a page of {@code limit}; none
     * when the page was empty or the offset reached the total.
     */
    Option<ElasticPathOffset> next(int received, int limit, ElasticPathDto.Meta meta) {
        if (received == 0) {
            return Option.none();
        }
        long reached = records + received;
        Long total = meta == null || meta.results() == null ? null : meta.results().total();
        boolean more = total != null ? reached < total : received >= limit;
        return more ? Option.some(new ElasticPathOffset(reached)) : Option.none();
    }
}
