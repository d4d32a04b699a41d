package io.voucherport.adapter.support;

/**
 * Carries an {@link HttpProblem} from Feign's error decoder to the {@link CallGuard}, which turns
 * it into a domain failure. Never leaves an adapter.
 */
public final class ProviderProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient HttpProblem problem;

    /**
     * Wraps a problem; no stack trace is captured.
     *
     * @param problem the decoded error answer, not null; its description becomes the message
     */
    public ProviderProblemException(HttpProblem problem) {
        super(problem.describe(), null, false, false);
        this.problem = problem;
    }

    /** {@return the problem} */
    public HttpProblem problem() {
        return problem;
    }
}
