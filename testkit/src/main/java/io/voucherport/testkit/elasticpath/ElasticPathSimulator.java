package io.voucherport.testkit.elasticpath;

import static io.voucherport.testkit.sim.SimJson.map;

import com.github.tomakehurst.wiremock.common.Json;
import io.voucherport.testkit.sim.SimCodes;
import io.voucherport.testkit.sim.SimRequest;
import io.voucherport.testkit.sim.SimResponse;
import io.voucherport.testkit.sim.Simulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Elastic Path promotions simulator, written from Elastic Path's documentation:
 *
 * <ul>
 *   <li><b>Tokens</b>: {@code POST /oauth/access_token} (form-encoded) with
 *       {@code client_credentials} (id + secret; full access) or {@code implicit} (id only; read
 *       only: writes answer 403); tokens expire after an hour by the simulator's clock; 401 with
 *       {@code errors} as a single object otherwise.</li>
 *   <li><b>Both engines</b>: standard promotions under {@code /v2/promotions} (codes keyed by their
 *       text, consume units {@code per_cart}/{@code per_item}, at most 1,000 codes) and Promotions
 *       Builder under {@code /v2/rule-promotions} (codes with ids, case-insensitive, consume units
 *       {@code per_application}/{@code per_checkout}).</li>
 *   <li><b>Paging</b> {@code page[limit]} (≤ 100) and {@code page[offset]} (above 10,000 refused),
 *       with {@code meta.results.total}; codes listed in the nested shape of the published example
 *       ({@code data: [{data: {codes: [...]}}]}) or, after {@link #flatCodeLists}, flat.</li>
 *   <li><b>Jobs</b>: {@code code_generate} and {@code code_export}, one active job per promotion
 *       (400 "Too many jobs"); each listing of jobs moves them on ({@code pending → processing →
 *       completed}, or {@code cancelling → cancelled}).</li>
 *   <li><b>Rate</b>: an optional requests-per-second limit (429 without Retry-After), and the
 *       same fault injection as the other simulators.</li>
 * </ul>
 */
public final class ElasticPathSimulator extends Simulator<ElasticPathSimulator.Endpoint> {

    /** The client id the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_ID = "ep-sim-client-8c1d";
    /** The client secret the simulator accepts unless told otherwise. */
    public static final String DEFAULT_CLIENT_SECRET = "ep-sim-secret-5e0b7d2a91f3c648";
    /** Largest offset Elastic Path serves. */
    public static final int MAX_OFFSET = 10_000;

    /** The simulated endpoints. */
    public enum Endpoint {
        /** {@code POST /oauth/access_token}: a client-credentials or implicit token. */
        TOKEN,
        /** Lists promotions, page by page. */
        LIST_PROMOTIONS,
        /** Reads one promotion. */
        GET_PROMOTION,
        /** Lists a promotion's codes, by offset, up to {@link #MAX_OFFSET}. */
        LIST_CODES,
        /** Creates codes on a promotion (at most 100 per request). */
        CREATE_CODES,
        /** Deletes codes of a promotion in bulk. */
        DELETE_CODES,
        /** Deletes one code. */
        DELETE_CODE,
        /** Starts a code generation or export job. */
        CREATE_JOB,
        /** Lists a promotion's jobs. */
        LIST_JOBS,
        /** {@code POST …/cancel}: cancels a job. */
        CANCEL_JOB,
        /** {@code GET …/file}: the link to an export job's file. */
        JOB_FILE
    }

    private static final Pattern FILTER = Pattern.compile("eq\\(code,(.+)\\)");

    private static final class Code {
        final String id = UUID.randomUUID().toString();
        final String code;
        final String consumeUnit;
        Object user;
        final Integer maxUses;
        final boolean legacy;
        final Instant createdAt;
        int used;

        Code(String code, String consumeUnit, String user, Integer maxUses, boolean legacy, Instant createdAt) {
            this.code = code;
            this.consumeUnit = consumeUnit;
            this.user = user;
            this.maxUses = maxUses;
            this.legacy = legacy;
            this.createdAt = createdAt;
        }
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String type;
        final Map<String, Object> parameters;
        String status = "pending";
        String file;
        String error;

        Job(String type, Map<String, Object> parameters) {
            this.type = type;
            this.parameters = parameters;
        }
    }

    private static final class Promotion {
        final String id;
        final boolean rule;
        final String name;
        final Instant start;
        final Instant end;
        final Map<String, Code> codes = new LinkedHashMap<>();
        final List<Job> jobs = new ArrayList<>();

        Promotion(String id, boolean rule, String name, Instant start, Instant end) {
            this.id = id;
            this.rule = rule;
            this.name = name;
            this.start = start;
            this.end = end;
        }

        String key(String code) {
            return rule ? code.toLowerCase(Locale.ROOT) : code;
        }
    }

    private record Token(Instant expires, boolean readOnly) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Promotion> promotions = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final List<String> fileLinks = new ArrayList<>();
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private Clock clock = Clock.systemUTC();
    private boolean flat;
    private int perSecond;
    private long windowSecond = -1;
    private int windowCount;

    private ElasticPathSimulator(int port) {
        super("elasticpath", port, Endpoint.class);
    }

    /** {@return a simulator on any free port, not started} */
    public static ElasticPathSimulator create() {
        return new ElasticPathSimulator(0);
    }

    /**
     * {@return a simulator on {@code port}, not started}
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static ElasticPathSimulator onPort(int port) {
        return new ElasticPathSimulator(port);
    }

    /**
     * Accepts these credentials instead of the defaults.
     *
     * @param id the client id an adapter must send, not null
     * @param secret the client secret an adapter must send for {@code client_credentials}, not null
     * @return this simulator
     */
    public synchronized ElasticPathSimulator credentials(String id, String secret) {
        this.clientId = Objects.requireNonNull(id);
        this.clientSecret = Objects.requireNonNull(secret);
        return this;
    }

    /**
     * The clock for token expiry, rate windows and timestamps.
     *
     * @param clock the clock to read time from, not null
     * @return this simulator
     */
    public synchronized ElasticPathSimulator clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * Lists codes flat ({@code data: [{code…}]}) instead of nested.
     *
     * @param flatLists whether flat lists
     * @return this simulator
     */
    public synchronized ElasticPathSimulator flatCodeLists(boolean flatLists) {
        this.flat = flatLists;
        return this;
    }

    /**
     * 429 beyond {@code requests} per clock second (0: no limit).
     *
     * @param requests requests allowed per clock second, 0 for no limit
     * @return this simulator
     */
    public synchronized ElasticPathSimulator rateLimit(int requests) {
        this.perSecond = requests;
        return this;
    }

    /**
     * Adds a promotion with {@code codeCount} codes named {@code <PREFIX>-000001…}; every third
     * code is a legacy code (remaining uses only), every fifth unlimited.
     *
     * @param id the promotion's id, unique in this simulator
     * @param ruleBased whether rule based
     * @param name the promotion's display name
     * @param codeCount how many codes to create, 0 or more
     * @return this simulator
     */
    public synchronized ElasticPathSimulator promotion(String id, boolean ruleBased, String name, int codeCount) {
        Instant now = clock.instant();
        Promotion p = new Promotion(id, ruleBased, name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        String prefix = id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        for (int i = 1; i <= codeCount; i++) {
            String text = String.format(Locale.ROOT, "%s-%06d", prefix, i);
            Integer max = i % 5 == 0 ? null : 10;
            Code code = new Code(text, ruleBased ? "per_checkout" : "per_cart", i % 7 == 0 ? "customer-" + i : null,
                    max, !ruleBased && i % 3 == 0, now);
            code.used = i % 4;
            p.codes.put(p.key(text), code);
        }
        promotions.put(id, p);
        return this;
    }

    /**
     * Restricts code {@code code} of promotion {@code id} to {@code users}, sent as an array of
     * customer ids (Elastic Path's {@code user} is one id or an array of them).
     *
     * @param id the promotion's id
     * @param code the text of one of its codes
     * @param users the customer ids (or other texts) allowed to use it, in order
     * @return this simulator
     */
    public synchronized ElasticPathSimulator restrict(String id, String code, String... users) {
        Promotion p = promotions.get(id);
        Code c = p == null ? null : p.codes.get(p.key(code));
        if (c == null) {
            throw new IllegalArgumentException("no code " + code + " in promotion " + id);
        }
        c.user = List.of(users);
        return this;
    }

    /**
     * Two standard promotions ({@code std-summer} with 250 codes, {@code std-empty}) and a rule-based one with 120.
     *
     * @return this simulator
     */
    public synchronized ElasticPathSimulator withSampleData() {
        promotion(ElasticPathSampleData.SUMMER, false, "Summer sale", ElasticPathSampleData.SUMMER_CODES);
        promotion(ElasticPathSampleData.EMPTY, false, "Empty shelf", 0);
        promotion(ElasticPathSampleData.WELCOME, true, "Welcome (Promotions Builder)", ElasticPathSampleData.WELCOME_CODES);
        return this;
    }

    /**
     * {@return how many codes promotion {@code id} holds}
     *
     * @param id the promotion's id
     */
    public synchronized int codeCount(String id) {
        return promotions.get(id).codes.size();
    }

    /**
     * {@return whether promotion {@code id} holds {@code code} (case-insensitive for rule-based promotions)}
     *
     * @param id the promotion's id
     * @param code the code's text
     */
    public synchronized boolean holds(String id, String code) {
        Promotion p = promotions.get(id);
        return p.codes.containsKey(p.key(code));
    }

    /** {@return every export file link handed out (secrets, for leak tests)} */
    public synchronized List<String> fileLinks() {
        return List.copyOf(fileLinks);
    }

    /** {@return every token issued (secrets, for leak tests)} */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /** Invalidates every token issued so far (the next call with one answers 401). */
    public synchronized void revokeTokens() {
        tokens.clear();
    }

    @Override
    protected Endpoint endpointOf(SimRequest r) {
        List<String> s = r.segments();
        String m = r.method();
        if (s.equals(List.of("oauth", "access_token"))) {
            return m.equals("POST") ? Endpoint.TOKEN : null;
        }
        if (s.size() < 2 || !s.get(0).equals("v2") || !(s.get(1).equals("promotions") || s.get(1).equals("rule-promotions"))) {
            return null;
        }
        String last = s.get(s.size() - 1);
        return switch (s.size()) {
            case 2 -> m.equals("GET") ? Endpoint.LIST_PROMOTIONS : null;
            case 3 -> m.equals("GET") ? Endpoint.GET_PROMOTION : null;
            case 4 -> switch (s.get(3)) {
                case "codes" -> m.equals("GET") ? Endpoint.LIST_CODES : m.equals("POST") ? Endpoint.CREATE_CODES
                        : m.equals("DELETE") ? Endpoint.DELETE_CODES : null;
                case "jobs" -> m.equals("GET") ? Endpoint.LIST_JOBS : m.equals("POST") ? Endpoint.CREATE_JOB : null;
                default -> null;
            };
            case 5 -> s.get(3).equals("codes") && m.equals("DELETE") ? Endpoint.DELETE_CODE : null;
            case 6 -> !s.get(3).equals("jobs") ? null
                    : last.equals("cancel") && m.equals("POST") ? Endpoint.CANCEL_JOB
                    : last.equals("file") && m.equals("GET") ? Endpoint.JOB_FILE : null;
            default -> null;
        };
    }

    @Override
    protected SimResponse handle(Endpoint endpoint, SimRequest r) {
        if (perSecond > 0) {
            long second = clock.instant().getEpochSecond();
            if (second != windowSecond) {
                windowSecond = second;
                windowCount = 0;
            }
            if (++windowCount > perSecond) {
                return SimResponse.json(429, map("errors", List.of(map("status", "429", "title", "Too Many Requests"))));
            }
        }
        if (endpoint == Endpoint.TOKEN) {
            return token(r);
        }
        String header = r.header("Authorization").orElse("");
        Token token = header.startsWith("Bearer ") ? tokens.get(header.substring(7).strip()) : null;
        if (token == null || !clock.instant().isBefore(token.expires())) {
            return SimResponse.json(401, map("errors", map("status", 401, "title", "Unauthorized")));
        }
        boolean write = !r.method().equals("GET");
        if (write && token.readOnly()) {
            return error(403, "Forbidden", "an implicit token cannot change promotions");
        }
        boolean rule = r.segments().get(1).equals("rule-promotions");
        if (endpoint == Endpoint.LIST_PROMOTIONS) {
            return listPromotions(r, rule);
        }
        Promotion p = promotions.get(r.segments().get(2));
        if (p == null || p.rule != rule) {
            return error(404, "Not Found", "promotion not found");
        }
        return switch (endpoint) {
            case GET_PROMOTION -> SimResponse.json(200, map("data", promotionJson(p)));
            case LIST_CODES -> listCodes(r, p);
            case CREATE_CODES -> createCodes(r, p);
            case DELETE_CODES -> deleteCodes(r, p);
            case DELETE_CODE -> deleteCode(r.segments().get(4), p);
            case CREATE_JOB -> createJob(r, p);
            case LIST_JOBS -> listJobs(p);
            case CANCEL_JOB -> cancelJob(r.segments().get(4), p);
            case JOB_FILE -> file(r.segments().get(4), p);
            default -> error(404, "Not Found", "no such endpoint");
        };
    }

    @Override
    protected String errorBody(int status, String message) {
        return Json.write(map("errors", List.of(map("status", String.valueOf(status), "title", message))));
    }

    private SimResponse token(SimRequest r) {
        Map<String, String> form = new HashMap<>();
        for (String pair : r.body() == null ? new String[0] : r.body().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String grant = form.getOrDefault("grant_type", "");
        boolean implicit = grant.equals("implicit");
        if (!implicit && !grant.equals("client_credentials")) {
            return error(400, "Bad Request", "unsupported grant_type");
        }
        if (!clientId.equals(form.get("client_id")) || !implicit && !clientSecret.equals(form.get("client_secret"))) {
            return error(401, "Unauthorized", "invalid client credentials");
        }
        Instant expires = clock.instant().plus(Duration.ofHours(1));
        String token = SimCodes.code(random, 10).replace("-", "").toLowerCase(Locale.ROOT);
        tokens.put(token, new Token(expires, implicit));
        return SimResponse.json(200, map("access_token", token, "token_type", "Bearer",
                "expires", expires.getEpochSecond(), "expires_in", 3600, "identifier", grant));
    }

    private SimResponse listPromotions(SimRequest r, boolean rule) {
        List<Promotion> matching = new ArrayList<>();
        String filter = r.param("filter").orElse(null);
        Matcher m = filter == null ? null : FILTER.matcher(filter);
        if (filter != null && !m.matches()) {
            return error(400, "Bad Request", "unsupported filter");
        }
        for (Promotion p : promotions.values()) {
            if (p.rule == rule && (m == null || p.codes.containsKey(p.key(m.group(1))))) {
                matching.add(p);
            }
        }
        return page(r, matching.stream().map(this::promotionJson).toList(), false);
    }

    private SimResponse listCodes(SimRequest r, Promotion p) {
        return page(r, new ArrayList<>(p.codes.values()), !p.rule);
    }

    /** One page of {@code all}: codes (rendered only for the page) or ready JSON items. */
    private SimResponse page(SimRequest r, List<?> all, boolean standard) {
        int limit = r.intParam("page[limit]", 25);
        int offset = r.intParam("page[offset]", 0);
        if (limit < 1 || limit > 100) {
            return error(400, "Bad Request", "page[limit] must be 1 to 100");
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            return error(400, "Bad Request", "page[offset] must be 0 to " + MAX_OFFSET);
        }
        int from = Math.min(offset, all.size());
        List<?> slice = all.subList(from, Math.min(all.size(), from + limit));
        List<Object> items = new ArrayList<>();
        for (Object o : slice) {
            items.add(o instanceof Code c ? codeJson(c, standard) : o);
        }
        boolean codeList = !slice.isEmpty() && slice.get(0) instanceof Code;
        Object data = codeList && !flat ? List.of(map("data", map("codes", items))) : items;
        int pages = (all.size() + limit - 1) / limit;
        String base = r.path() + "?page[limit]=" + limit + "&page[offset]=";
        Map<String, Object> links = map("current", base + offset, "first", base + 0,
                "last", pages <= 1 ? null : base + (pages - 1) * limit,
                // like published examples, "next" is not reliable: it is always set
                "next", base + (offset + limit), "prev", offset == 0 ? null : base + Math.max(0, offset - limit));
        return SimResponse.json(200, map("data", data, "links", links, "meta", map(
                "page", map("current", offset / limit + 1, "limit", limit, "offset", offset, "total", pages),
                "results", map("total", all.size()))));
    }

    private Map<String, Object> codeJson(Code c, boolean standard) {
        Map<String, Object> json = map("code", c.code, "consume_unit", c.consumeUnit);
        if (!standard) {
            json.put("id", c.id);
        }
        if (c.user != null) {
            json.put("user", c.user);
        }
        if (c.maxUses != null) {
            json.put("uses", Math.max(0, c.maxUses - c.used));
            if (!c.legacy) {
                json.put("max_uses", c.maxUses);
            }
        }
        json.put("created_by", "sim");
        json.put("meta", map("timestamps", map("created_at", c.createdAt.toString())));
        return json;
    }

    private Map<String, Object> promotionJson(Promotion p) {
        return map("id", p.id, "type", p.rule ? "rule_promotion" : "promotion", "name", p.name, "enabled", true,
                "start", p.start.toString(), "end", p.end.toString(), "automatic", false);
    }

    @SuppressWarnings("unchecked")
    private SimResponse createCodes(SimRequest r, Promotion p) {
        Map<String, Object> data = r.json().get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        if (!"promotion_codes".equals(data.get("type")) || !(data.get("codes") instanceof List<?> list)) {
            return error(400, "Bad Request", "data.type must be promotion_codes with codes");
        }
        if (!p.rule && p.codes.size() + list.size() > 1000) {
            return error(400, "Bad Request", "a promotion holds at most 1000 codes");
        }
        List<Code> fresh = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> c = (Map<String, Object>) item;
            String text = c.get("code") instanceof String s ? s : null;
            if (text == null || text.isBlank() || p.codes.containsKey(p.key(text))
                    || fresh.stream().anyMatch(f -> p.key(f.code).equals(p.key(text)))) {
                return error(422, "Unprocessable Entity", "code " + text + " already exists or is empty");
            }
            String unit = c.get("consume_unit") == null ? (p.rule ? "per_application" : "per_cart")
                    : String.valueOf(c.get("consume_unit"));
            boolean validUnit = p.rule ? unit.equals("per_application") || unit.equals("per_checkout")
                    : unit.equals("per_cart") || unit.equals("per_item");
            if (!validUnit) {
                return error(400, "Bad Request", "consume_unit " + unit + " is not valid here");
            }
            Integer uses = c.get("uses") instanceof Number n ? n.intValue() : null;
            Code made = new Code(text, unit, null, uses, false, clock.instant());
            made.user = c.get("user") instanceof String || c.get("user") instanceof List<?> ? c.get("user") : null;
            fresh.add(made);
        }
        fresh.forEach(c -> p.codes.put(p.key(c.code), c));
        return SimResponse.json(201, map("data", promotionJson(p)));
    }

    @SuppressWarnings("unchecked")
    private SimResponse deleteCodes(SimRequest r, Promotion p) {
        Object data = r.json().get("data");
        Object codes = data instanceof Map<?, ?> d ? d.get("codes") : r.json().get("codes");
        if (!(codes instanceof List<?> list)) {
            return error(400, "Bad Request", "codes to delete are required");
        }
        for (Object item : list) {
            Object text = item instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("code") : item;
            if (text instanceof String s) {
                p.codes.remove(p.key(s));
            }
        }
        return SimResponse.noContent();
    }

    private SimResponse deleteCode(String key, Promotion p) {
        if (p.rule) {
            String found = p.codes.entrySet().stream().filter(e -> e.getValue().id.equals(key)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (found == null) {
                return error(404, "Not Found", "code not found");
            }
            p.codes.remove(found);
            return SimResponse.noContent();
        }
        return p.codes.remove(key) == null ? error(404, "Not Found", "code not found") : SimResponse.noContent();
    }

    @SuppressWarnings("unchecked")
    private SimResponse createJob(SimRequest r, Promotion p) {
        if (p.jobs.stream().anyMatch(j -> !terminal(j))) {
            return error(400, "Bad Request", "Too many jobs");
        }
        Map<String, Object> data = r.json().get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        Object type = data.get("job_type");
        Map<String, Object> params = data.get("parameters") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if ("code_generate".equals(type)) {
            int count = params.get("number_of_codes") instanceof Number n ? n.intValue() : 0;
            int length = params.get("code_length") instanceof Number n ? n.intValue() : 0;
            if (count < 1 || count > 1000 || length < 8 || length > 16) {
                return error(400, "Bad Request", "number_of_codes must be 1 to 1000 and code_length 8 to 16");
            }
        } else if (!"code_export".equals(type)) {
            return error(400, "Bad Request", "job_type must be code_generate or code_export");
        }
        Job job = new Job((String) type, params);
        p.jobs.add(job);
        return SimResponse.json(201, map("data", jobJson(job)));
    }

    private SimResponse listJobs(Promotion p) {
        for (Job job : p.jobs) {
            advance(job, p);
        }
        return SimResponse.json(200, map("data", p.jobs.stream().map(this::jobJson).toList(),
                "meta", map("results", map("total", p.jobs.size()))));
    }

    private void advance(Job job, Promotion p) {
        switch (job.status) {
            case "pending" -> job.status = "processing";
            case "cancelling" -> job.status = "cancelled";
            case "processing" -> {
                if (job.type.equals("code_generate")) {
                    int count = ((Number) job.parameters.get("number_of_codes")).intValue();
                    int length = ((Number) job.parameters.get("code_length")).intValue();
                    String prefix = job.parameters.get("code_prefix") instanceof String s ? s : "";
                    Integer max = job.parameters.get("max_uses_per_code") instanceof Number n ? n.intValue() : null;
                    String unit = job.parameters.get("consume_unit") instanceof String s ? s
                            : p.rule ? "per_application" : "per_cart";
                    for (int i = 0; i < count; i++) {
                        String text = prefix + SimCodes.code(random, 4).replace("-", "")
                                .substring(0, Math.max(1, length - prefix.length()));
                        p.codes.put(p.key(text), new Code(text, unit, null, max, false, clock.instant()));
                    }
                } else {
                    job.file = "https://files.elasticpath.example/exports/" + UUID.randomUUID() + ".csv?sig="
                            + SimCodes.code(random, 4).replace("-", "");
                    fileLinks.add(job.file);
                }
                job.status = "completed";
            }
            default -> {
                // terminal
            }
        }
    }

    private SimResponse cancelJob(String jobId, Promotion p) {
        Job job = p.jobs.stream().filter(j -> j.id.equals(jobId)).findFirst().orElse(null);
        if (job == null) {
            return error(404, "Not Found", "job not found");
        }
        if (!terminal(job)) {
            job.status = "cancelling";
        }
        return SimResponse.json(200, map("data", jobJson(job)));
    }

    private SimResponse file(String jobId, Promotion p) {
        Job job = p.jobs.stream().filter(j -> j.id.equals(jobId)).findFirst().orElse(null);
        if (job == null) {
            return error(404, "Not Found", "job not found");
        }
        if (job.file == null) {
            return error(400, "Bad Request", "the job has no file");
        }
        return SimResponse.json(200, map("data", map("type", "promotion_job_file", "href", job.file)));
    }

    private Map<String, Object> jobJson(Job job) {
        Map<String, Object> json = map("id", job.id, "type", "promotion_job", "job_type", job.type,
                "status", job.status, "parameters", job.parameters);
        if (job.error != null) {
            json.put("error", job.error);
        }
        return json;
    }

    private static boolean terminal(Job job) {
        return job.status.equals("completed") || job.status.equals("failed") || job.status.equals("cancelled");
    }

    private static SimResponse error(int status, String title, String detail) {
        return SimResponse.json(status, map("errors", List.of(map("status", status, "title", title, "detail", detail))));
    }

    /**
     * Runs the simulator standalone: {@code java ... ElasticPathSimulator [port]} (default 8183).
     *
     * @param args the port to listen on, optional
     * @throws InterruptedException when the thread serving until the process ends is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8183;
        ElasticPathSimulator simulator = ElasticPathSimulator.onPort(port).withSampleData();
        simulator.start();
        System.out.println("Elastic Path simulator at " + simulator.baseUrl() + " (client_id " + DEFAULT_CLIENT_ID + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
