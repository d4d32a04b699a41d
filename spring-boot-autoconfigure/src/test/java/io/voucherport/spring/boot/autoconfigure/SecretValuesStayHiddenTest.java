package io.voucherport.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A secret's value stays hidden wherever the environment holds it, not only under a
 * {@code voucherport.*} key: in the variable the README's {@code ${EZ_API_KEY}} points at, in
 * {@code SPRING_APPLICATION_JSON}, in the command line the JVM reports ({@code sun.java.command}).
 */
class SecretValuesStayHiddenTest {

    private static final String KEY_FROM_VARIABLE = "ez-key-from-variable-8c1f40d2";
    private static final String TOKEN_ON_COMMAND_LINE = "ez-token-on-command-line-77ab3e51";
    private static final String PASSWORD_IN_JSON = "proxy-password-in-json-3e9d0b86";
    private static final String SHORT_SECRET = "k3y";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(VoucherportAutoConfigurationTest.ALL)
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=configprops,env",
                    "management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always");

    @Test
    void aSecretsValueIsHiddenUnderEveryKeyThatHoldsIt() {
        runner.withPropertyValues("EZ_API_KEY=" + KEY_FROM_VARIABLE, "voucherport.ez.api-key=${EZ_API_KEY}",
                "voucherport.ez.base-url=http://127.0.0.1:9", "voucherport.ez.bearer-token=" + TOKEN_ON_COMMAND_LINE,
                "sun.java.command=gift-card-service.jar --voucherport.ez.bearer-token=" + TOKEN_ON_COMMAND_LINE
                        + " --server.port=8081",
                "voucherport.http.proxy.host=proxy.internal", "voucherport.http.proxy.username=proxy-user",
                "voucherport.http.proxy.password=" + PASSWORD_IN_JSON,
                "SPRING_APPLICATION_JSON={\"voucherport\":{\"http\":{\"proxy\":{\"password\":\"" + PASSWORD_IN_JSON
                        + "\"}}}}",
                "not.a.secret=visible-control-value").run(context -> {
                    assertThat(context).hasNotFailed();
                    String env = flatten(context.getBean(EnvironmentEndpoint.class).environment(null));
                    String configprops = flatten(
                            context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
                    // control: the keys are listed and other values shown as they are
                    assertThat(env).contains("EZ_API_KEY=").contains("sun.java.command=")
                            .contains("SPRING_APPLICATION_JSON=").contains("visible-control-value").contains("proxy.internal");
                    for (String secret : List.of(KEY_FROM_VARIABLE, TOKEN_ON_COMMAND_LINE, PASSWORD_IN_JSON)) {
                        assertThat(env).as("env").doesNotContain(secret);
                        assertThat(configprops).as("configprops").doesNotContain(secret);
                    }
                    EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
                    assertThat(flatten(endpoint.environmentEntry("EZ_API_KEY")))
                            .doesNotContain(KEY_FROM_VARIABLE);
                });
    }

    @Test
    void aShortSecretHidesOnlyTheValueThatIsExactlyIt() {
        // a secret of a few characters would mask half the environment if it were searched for inside values
        runner.withPropertyValues("voucherport.ez.base-url=http://127.0.0.1:9", "voucherport.ez.api-key=" + SHORT_SECRET,
                "voucherport.ez.bearer-token=" + TOKEN_ON_COMMAND_LINE, "SOME_VARIABLE=" + SHORT_SECRET,
                "some.text=a k3y word").run(context -> {
                    EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
                    assertThat(flatten(endpoint.environmentEntry("SOME_VARIABLE"))).doesNotContain(SHORT_SECRET)
                            .contains("******");
                    assertThat(flatten(endpoint.environmentEntry("some.text"))).contains("a k3y word");
                });
    }

    /** Renders an endpoint's answer, whatever its shape, as text to search. */
    private static String flatten(Object descriptor) {
        StringBuilder text = new StringBuilder();
        flatten(descriptor, text, 0);
        return text.toString();
    }

    private static void flatten(Object value, StringBuilder text, int depth) {
        if (depth > 12 || value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                text.append(k).append('=');
                flatten(v, text, depth + 1);
                text.append('\n');
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> flatten(item, text, depth + 1));
        } else if (value.getClass().getName().startsWith("org.springframework.boot.actuate")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                        && !getter.getName().equals("getClass")) {
                    try {
                        flatten(getter.invoke(value), text, depth + 1);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } else {
            text.append(value);
        }
    }
}
