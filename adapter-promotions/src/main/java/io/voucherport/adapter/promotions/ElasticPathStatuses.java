package io.voucherport.adapter.promotions;

import io.voucherport.domain.promotion.JobStatus;
import java.util.Locale;

/** Elastic Path's job statuses in the domain's words. Tolerant of case and blanks. */
final class ElasticPathStatuses {

    private ElasticPathStatuses() {
    }

    /**
     * {@code pending, processing, completed, failed, cancelling, cancelled}; anything else is kept
     * raw as unknown (and so not terminal), never dropped.
     */
    static JobStatus jobStatus(String raw) {
        JobStatus status = raw == null ? null : switch (raw) {   // as Elastic Path spells them: no normalising
            case "pending" -> JobStatus.Known.PENDING;
            case "processing" -> JobStatus.Known.PROCESSING;
            case "completed" -> JobStatus.Known.COMPLETED;
            case "failed" -> JobStatus.Known.FAILED;
            case "cancelling" -> JobStatus.Known.CANCELLING;
            case "cancelled" -> JobStatus.Known.CANCELLED;
            default -> null;
        };
        return status != null ? status : switch (normalise(raw)) {
            case "PENDING" -> JobStatus.Known.PENDING;
            case "PROCESSING" -> JobStatus.Known.PROCESSING;
            case "COMPLETED" -> JobStatus.Known.COMPLETED;
            case "FAILED" -> JobStatus.Known.FAILED;
            case "CANCELLING" -> JobStatus.Known.CANCELLING;
            case "CANCELLED" -> JobStatus.Known.CANCELLED;
            default -> new JobStatus.Unknown(raw == null ? "" : raw);
        };
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }
}
