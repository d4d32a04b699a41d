package io.voucherport.adapter.support;

import feign.Logger;
import io.voucherport.domain.Require;

/**
 * Feign's logger, writing to the JDK's {@link System.Logger} (bridge it to SLF4J or Log4j as
 * usual) at {@code DEBUG}, with every line passed through a {@link Masker} first: at every Feign
 * level, headers such as {@code Authorization} and body fields such as redeem codes appear as
 * {@code ****}.
 */
public final class MaskingLogger extends Logger {

    private final System.Logger logger;
    private final Masker masker;

    /** Logs to {@code io.voucherport.http.<provider>}. */
    public MaskingLogger(String provider, Masker masker) {
        this.logger = System.getLogger("io.voucherport.http." + Require.text(provider, "provider"));
        this.masker = Require.present(masker, "masker");
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (logger.isLoggable(System.Logger.Level.DEBUG)) {
            logger.log(System.Logger.Level.DEBUG, masker.mask(methodTag(configKey) + String.format(format, args)));
        }
    }
}
