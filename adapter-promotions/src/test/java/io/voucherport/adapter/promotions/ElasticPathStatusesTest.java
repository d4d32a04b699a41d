package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.promotion.JobStatus;
import org.junit.jupiter.api.Test;

/** Job status words: tolerant of case and blanks; an unknown word is kept raw, never dropped. */
class ElasticPathStatusesTest {

    @Test
    void everyDocumentedWordIsKnown() {
        assertThat(ElasticPathStatuses.jobStatus("pending")).isEqualTo(JobStatus.Known.PENDING);
        assertThat(ElasticPathStatuses.jobStatus(" Processing ")).isEqualTo(JobStatus.Known.PROCESSING);
        assertThat(ElasticPathStatuses.jobStatus("COMPLETED")).isEqualTo(JobStatus.Known.COMPLETED);
        assertThat(ElasticPathStatuses.jobStatus("failed")).isEqualTo(JobStatus.Known.FAILED);
        assertThat(ElasticPathStatuses.jobStatus("cancelling")).isEqualTo(JobStatus.Known.CANCELLING);
        assertThat(ElasticPathStatuses.jobStatus("cancelled")).isEqualTo(JobStatus.Known.CANCELLED);
    }

    @Test
    void anUnknownWordIsKeptRawAndIsNotTerminal() {
        assertThat(ElasticPathStatuses.jobStatus("queued")).isEqualTo(new JobStatus.Unknown("queued"));
        assertThat(ElasticPathStatuses.jobStatus(null)).isEqualTo(new JobStatus.Unknown(""));
        assertThat(ElasticPathStatuses.jobStatus("queued").isTerminal()).isFalse();
    }
}
