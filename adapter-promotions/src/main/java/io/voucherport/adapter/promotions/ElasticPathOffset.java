package io.voucherport.adapter.promotions;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Most pages one page plans ahead; the page ending a plan plans again. */
    static final int MAX_PLANNED = 1_000;

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

    /**
     * The offsets of every page after this one that the walk one page at a time would ask for,
     * when {@code meta.results.total} tells them (empty without a total): from {@link #next}, a page
     * of {@code limit} further each time, while below the total — and up to the first offset above
     * {@link #MAX}, which the walk answers with its failure without asking. At most
     * {@value #MAX_PLANNED}. The first, when present, is {@link #next}.
     */
    List<ElasticPathOffset> ahead(int received, int limit, ElasticPathDto.Meta meta) {
        Option<ElasticPathOffset> next = next(received, limit, meta);
        Long total = meta == null || meta.results() == null ? null : meta.results().total();
        List<ElasticPathOffset> ahead = new ArrayList<>();
        if (next.isEmpty() || total == null) {
            return ahead;
        }
        for (long at = next.get().records(); at < total && ahead.size() < MAX_PLANNED; at += limit) {
            ElasticPathOffset page = new ElasticPathOffset(at);
            ahead.add(page);
            if (page.beyondCap()) {
                break;   // the walk stops here, with its failure
            }
        }
        return ahead;
    }
}
