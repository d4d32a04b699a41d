package io.voucherport.spring.boot.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps Voucherport's secrets (API keys, tokens, client ids and secrets, the proxy password) out of
 * {@code /actuator/configprops} and {@code /actuator/env}, whatever {@code show-values} says: a
 * {@link SanitizingFunction} that masks them under {@code voucherport.*}, as properties, bound
 * properties or environment variables ({@code VOUCHERPORT_EZ_APIKEY}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class VoucherportSanitizingAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportSanitizingAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "voucherportSanitizingFunction")
    SanitizingFunction voucherportSanitizingFunction() {
        return data -> VoucherportSanitizing.isSecretKey(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE)
                : data;
    }
}
