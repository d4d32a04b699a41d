package io.voucherport.application;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vavr.control.Option;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.observe.UseCaseObservation;
import io.voucherport.domain.observe.UseCaseStart;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.fake.InMemoryCodeSupplier;
import io.voucherport.testkit.fake.InMemoryDiscounts;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.time.VirtualTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The use cases log a throwing listener's failures through SLF4J (the domain, which swallows them,
 * does not log): once at WARN, then at DEBUG, naming classes only, and the result stays as it was.
 */
class ListenerLogTest {

    private static final String SECRET = "gc_live_5d4c3b2a1f0e";

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger observe = context.getLogger("io.voucherport.observe");
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getLevel() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
        }
    };
    private Level level;

    private final VoucherportListener throwing = new VoucherportListener() {
        @Override
        public void purchase(PurchaseSignal signal) {
            throw new IllegalStateException("code " + SECRET);
        }

        @Override
        public UseCaseObservation useCaseStarted(UseCaseStart start) {
            throw new IllegalArgumentException("code " + SECRET);
        }
    };

    @BeforeEach
    void capture() {
        level = observe.getLevel();
        appender.setContext(context);
        appender.start();
        observe.setLevel(Level.TRACE);
        observe.addAppender(appender);
    }

    @AfterEach
    void release() {
        observe.detachAppender(appender);
        observe.setLevel(level);
        appender.stop();
    }

    @Test
    void aPurchasesThrowingListenerIsLoggedOnceAtWarnThenAtDebugWithClassNamesOnly() {
        VirtualTime time = new VirtualTime();
        InMemoryCodeSupplier supplier = new InMemoryCodeSupplier(time.clock())
                .product("GAME-10", "10.00", "USD", 5).balance("1000", "USD");
        BuyCodes buy = BuyCodes.builder("mem", supplier, new InMemoryPurchaseJournal())
                .waiting(VirtualWaiting.of(time)).owner("a").listener(VoucherportListener.composite(throwing)).build();
        OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("GAME-10", 1)), Option.none());

        assertThat(buy.buy(request)).isInstanceOf(PurchaseResult.Delivered.class);
        assertThat(supplier.ordersWithReference(request.reference())).isEqualTo(1);

        assertThat(logged).as("placed, delivered").hasSize(2);
        assertThat(logged.get(0)).startsWith("WARN ").contains(IllegalStateException.class.getName())
                .contains("purchase").contains(throwing.getClass().getName());
        assertThat(logged.get(1)).startsWith("DEBUG ");
        assertThat(String.join("\n", logged)).doesNotContain(SECRET).doesNotContain("code ");
    }

    @Test
    void aUseCasesThrowingListenerChangesNoCheckAndIsLoggedByTheUseCase() {
        VirtualTime time = new VirtualTime();
        InMemoryDiscounts discounts = new InMemoryDiscounts(10);
        CheckDiscountCodes check = new CheckDiscountCodes(discounts, discounts, time.clock(), throwing);
        CheckDiscountCodes quiet = new CheckDiscountCodes(discounts, discounts, time.clock());

        assertThat(check.check("NO-SUCH-CODE").toString()).isEqualTo(quiet.check("NO-SUCH-CODE").toString());
        check.check("NO-SUCH-CODE");

        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).startsWith("WARN ").contains("useCaseStarted")
                .contains(IllegalArgumentException.class.getName());
        assertThat(logged.get(1)).startsWith("DEBUG ");
        assertThat(String.join("\n", logged)).doesNotContain(SECRET);
    }

    @Test
    void guardingIsIdempotent() {
        VoucherportListener guarded = ListenerLog.guarded(throwing);
        assertThat(ListenerLog.guarded(guarded)).isSameAs(guarded);
        assertThat(ListenerLog.guarded(VoucherportListener.none())).isSameAs(VoucherportListener.none());
        assertThat(logged).isEmpty();
    }
}
