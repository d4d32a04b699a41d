package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The listing's stop rules: the total, an empty page, a short page without a total, the offset cap. */
class ElasticPathOffsetTest {

    private static ElasticPathDto.Meta total(Long records) {
        return new ElasticPathDto.Meta(new ElasticPathDto.PageMeta(1L, 10L, 0L, 99L), new ElasticPathDto.Results(records));
    }

    @Test
    void theNextPageStartsAfterTheRecordsReceivedUntilTheTotalIsReached() {
        assertThat(ElasticPathOffset.FIRST.next(10, 10, total(25L))).contains(new ElasticPathOffset(10));
        assertThat(new ElasticPathOffset(10).next(10, 10, total(25L))).contains(new ElasticPathOffset(20));
        assertThat(new ElasticPathOffset(20).next(5, 10, total(25L))).isEmpty();
        assertThat(new ElasticPathOffset(20).next(10, 10, total(25L))).as("reached or passed the total").isEmpty();
    }

    @Test
    void anEmptyPageEndsTheListingWhateverTheTotalSays() {
        assertThat(new ElasticPathOffset(30).next(0, 10, total(1_000L))).isEmpty();
    }

    @Test
    void withoutATotalAShortPageIsTheLast() {
        assertThat(ElasticPathOffset.FIRST.next(10, 10, null)).contains(new ElasticPathOffset(10));
        assertThat(ElasticPathOffset.FIRST.next(10, 10, total(null))).contains(new ElasticPathOffset(10));
        assertThat(new ElasticPathOffset(10).next(9, 10, new ElasticPathDto.Meta(null, null))).isEmpty();
    }

    @Test
    void offsetsAboveTheCapAreRefusedAndTheQueryCarriesLimitAndOffset() {
        assertThat(new ElasticPathOffset(ElasticPathOffset.MAX).beyondCap()).isFalse();
        assertThat(new ElasticPathOffset(ElasticPathOffset.MAX + 1).beyondCap()).isTrue();
        assertThat(new ElasticPathOffset(40).query(20)).containsEntry("page[limit]", 20).containsEntry("page[offset]", 40L)
                .hasSize(2);
        assertThat(ElasticPathOffset.FIRST.records()).isZero();
    }
}
