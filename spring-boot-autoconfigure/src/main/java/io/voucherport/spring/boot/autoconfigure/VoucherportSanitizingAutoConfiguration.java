package io.voucherport.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
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
 * properties or environment variables ({@code VOUCHERPORT_EZ_APIKEY}), and masks any other entry
 * whose value is a configured secret or holds one (the {@code EZ_API_KEY} variable that
 * {@code voucherport.ez.api-key=${EZ_API_KEY}} reads, {@code SPRING_APPLICATION_JSON},
 * {@code sun.java.command}); a secret shorter than 8 characters is masked only where it is the
 * whole value.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class VoucherportSanitizingAutoConfiguration {

    /** Created by Spring Boot. */
    public VoucherportSanitizingAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "voucherportSanitizingFunction")
    SanitizingFunction voucherportSanitizingFunction(ObjectProvider<EzProperties> ez,
            ObjectProvider<GiftHubProperties> gifthub, ObjectProvider<ElasticPathProperties> elasticPath,
            ObjectProvider<ShoplazzaProperties> shoplazza, ObjectProvider<HttpProperties> http) {
        return data -> VoucherportSanitizing.isSecretKey(data.getKey())
                || VoucherportSanitizing.holdsSecret(data.getValue(), VoucherportSanitizing.secretValues(
                        ez.getIfAvailable(), gifthub.getIfAvailable(), elasticPath.getIfAvailable(),
                        shoplazza.getIfAvailable(), http.getIfAvailable()))
                ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }
}
