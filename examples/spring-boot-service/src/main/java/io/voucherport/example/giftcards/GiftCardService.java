package io.voucherport.example.giftcards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small REST service selling gift cards, built on the Voucherport starter: the adapters, the use
 * cases, the purchase journal (on the service's PostgreSQL, tables by Flyway) and recovery all come
 * from {@code voucherport.*} properties (see {@code application.properties}).
 */
@SpringBootApplication
public class GiftCardService {

    /** Created by Spring Boot. */
    public GiftCardService() {
    }

    /**
     * Runs the service.
     *
     * @param args Spring Boot's command line
     */
    public static void main(String[] args) {
        SpringApplication.run(GiftCardService.class, args);
    }
}
