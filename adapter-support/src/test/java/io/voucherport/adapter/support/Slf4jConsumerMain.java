package io.voucherport.adapter.support;

import java.io.IOException;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.slf4j.LoggerFactory;

/**
 * A plain service in a child JVM (for {@link Slf4jProviderTest}): the library's masking logger and
 * HttpClient 5 log through SLF4J as a service would make them, then it prints which SLF4J logger
 * factory it got and a closing marker to standard output.
 */
public final class Slf4jConsumerMain {

    /** The line printed last, when everything ran. */
    static final String DONE = "consumer-done";

    private Slf4jConsumerMain() {
    }

    /**
     * Logs through the library's masking logger and lets HttpClient 5 create its loggers.
     *
     * @param args unused
     * @throws IOException if the HttpClient cannot be closed
     */
    public static void main(String[] args) throws IOException {
        MaskingLogger logger = new MaskingLogger("consumer", Masker.of(List.of("code"), List.of()), 1024);
        logger.logRetry("Api#call()", feign.Logger.Level.FULL);
        CloseableHttpClient client = HttpClients.createDefault();
        client.close();
        System.out.println("factory=" + LoggerFactory.getILoggerFactory().getClass().getName());
        System.out.println("logger=" + LoggerFactory.getLogger("io.voucherport.http.consumer").getClass().getName());
        System.out.println(DONE);
    }
}
