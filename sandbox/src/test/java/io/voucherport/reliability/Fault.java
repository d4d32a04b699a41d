package io.voucherport.reliability;

import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;

/** The faults of the matrix, each as the simulators inject it. */
enum Fault {
    CONNECTION_RESET("connection reset", true),
    EMPTY_RESPONSE("empty response", true),
    MALFORMED_JSON("malformed JSON", false),
    TRUNCATED_BODY("truncated body", false),
    HTML_502("HTML 502", true),
    UNAVAILABLE_503("503 + Retry-After", true),
    TOO_MANY_429("429", true),
    AUTH_REJECTED("401/403", false),
    NOT_FOUND_404("404", false),
    READ_TIMEOUT("read timeout", true),
    UNKNOWN_ENUM("unknown enum value", false),
    OVERSIZED_BODY("body over the size limit", false);

    /** Answers over this size are refused by the adapters under test. */
    static final int SIZE_LIMIT = 32 * 1024;
    /** Adapters under test time out after this. */
    static final Duration READ_TIMEOUT_SETTING = Duration.ofMillis(250);

    final String label;
    final boolean transientFault;

    Fault(String label, boolean transientFault) {
        this.label = label;
        this.transientFault = transientFault;
    }

    /** The simulator fault; {@code authStatus} is the provider's status for a rejected credential. */
    SimFault simFault(int authStatus) {
        return switch (this) {
            case CONNECTION_RESET -> SimFault.connectionReset();
            case EMPTY_RESPONSE -> SimFault.emptyResponse();
            case MALFORMED_JSON -> SimFault.malformedBody();
            case TRUNCATED_BODY -> SimFault.truncatedBody();
            case HTML_502 -> SimFault.badGatewayHtml();
            case UNAVAILABLE_503 -> SimFault.unavailable(1);
            case TOO_MANY_429 -> SimFault.status(429);
            case AUTH_REJECTED -> SimFault.status(authStatus);
            case NOT_FOUND_404 -> SimFault.status(404);
            case READ_TIMEOUT -> SimFault.delay(READ_TIMEOUT_SETTING.multipliedBy(3));
            case UNKNOWN_ENUM -> SimFault.unknownEnumValue("NEVER_SEEN_BEFORE");
            case OVERSIZED_BODY -> SimFault.oversizedBody(SIZE_LIMIT * 2);
        };
    }
}
