package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.SharedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json} (IDE completion): every property
 * described, the health switch listed, and defaults that are the library's own.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsDescribedAndItsDefaultIsTheLibrarys() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("the generated metadata").isNotNull();
            JsonMapper.builder().build().readTree(json).get("properties")
                    .forEach(property -> properties.put(property.get("name").asString(), property));
        }
        assertThat(properties.size()).as("properties").isGreaterThan(90);
        assertThat(properties.containsKey("management.health.voucherport.enabled")).as("the health switch listed").isTrue();
        properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
                .as("description of %s", name).isNotBlank());
        assertThat(properties.get("voucherport.ez.call-timeout").get("defaultValue").asString())
                .isEqualTo(AdapterBuilder.DEFAULT_CALL_TIMEOUT.toSeconds() + "s");
        assertThat(properties.get("voucherport.gifthub.max-response-bytes").get("defaultValue").asInt())
                .isEqualTo(AdapterBuilder.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(properties.get("voucherport.http.max-connections").get("defaultValue").asInt())
                .isEqualTo(SharedHttpClient.DEFAULT_MAX_CONNECTIONS);
    }
}
