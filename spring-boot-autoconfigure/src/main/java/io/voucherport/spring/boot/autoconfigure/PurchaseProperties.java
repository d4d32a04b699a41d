package io.voucherport.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Buying codes ({@code voucherport.purchase.*}): the suppliers' order of preference, how purchases wait,
 * the journal (on the service's {@code DataSource}) and recovery of unfinished purchases.
 */
@ConfigurationProperties(prefix = "voucherport.purchase")
public class PurchaseProperties {

    /** Supplier names (ez, gifthub) in order of preference; default every configured supplier, EZ first. */
    private List<String> preference = new ArrayList<>();

    /** How long after a doubt empty lookups must go on before absence counts as proven; default each supplier's reference lookup lag. */
    private Duration settleTime;

    /** How long a purchase stays leased to this instance without a journal write. */
    private Duration lease = Duration.ofMinutes(2);

    /** When a purchase left pending is due for recovery. */
    private Duration recheckAfter = Duration.ofSeconds(30);

    /** This instance's name in the journal's leases; default a random one per start. */
    private String owner;

    /** How a purchase waits for its order. */
    private final Polling polling = new Polling();

    /** The JDBC purchase journal and stores. */
    private final Journal journal = new Journal();

    /** Recovery of unfinished purchases. */
    private final Recovery recovery = new Recovery();

    /**
     * {@return supplier names (ez, gifthub) in order of preference; default every configured
     * supplier, EZ first}
     */
    public List<String> getPreference() {
        return preference;
    }

    /**
     * Sets {@link #getPreference()}.
     *
     * @param preference supplier names (ez, gifthub) in order of preference; default every
     *     configured supplier, EZ first
     */
    public void setPreference(List<String> preference) {
        this.preference = preference;
    }

    /**
     * {@return how long after a doubt empty lookups must go on before absence counts as proven;
     * default each supplier's reference lookup lag}
     */
    public Duration getSettleTime() {
        return settleTime;
    }

    /**
     * Sets {@link #getSettleTime()}.
     *
     * @param settleTime how long after a doubt empty lookups must go on before absence counts as
     *     proven; default each supplier's reference lookup lag
     */
    public void setSettleTime(Duration settleTime) {
        this.settleTime = settleTime;
    }

    /** {@return how long a purchase stays leased to this instance without a journal write} */
    public Duration getLease() {
        return lease;
    }

    /**
     * Sets {@link #getLease()}.
     *
     * @param lease how long a purchase stays leased to this instance without a journal write
     */
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    /** {@return when a purchase left pending is due for recovery} */
    public Duration getRecheckAfter() {
        return recheckAfter;
    }

    /**
     * Sets {@link #getRecheckAfter()}.
     *
     * @param recheckAfter when a purchase left pending is due for recovery
     */
    public void setRecheckAfter(Duration recheckAfter) {
        this.recheckAfter = recheckAfter;
    }

    /** {@return this instance's name in the journal's leases; default a random one per start} */
    public String getOwner() {
        return owner;
    }

    /**
     * Sets {@link #getOwner()}.
     *
     * @param owner this instance's name in the journal's leases; default a random one per start
     */
    public void setOwner(String owner) {
        this.owner = owner;
    }

    /** {@return how a purchase waits for its order} */
    public Polling getPolling() {
        return polling;
    }

    /** {@return the JDBC purchase journal and stores} */
    public Journal getJournal() {
        return journal;
    }

    /** {@return recovery of unfinished purchases} */
    public Recovery getRecovery() {
        return recovery;
    }

    /** Defaults everywhere; Spring Boot binds the properties. */
    public PurchaseProperties() {
    }

    /** How a purchase waits: growing intervals with jitter, up to a deadline after which it is reported pending. */
    public static class Polling {

        /** Defaults everywhere. */
        public Polling() {
        }

        /** Wait before the first poll. */
        private Duration initialDelay = Duration.ofMillis(500);

        /** Growth per poll, at least 1. */
        private double multiplier = 1.6;

        /** Cap of one wait. */
        private Duration maxDelay = Duration.ofSeconds(4);

        /** Fraction of each wait taken off at random, 0 to 1. */
        private double jitter = 0.2;

        /** How long a purchase may wait in all before it is reported pending. */
        private Duration deadline = Duration.ofMinutes(2);

        /** {@return wait before the first poll} */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets {@link #getInitialDelay()}.
         *
         * @param initialDelay wait before the first poll
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** {@return growth per poll, at least 1} */
        public double getMultiplier() {
            return multiplier;
        }

        /**
         * Sets {@link #getMultiplier()}.
         *
         * @param multiplier growth per poll, at least 1
         */
        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        /** {@return cap of one wait} */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets {@link #getMaxDelay()}.
         *
         * @param maxDelay cap of one wait
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** {@return fraction of each wait taken off at random, 0 to 1} */
        public double getJitter() {
            return jitter;
        }

        /**
         * Sets {@link #getJitter()}.
         *
         * @param jitter fraction of each wait taken off at random, 0 to 1
         */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        /** {@return how long a purchase may wait in all before it is reported pending} */
        public Duration getDeadline() {
            return deadline;
        }

        /**
         * Sets {@link #getDeadline()}.
         *
         * @param deadline how long a purchase may wait in all before it is reported pending
         */
        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }

    }

    /** The JDBC journal, reference store and refresh token store, on the service's DataSource. */
    public static class Journal {

        /** Defaults everywhere. */
        public Journal() {
        }

        /** The schema holding the tables; default the connection's search_path. */
        private String schema;

        /** The longest any one statement may run. */
        private Duration queryTimeout = Duration.ofSeconds(10);

        /** Create missing tables at start-up; leave off when Flyway or Liquibase runs classpath:db/voucherport. */
        private boolean initializeSchema = false;

        /** {@return the schema holding the tables; default the connection's search_path} */
        public String getSchema() {
            return schema;
        }

        /**
         * Sets {@link #getSchema()}.
         *
         * @param schema the schema holding the tables; default the connection's search_path
         */
        public void setSchema(String schema) {
            this.schema = schema;
        }

        /** {@return the longest any one statement may run} */
        public Duration getQueryTimeout() {
            return queryTimeout;
        }

        /**
         * Sets {@link #getQueryTimeout()}.
         *
         * @param queryTimeout the longest any one statement may run
         */
        public void setQueryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
        }

        /**
         * {@return whether to create missing tables at start-up; leave off when Flyway or Liquibase
         * runs classpath:db/voucherport}
         */
        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        /**
         * Sets {@link #isInitializeSchema()}.
         *
         * @param initializeSchema whether to create missing tables at start-up; leave off when
         *     Flyway or Liquibase runs classpath:db/voucherport
         */
        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

    }

    /** Recovery of unfinished purchases: at start-up, then on a schedule. */
    public static class Recovery {

        /** Defaults everywhere. */
        public Recovery() {
        }

        /** Whether recovery runs (needs the journal). */
        private boolean enabled = true;

        /** Time between two recovery passes. */
        private Duration interval = Duration.ofMinutes(1);

        /** {@return whether recovery runs (needs the journal)} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets {@link #isEnabled()}.
         *
         * @param enabled whether recovery runs (needs the journal)
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@return time between two recovery passes} */
        public Duration getInterval() {
            return interval;
        }

        /**
         * Sets {@link #getInterval()}.
         *
         * @param interval time between two recovery passes
         */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

    }
}
