/**
 * Spring Boot auto-configuration of Voucherport from {@code voucherport.*} properties: the shared HTTP
 * client, one adapter per configured provider, the JDBC journal and stores on the service's
 * {@code DataSource}, the use cases, purchase recovery, health indicators and the sanitising of
 * secrets in the actuator. Every bean gives way to one the service defines.
 */
package io.voucherport.spring.boot.autoconfigure;
