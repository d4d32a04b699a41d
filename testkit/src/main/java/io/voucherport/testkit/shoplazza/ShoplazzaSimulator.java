package io.voucherport.testkit.shoplazza;

import static io.voucherport.testkit.sim.SimJson.map;

import com.github.tomakehurst.wiremock.common.Json;
import io.voucherport.testkit.sim.SimCodes;
import io.voucherport.testkit.sim.SimRequest;
import io.voucherport.testkit.sim.SimResponse;
import io.voucherport.testkit.sim.Simulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stateful Shoplazza price-rule and discount-code simulator, written from Shoplazza's
 * documentation, speaking both dialects by the version in the path:
 *
 * <ul>
 *   <li>{@code /openapi/2022-01/…}: bare objects, numbers as strings, zone-less timestamps in the
 *       store's zone, {@code -1} sentinels, page numbers; errors {@code {"errors": [..]}} or
 *       {@code {"error": ".."}}.</li>
 *   <li>{@code /openapi/2025-06/…}: envelopes {@code {code, message, data}} (the success code in
 *       every seen spelling), ints, ISO-8601, {@code cursor}/{@code page_size}/{@code has_more};
 *       errors {@code {code, message}}; a {@link #failNextEnvelope failing envelope} under 200.</li>
 *   <li>Any other version answers 404 naming the version.</li>
 *   <li>{@code Access-Token}: a static token, or OAuth tokens from {@code POST /admin/oauth/token}
 *       whose refresh rotates the refresh token (the old one stops working).</li>
 *   <li>Shoplazza's bucket: 40 requests, refilled at 2 per second by the simulator's clock; 429
 *       beyond. Faults per endpoint through {@link #inject}.</li>
 * </ul>
 */
public final class ShoplazzaSimulator extends Simulator<ShoplazzaSimulator.Endpoint> {

    /** The static access token the simulator accepts. */
    public static final String DEFAULT_ACCESS_TOKEN = "shoplazza-sim-token-2b8e44f019c7";
    /** The OAuth app's client id. */
    public static final String CLIENT_ID = "shoplazza-sim-app";
    /** The OAuth app's client secret. */
    public static final String CLIENT_SECRET = "shoplazza-sim-app-secret-7e1f90";
    /** The first refresh token handed to the app. */
    public static final String FIRST_REFRESH_TOKEN = "shoplazza-sim-refresh-0000-initial";
    /** The dialects served. */
    public static final Set<String> VERSIONS = Set.of("2022-01", "2025-06");

    /** The simulated endpoints. */
    public enum Endpoint {
        /** Exchanges a refresh token for an access token (rotating the refresh token). */
        OAUTH_TOKEN,
        /** Lists price rules. */
        LIST_RULES,
        /** Creates a price rule. */
        CREATE_RULE,
        /** Reads a price rule. */
        GET_RULE,
        /** Updates a price rule. */
        UPDATE_RULE,
        /** Deletes a price rule. */
        DELETE_RULE,
        /** Lists a rule's discount codes. */
        LIST_CODES,
        /** Creates one discount code. */
        CREATE_CODE,
        /** Creates discount codes in a batch. */
        BATCH_CREATE_CODES,
        /** Reads one discount code. */
        GET_CODE,
        /** Changes a discount code. */
        UPDATE_CODE,
        /** Deletes a discount code. */
        DELETE_CODE,
        /** Finds a discount code by its text. */
        LOOKUP_CODE,
        /** Any call to an API version the simulator does not serve (answered as retired). */
        UNKNOWN_VERSION
    }

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<Object> SUCCESS_CODES = List.of("200", 200, "Success", "SUCCESS");

    private static final class Rule {
        final String id = UUID.randomUUID().toString();
        String title;
        String valueType;
        BigDecimal value;
        long usageLimit;
        int oncePerCustomer;
        int allocationLimit = 1;
        Instant startsAt;
        Instant endsAt;
        final Map<String, Code> codes = new LinkedHashMap<>();
    }

    private static final class Code {
        final String id = UUID.randomUUID().toString();
        final String ruleId;
        String code;
        int usageCount;
        final Instant createdAt;
        Instant updatedAt;

        Code(String ruleId, String code, Instant now) {
            this.ruleId = ruleId;
            this.code = code;
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, Instant> oauthTokens = new LinkedHashMap<>();
    private final List<String> issued = new ArrayList<>();
    private String refreshToken = FIRST_REFRESH_TOKEN;
    private Clock clock = Clock.systemUTC();
    private ZoneId storeZone = ZoneOffset.UTC;
    private Duration oauthLifetime = Duration.ofHours(1);
    private boolean createAnswersArray;
    private Object failingEnvelope;
    private String failingMessage;
    private int envelopeSpelling;
    private int capacity = 40;
    private double refillPerSecond = 2;
    private double bucket = 40;
    private Instant bucketAt;
    private int throttled;

    private ShoplazzaSimulator(int port) {
        super("shoplazza", port, Endpoint.class);
    }

    /** {@return a simulator on any free port, not started} */
    public static ShoplazzaSimulator create() {
        return new ShoplazzaSimulator(0);
    }

    /**
     * {@return a simulator on {@code port}, not started}
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static ShoplazzaSimulator onPort(int port) {
        return new ShoplazzaSimulator(port);
    }

    /**
     * The clock for timestamps, OAuth expiry and the rate bucket.
     *
     * @param clock the clock to read time from, not null
     * @return this simulator
     */
    public synchronized ShoplazzaSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.bucketAt = null;
        return this;
    }

    /**
     * Another bucket than Shoplazza's (40, refilled at 2 per second), e.g. a huge one for functional tests.
     *
     * @param size how many requests the bucket holds at once, at least 1
     * @param perSecond how many requests it refills per second, above 0
     * @return this simulator
     */
    public synchronized ShoplazzaSimulator bucket(int size, double perSecond) {
        this.capacity = size;
        this.refillPerSecond = perSecond;
        this.bucket = size;
        return this;
    }

    /**
     * The zone of 2022-01's zone-less timestamps; default UTC.
     *
     * @param zone the store's time zone, not null
     * @return this simulator
     */
    public synchronized ShoplazzaSimulator storeZone(ZoneId zone) {
        this.storeZone = Objects.requireNonNull(zone);
        return this;
    }

    /**
     * How long OAuth access tokens live; default one hour.
     *
     * @param lifetime how long an issued access token is accepted, not null
     * @return this simulator
     */
    public synchronized ShoplazzaSimulator oauthLifetime(Duration lifetime) {
        this.oauthLifetime = Objects.requireNonNull(lifetime);
        return this;
    }

    /**
     * A single create with {@code discount_codes: [..]} (as some docs show) instead of an object.
     *
     * @param array true to answer a single create with an array, false for the documented object
     * @return this simulator
     */
    public synchronized ShoplazzaSimulator createAnswersArray(boolean array) {
        this.createAnswersArray = array;
        return this;
    }

    /**
     * The next 2025-06 answer is HTTP 200 with envelope code {@code code} (e.g. 4001) and no data.
     *
     * @param code the envelope's {@code code} value as it is sent (a number or a text)
     */
    public synchronized void failNextEnvelope(Object code) {
        failNextEnvelope(code, "store is not active");
    }

    /**
     * The next 2025-06 answer is HTTP 200 with envelope code {@code code}, {@code message} and no data.
     *
     * @param code the envelope's {@code code} value as it is sent (a number or a text)
     * @param message the message (never a secret)
     */
    public synchronized void failNextEnvelope(Object code, String message) {
        this.failingEnvelope = Objects.requireNonNull(code);
        this.failingMessage = Objects.requireNonNull(message);
    }

    /**
     * Sets rule {@code ruleId}'s {@code once_per_customer} (1 once per customer, 0 no limit) and
     * {@code allocation_limit} (per checkout), as Shoplazza's price-rule pages describe them.
     *
     * @param ruleId the simulator's id of the rule, as {@link #rule} returned it
     * @param oncePerCustomer 1 for once per customer, 0 for no limit
     * @param allocationLimit how often the rule applies in one checkout, sent as it is
     */
    public synchronized void ruleLimits(String ruleId, int oncePerCustomer, int allocationLimit) {
        Rule r = rules.get(ruleId);
        r.oncePerCustomer = oncePerCustomer;
        r.allocationLimit = allocationLimit;
    }

    /**
     * Adds a rule; {@code usageLimit} -1 is unlimited, {@code endsAt} null no end. Returns its id.
     *
     * @param title the rule's title
     * @param valueType Shoplazza's value type, e.g. {@code "percentage"}, sent as it is
     * @param value the discount as decimal text, e.g. {@code "10"}, sent as it is
     * @param usageLimit uses of the rule allowed, -1 for unlimited
     * @param endsAt when it ends
     * @return the new rule's id, for the rule's endpoints and {@link #code}
     */
    public synchronized String rule(String title, String valueType, String value, long usageLimit, Instant endsAt) {
        Rule r = new Rule();
        r.title = title;
        r.valueType = valueType;
        r.value = new BigDecimal(value);
        r.usageLimit = usageLimit;
        r.startsAt = clock.instant().minus(Duration.ofDays(1));
        r.endsAt = endsAt;
        rules.put(r.id, r);
        return r.id;
    }

    /**
     * Adds a code to rule {@code ruleId} used {@code usageCount} times. Returns its id.
     *
     * @param ruleId the rule the code belongs to, as {@link #rule} returned it
     * @param code the code's text, as a shopper types it
     * @param usageCount how often it has been used already, 0 or more
     * @return the new code's id
     */
    public synchronized String code(String ruleId, String code, int usageCount) {
        Code c = new Code(ruleId, code, clock.instant());
        c.usageCount = usageCount;
        rules.get(ruleId).codes.put(c.id, c);
        return c.id;
    }

    /** {@return a rule "Ten off" (10 %, 100 uses) with 60 codes and a rule "Five euro" (unlimited, no end) with 2} */
    public synchronized ShoplazzaSimulator withSampleData() {
        String ten = rule(ShoplazzaSampleData.TEN_OFF, "percentage", "10", 100, clock.instant().plus(Duration.ofDays(30)));
        for (int i = 1; i <= ShoplazzaSampleData.TEN_OFF_CODES; i++) {
            code(ten, ShoplazzaSampleData.tenOffCode(i), i == 1 ? 100 : i % 5);
        }
        String five = rule(ShoplazzaSampleData.FIVE_EURO, "fixed_amount", "5.00", -1, null);
        code(five, ShoplazzaSampleData.FIVE_OFF_CODE, 12);
        code(five, ShoplazzaSampleData.WELCOME_CODE, 0);
        return this;
    }

    /**
     * Records a use of the code with this text.
     *
     * @param code the text of the code used; an unknown text changes nothing
     */
    public synchronized void use(String code) {
        rules.values().stream().flatMap(r -> r.codes.values().stream()).filter(c -> c.code.equalsIgnoreCase(code))
                .forEach(c -> c.usageCount++);
    }

    /** {@return how many requests were refused with 429 so far} */
    public synchronized int throttled() {
        return throttled;
    }

    /** {@return the current refresh token (it changes with every refresh)} */
    public synchronized String currentRefreshToken() {
        return refreshToken;
    }

    /** {@return every OAuth access and refresh token issued (secrets, for leak tests)} */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /**
     * {@return how many codes rule {@code ruleId} holds}
     *
     * @param ruleId the rule's id, as {@link #rule} returned it
     */
    public synchronized int codeCount(String ruleId) {
        return rules.get(ruleId).codes.size();
    }

    @Override
    protected Endpoint endpointOf(SimRequest r) {
        List<String> s = r.segments();
        String m = r.method();
        if (s.equals(List.of("admin", "oauth", "token"))) {
            return m.equals("POST") ? Endpoint.OAUTH_TOKEN : null;
        }
        if (s.size() < 3 || !s.get(0).equals("openapi")) {
            return null;
        }
        if (!VERSIONS.contains(s.get(1))) {
            return Endpoint.UNKNOWN_VERSION;
        }
        List<String> p = s.subList(2, s.size());
        if (p.get(0).equals("discount_codes")) {
            return p.size() == 2 && p.get(1).equals("lookup") && m.equals("GET") ? Endpoint.LOOKUP_CODE : null;
        }
        if (!p.get(0).equals("price_rules")) {
            return null;
        }
        return switch (p.size()) {
            case 1 -> m.equals("GET") ? Endpoint.LIST_RULES : m.equals("POST") ? Endpoint.CREATE_RULE : null;
            case 2 -> switch (m) {
                case "GET" -> Endpoint.GET_RULE;
                case "PUT" -> Endpoint.UPDATE_RULE;
                case "DELETE" -> Endpoint.DELETE_RULE;
                default -> null;
            };
            case 3 -> !p.get(2).equals("discount_codes") ? null
                    : m.equals("GET") ? Endpoint.LIST_CODES : m.equals("POST") ? Endpoint.CREATE_CODE : null;
            case 4 -> !p.get(2).equals("discount_codes") ? null
                    : p.get(3).equals("batch") && m.equals("POST") ? Endpoint.BATCH_CREATE_CODES
                    : switch (m) {
                        case "GET" -> Endpoint.GET_CODE;
                        case "PUT" -> Endpoint.UPDATE_CODE;
                        case "DELETE" -> Endpoint.DELETE_CODE;
                        default -> null;
                    };
            default -> null;
        };
    }

    @Override
    protected SimResponse handle(Endpoint endpoint, SimRequest r) {
        if (!takeFromBucket()) {
            throttled++;
            return SimResponse.json(429, map("errors", List.of("Too many requests")));
        }
        if (endpoint == Endpoint.OAUTH_TOKEN) {
            return oauth(r);
        }
        String version = r.segments().get(1);
        boolean v2025 = version.equals("2025-06");
        if (endpoint == Endpoint.UNKNOWN_VERSION) {
            return SimResponse.json(404, map("error", "API version " + version + " is not supported"));
        }
        String token = r.header("Access-Token").orElse("");
        Instant expires = oauthTokens.get(token);
        if (!token.equals(DEFAULT_ACCESS_TOKEN) && (expires == null || !clock.instant().isBefore(expires))) {
            return error(v2025, 401, "Unauthorized", "invalid access token");
        }
        if (v2025 && failingEnvelope != null) {
            Object code = failingEnvelope;
            failingEnvelope = null;
            return SimResponse.json(200, map("code", code, "message", failingMessage));
        }
        List<String> p = r.segments().subList(2, r.segments().size());
        if (endpoint == Endpoint.LIST_RULES) {
            return page(r, v2025, "price_rules", rules.values().stream().map(x -> ruleJson(x, v2025)).toList());
        }
        if (endpoint == Endpoint.CREATE_RULE) {
            Rule rule = new Rule();
            String problem = applyRule(rule, r.json().get("price_rule"));
            if (problem != null) {
                return error(v2025, 400, "InvalidParameter", problem);
            }
            rules.put(rule.id, rule);
            return ok(v2025, map("price_rule", ruleJson(rule, v2025)), 201);
        }
        if (endpoint == Endpoint.LOOKUP_CODE) {
            String text = r.param("code").orElse("");
            return rules.values().stream().flatMap(x -> x.codes.values().stream())
                    .filter(c -> c.code.equalsIgnoreCase(text)).findFirst()
                    .map(c -> ok(v2025, map("discount_code", codeJson(c, v2025)), 200))
                    .orElseGet(() -> error(v2025, 404, "NotFound", "Not Found"));
        }
        Rule rule = rules.get(p.get(1));
        if (rule == null) {
            return error(v2025, 404, "NotFound", "Not Found");
        }
        return switch (endpoint) {
            case GET_RULE -> ok(v2025, map("price_rule", ruleJson(rule, v2025)), 200);
            case UPDATE_RULE -> {
                String problem = applyRule(rule, r.json().get("price_rule"));
                yield problem != null ? error(v2025, 400, "InvalidParameter", problem)
                        : ok(v2025, map("price_rule", ruleJson(rule, v2025)), 200);
            }
            case DELETE_RULE -> {
                rules.remove(rule.id);
                yield ok(v2025, map(), 200);
            }
            case LIST_CODES -> page(r, v2025, "discount_codes", rule.codes.values().stream()
                    .map(c -> codeJson(c, v2025)).toList());
            case CREATE_CODE -> createCodes(r, v2025, rule, List.of(r.json().get("discount_code")), false);
            case BATCH_CREATE_CODES -> v2025 && r.json().get("discount_codes") instanceof List<?> l
                    ? createCodes(r, true, rule, l, true) : error(v2025, 404, "NotFound", "Not Found");
            default -> {
                Code code = rule.codes.get(p.get(3));
                if (code == null) {
                    yield error(v2025, 404, "NotFound", "Not Found");
                }
                if (endpoint == Endpoint.DELETE_CODE) {
                    rule.codes.remove(code.id);
                    yield ok(v2025, map(), 200);
                }
                if (endpoint == Endpoint.UPDATE_CODE) {
                    String text = r.json().get("discount_code") instanceof Map<?, ?> m
                            && m.get("code") instanceof String s ? s : null;
                    if (text == null || text.isBlank() || exists(text, code)) {
                        yield error(v2025, 400, "InvalidParameter", "code is invalid or already exists");
                    }
                    code.code = text;
                    code.updatedAt = clock.instant();
                }
                yield ok(v2025, map("discount_code", codeJson(code, v2025)), 200);
            }
        };
    }

    @Override
    protected String errorBody(int status, String message) {
        return Json.write(map("errors", List.of(message)));
    }

    private SimResponse createCodes(SimRequest r, boolean v2025, Rule rule, List<?> items, boolean batch) {
        List<Code> fresh = new ArrayList<>();
        for (Object item : items) {
            String text = item instanceof Map<?, ?> m && m.get("code") instanceof String s ? s : null;
            if (text == null || text.isBlank() || exists(text, null)
                    || fresh.stream().anyMatch(f -> f.code.equalsIgnoreCase(text))) {
                return error(v2025, 400, "InvalidParameter", "code is invalid or already exists");
            }
            fresh.add(new Code(rule.id, text, clock.instant()));
        }
        fresh.forEach(c -> rule.codes.put(c.id, c));
        List<Object> json = fresh.stream().map(c -> (Object) codeJson(c, v2025)).toList();
        return ok(v2025, batch || createAnswersArray ? map("discount_codes", json) : map("discount_code", json.get(0)),
                201);
    }

    private boolean exists(String text, Code except) {
        return rules.values().stream().flatMap(x -> x.codes.values().stream())
                .anyMatch(c -> c != except && c.code.equalsIgnoreCase(text));
    }

    /** Reads a rule body (numbers and timestamps in either dialect); an error message, or null. */
    private String applyRule(Rule rule, Object body) {
        if (!(body instanceof Map<?, ?> m) || !(m.get("title") instanceof String title) || title.isBlank()) {
            return "price_rule.title is required";
        }
        String type = String.valueOf(m.get("value_type"));
        if (!type.equals("percentage") && !type.equals("fixed_amount")) {
            return "price_rule.value_type must be percentage or fixed_amount";
        }
        try {
            rule.title = title;
            rule.valueType = type;
            rule.value = new BigDecimal(String.valueOf(m.get("value"))).abs();
            rule.usageLimit = new BigDecimal(String.valueOf(m.get("usage_limit"))).longValueExact();
            rule.startsAt = instant(String.valueOf(m.get("starts_at")));
            Object end = m.get("ends_at");
            rule.endsAt = end == null || String.valueOf(end).equals("-1") ? null : instant(String.valueOf(end));
            return null;
        } catch (RuntimeException e) {
            return "price_rule is invalid: " + e.getClass().getSimpleName();
        }
    }

    private Instant instant(String text) {
        return text.contains("T") ? Instant.parse(text)
                : java.time.LocalDateTime.parse(text, SPACED).atZone(storeZone).toInstant();
    }

    /** A rule as Shoplazza's price-rule pages show one; {@code times_used} is the sum of its codes' uses. */
    private Map<String, Object> ruleJson(Rule r, boolean v2025) {
        long timesUsed = r.codes.values().stream().mapToLong(c -> c.usageCount).sum();
        return v2025
                ? map("id", r.id, "title", r.title, "value_type", r.valueType, "value", r.value.negate(),
                        "usage_limit", r.usageLimit, "times_used", timesUsed, "allocation_method", "across",
                        "allocation_limit", r.allocationLimit, "once_per_customer", r.oncePerCustomer,
                        "customer_selection", "all", "target_selection", "all", "target_type", "line_item",
                        "starts_at", r.startsAt.toString(), "ends_at", r.endsAt == null ? null : r.endsAt.toString())
                : map("id", r.id, "title", r.title, "value_type", r.valueType,
                        "value", r.value.negate().setScale(4).toPlainString(), "usage_limit", String.valueOf(r.usageLimit),
                        "times_used", String.valueOf(timesUsed), "allocation_method", "across",
                        "allocation_limit", String.valueOf(r.allocationLimit),
                        "once_per_customer", String.valueOf(r.oncePerCustomer), "customer_selection", "all",
                        "target_selection", "all", "target_type", "line_item",
                        "starts_at", spaced(r.startsAt), "ends_at", r.endsAt == null ? "-1" : spaced(r.endsAt));
    }

    private Map<String, Object> codeJson(Code c, boolean v2025) {
        return v2025
                ? map("id", c.id, "price_rule_id", c.ruleId, "code", c.code, "created_at", c.createdAt.toString(),
                        "updated_at", c.updatedAt.toString(), "use_with_other", 1, "usage_count", c.usageCount)
                : map("id", c.id, "price_rule_id", c.ruleId, "code", c.code, "created_at", spaced(c.createdAt),
                        "updated_at", spaced(c.updatedAt), "use_with_other", "1",
                        "usage_count", String.valueOf(c.usageCount));
    }

    private String spaced(Instant instant) {
        return SPACED.format(instant.atZone(storeZone));
    }

    /** 2022-01: {@code limit} (≤ 250) and {@code page}; 2025-06: {@code cursor} and {@code page_size} (1–250). */
    private SimResponse page(SimRequest r, boolean v2025, String name, List<?> all) {
        int size = v2025 ? r.intParam("page_size", 50) : r.intParam("limit", 50);
        if (size < 1 || size > 250) {
            return error(v2025, 400, "InvalidParameter", "page size must be 1 to 250");
        }
        int from;
        if (v2025) {
            try {
                from = r.param("cursor").map(c -> Integer.parseInt(new String(Base64.getUrlDecoder().decode(c),
                        StandardCharsets.UTF_8))).orElse(0);
            } catch (IllegalArgumentException e) {
                return error(true, 400, "InvalidParameter", "invalid cursor");
            }
        } else {
            from = (Math.max(1, r.intParam("page", 1)) - 1) * size;
        }
        int start = Math.min(from, all.size());
        int to = Math.min(all.size(), start + size);
        List<?> items = all.subList(start, to);
        if (!v2025) {
            return SimResponse.json(200, map(name, items, "count", String.valueOf(all.size())));
        }
        return ok(true, map(name, items, "cursor", to < all.size() ? Base64.getUrlEncoder().encodeToString(
                String.valueOf(to).getBytes(StandardCharsets.UTF_8)) : "", "has_more", to < all.size()), 200);
    }

    private SimResponse oauth(SimRequest r) {
        Map<String, Object> body = r.json();
        if (!CLIENT_ID.equals(body.get("client_id")) || !CLIENT_SECRET.equals(body.get("client_secret"))) {
            return SimResponse.json(401, map("error", "invalid_client"));
        }
        if (!"refresh_token".equals(body.get("grant_type")) || !refreshToken.equals(body.get("refresh_token"))) {
            return SimResponse.json(400, map("error", "invalid_grant"));
        }
        String access = "slz-at-" + SimCodes.code(random, 6).replace("-", "").toLowerCase(Locale.ROOT);
        refreshToken = "slz-rt-" + SimCodes.code(random, 6).replace("-", "").toLowerCase(Locale.ROOT);
        Instant expires = clock.instant().plus(oauthLifetime);
        oauthTokens.put(access, expires);
        issued.add(access);
        issued.add(refreshToken);
        return SimResponse.json(200, map("access_token", access, "token_type", "Bearer",
                "refresh_token", refreshToken, "expires_at", expires.getEpochSecond(),
                "expires_in", oauthLifetime.toSeconds()));
    }

    /** The rate bucket: by default Shoplazza's, 40 requests refilled at 2 per second. */
    private boolean takeFromBucket() {
        Instant now = clock.instant();
        if (bucketAt != null) {
            bucket = Math.min(capacity, bucket + Duration.between(bucketAt, now).toNanos() * refillPerSecond / 1e9);
        }
        bucketAt = now;
        if (bucket < 1) {
            return false;
        }
        bucket -= 1;
        return true;
    }

    private SimResponse ok(boolean v2025, Map<String, Object> data, int status) {
        if (!v2025) {
            return SimResponse.json(status, data);
        }
        Object code = SUCCESS_CODES.get(envelopeSpelling++ % SUCCESS_CODES.size());
        return SimResponse.json(status, map("code", code, "message", "success", "data", data));
    }

    private static SimResponse error(boolean v2025, int status, String code, String message) {
        if (v2025) {
            return SimResponse.json(status, map("code", code, "message", message));
        }
        return SimResponse.json(status, status == 401 ? map("error", message) : map("errors", List.of(message)));
    }

    /**
     * Runs the simulator standalone: {@code java ... ShoplazzaSimulator [port]} (default 8184).
     *
     * @param args the port to listen on, optional
     * @throws InterruptedException when the thread serving until the process ends is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8184;
        ShoplazzaSimulator simulator = ShoplazzaSimulator.onPort(port).withSampleData();
        simulator.start();
        System.out.println("Shoplazza simulator at " + simulator.baseUrl() + " (Access-Token " + DEFAULT_ACCESS_TOKEN + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
