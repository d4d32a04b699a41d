package io.voucherport.fidelity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the providers' documentation ({@code ../shared/providers}: the fact sheets {@code *.md} and
 * the seed pages {@code seed-docs/*.txt}, outside the repository) into the documented fields of each
 * provider, and writes them as the committed test inputs under
 * {@code sandbox/src/test/resources/providers/}: each JSON example of a seed page as it is
 * ({@code examples/<page>-<n>-<kind>.json}) and the field list ({@code <provider>.fields}: one
 * field a line, {@code path<TAB>sources}).
 *
 * <ul>
 *   <li>Seed pages: every JSON value in the text (a line starting with <code>{</code> or
 *       <code>[</code> that parses) is an example; its leaves are fields, written as paths
 *       ({@code data.products[].unitPrice.amount}; a map keyed by SKU is {@code <sku>}, by currency
 *       {@code <currency>}). An example is a request when the page's last heading before it says
 *       "Request", an error when its only field is {@code error}/{@code errors}. Shoplazza's page
 *       has no JSON example but a table of fields with an example each: the table is the example.</li>
 *   <li>Fact sheets: every backticked span. A brace span ({@code {a, b: {c}, d: [{e}]}}, also
 *       {@code data = {...}} and {@code name {...}}) gives the paths of its keys; a span that is one
 *       name or path ({@code unitPriceOriginal}, {@code meta.timestamps.created_at},
 *       {@code redeem[sku].value/currency}) gives that path, unless {@link #IGNORED} says it is not
 *       a field (an endpoint, a header, a parameter, an enum value, a type). A sheet path that is
 *       the tail of an example's path is that field.</li>
 * </ul>
 * Run by {@link FieldCoverageTest}: when the documentation is present the committed inputs must
 * equal a fresh extraction ({@code -Dvoucherport.writeDocs=true} rewrites them).
 */
final class DocumentedFields {

    /** The providers: key, fact sheet, seed-page prefix. */
    static final List<Provider> PROVIDERS = List.of(
            new Provider("ez", "EZ Cards", "ez-cards.md", "ez-cards-"),
            new Provider("gifthub", "GiftHub", "gifthub.md", "gifthub-"),
            new Provider("elastic-path", "Elastic Path", "elastic-path-promotions.md", "elastic-path-"),
            new Provider("shoplazza", "Shoplazza", "shoplazza-discounts.md", "shoplazza-"));

    /**
     * Backticked words of the fact sheets that are not JSON fields, each with why. A span is also
     * not a field when it starts with an HTTP method or {@code /} (an endpoint), contains
     * {@code ://} or <code>{{</code> (a URL), is {@code name=value} (a query or form parameter),
     * {@code Name: value} outside braces (a header), a quoted string or a number (a value), or is
     * written in capitals (an enum value, an error code or a currency).
     */
    static final Map<String, String> IGNORED = ignored();

    private static Map<String, String> ignored() {
        Map<String, String> m = new TreeMap<>();
        String type = "a type in the sheet's notation, not a field";
        for (String t : List.of("BigDecimal", "double", "String", "Integer", "Boolean", "Money", "number")) {
            m.put(t, type);
        }
        String value = "an enum value or a literal the sheet quotes, not a field";
        for (String v : List.of("per_cart", "per_item", "per_application", "per_checkout", "pending", "processing",
                "completed", "failed", "cancelling", "cancelled", "code_generate", "code_export", "client_credentials",
                "implicit", "fixed", "range", "time", "custom_fixed", "local", "global", "created", "confirmed",
                "rejected", "partial", "successful", "balance", "paid", "main-product", "discounts", "fee",
                "exchange-base-currency", "exchange-target-currency", "order-commission", "item-total",
                "price_rules", "write_price_rules", "discount_codes")) {
            m.put(v, value);
        }
        String header = "an HTTP header, not a body field";
        for (String h : List.of("Authorization", "x-api-key", "client-id", "client-secret", "Access-Token",
                "Retry-After")) {
            m.put(h, header);
        }
        String param = "a query or form parameter of a request, not an answer field";
        for (String p : List.of("page[limit]", "page[offset]", "cursor", "page_size", "limit", "page",
                "grant_type", "client_id", "client_secret", "pageToken", "pageSize", "parentId", "orderId",
                "webhookUrl", "code_prefix", "code_length", "max_uses_per_code", "job_type")) {
            m.put(p, param);
        }
        m.put("IRT", "a currency code the sheet discusses, not a field");
        m.put("seed-docs", "a directory of the documentation");
        m.put("api.example.com", "the host of EZ's examples");
        m.put("java.util.Currency", "a Java class the sheet discusses");
        for (String p : List.of("pairs", "base", "quote", "stockIds")) {
            m.put(p, "a query parameter of EZ's Get Codes or Get Exchange Rates, not an answer field");
        }
        m.put("ISO-8601", type);
        m.put("ISO-4217", type);
        m.put("adapter-ez", "a module name");
        m.put("adapter-giftcard", "a module name");
        m.put("adapter-promotions", "a module name");
        m.put("adapter-discounts", "a module name");
        m.put("discounts", "Shoplazza 2026-01's API name (`/discounts`) and a GiftHub invoice item type, not a field");
        return m;
    }

    /**
     * Sheet paths that share their tail with an example's field but are another field, each with
     * why: they get rows of their own.
     */
    static final Map<String, String> NOT_THE_EXAMPLE_FIELD = Map.of(
            "shoplazza code", "the 2025-06 envelope's status code, not the discount code's text (discount_code.code)");

    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern METHOD = Pattern.compile("^(GET|POST|PUT|DELETE|PATCH)\\b.*|^/.*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9][0-9.,:TZ -]*$");
    private static final Pattern WORD = Pattern.compile(
            "[A-Za-z0-9_$][A-Za-z0-9_\\-.$/]*(?:\\[[A-Za-z]*][A-Za-z0-9_\\-.$/]*)*");
    private static final Pattern SHOPLAZZA_ROW = Pattern.compile(
            "^(discount_code\\.[a-z_]+?)(string|integer|boolean)(.+?)(?=(?:[A-Z][a-z]*|ID) [a-z])");
    private static final Pattern SHOPLAZZA_ERROR_ROW = Pattern.compile(
            "^(errors?)(Array|String)\\s*(.+?)(?=[A-Z][a-z]* [a-z])");

    private DocumentedFields() {
    }

    /** A provider's documentation. */
    record Provider(String key, String name, String sheet, String seedPrefix) {
    }

    /** One JSON example of a seed page. */
    record Example(String page, int index, String kind, JsonNode json) {
        /** The file name of the committed copy. */
        String file() {
            return page.replaceFirst("\\.txt$", "") + "-" + index + "-" + kind + ".json";
        }
    }

    /** Everything extracted for one provider. */
    record Extraction(Provider provider, List<Example> examples, Map<String, Set<String>> fields) {
    }

    /** Extracts every provider from {@code docs} (the {@code shared/providers} directory). */
    static List<Extraction> extract(Path docs) throws IOException {
        List<Extraction> all = new ArrayList<>();
        for (Provider provider : PROVIDERS) {
            List<Example> examples = new ArrayList<>();
            List<Path> pages;
            try (Stream<Path> files = Files.list(docs.resolve("seed-docs"))) {
                pages = files.filter(f -> f.getFileName().toString().startsWith(provider.seedPrefix())).sorted().toList();
            }
            for (Path page : pages) {
                examples.addAll(examples(page.getFileName().toString(), Files.readString(page, StandardCharsets.UTF_8)));
            }
            Map<String, Set<String>> fields = new LinkedHashMap<>();
            for (Example example : examples) {
                for (String path : leaves(example.json())) {
                    String prefix = example.kind().equals("request") ? "request " : "";
                    fields.computeIfAbsent(prefix + path, p -> new LinkedHashSet<>()).add(example.file());
                }
            }
            for (String path : sheetPaths(Files.readString(docs.resolve(provider.sheet()), StandardCharsets.UTF_8))) {
                String tail = "." + path;
                boolean separate = NOT_THE_EXAMPLE_FIELD.containsKey(provider.key() + " " + path) || path.contains(": ");
                List<String> same = separate ? List.of() : fields.keySet().stream()
                        .filter(f -> !f.startsWith("sheet ") && (f.endsWith(tail) || f.equals(path)
                                || f.equals("request " + path) || f.startsWith("request ") && f.endsWith(" " + path)))
                        .toList();
                if (same.isEmpty()) {
                    fields.computeIfAbsent(separate && !path.contains(": ") ? "sheet " + path : path, p -> new LinkedHashSet<>()).add(provider.sheet());
                } else {
                    same.forEach(f -> fields.get(f).add(provider.sheet()));
                }
            }
            all.add(new Extraction(provider, examples, fields));
        }
        return all;
    }

    /** The committed files of {@code extractions}: relative path → content. */
    static Map<String, String> files(List<Extraction> extractions) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Extraction e : extractions) {
            for (Example example : e.examples()) {
                files.put("examples/" + example.file(), JSON.writeValueAsString(example.json()) + "\n");
            }
            StringBuilder list = new StringBuilder("# Fields documented for " + e.provider().name()
                    + ": path<TAB>where documented. Generated by DocumentedFields from ../shared/providers.\n");
            e.fields().forEach((path, sources) -> list.append(path).append('\t')
                    .append(String.join(", ", sources)).append('\n'));
            files.put(e.provider().key() + ".fields", list.toString());
        }
        return files;
    }

    /** The JSON examples of one seed page. */
    static List<Example> examples(String page, String text) throws IOException {
        List<Example> examples = new ArrayList<>();
        int index = 1;
        int from = 0;
        Matcher start = Pattern.compile("(?m)^[ \\t]*[\\[{]").matcher(text);
        while (start.find(from)) {
            int at = start.end() - 1;
            JsonNode json;
            int end;
            try (JsonParser parser = JSON_FACTORY.createParser(text.substring(at))) {
                json = JSON.readTree(parser);
                end = at + (int) parser.currentLocation().getCharOffset();
            } catch (IOException notJson) {
                from = at + 1;
                continue;
            }
            from = Math.max(end, at + 1);
            if (json == null || leaves(json).stream().noneMatch(p -> p.matches(".*[A-Za-z].*"))) {
                continue;
            }
            examples.add(new Example(page, index++, kind(text.substring(0, at), json), json));
        }
        if (page.startsWith("shoplazza-")) {
            examples.addAll(shoplazzaTables(page, text, index));
        }
        return examples;
    }

    /** Shoplazza's page documents its answer as a table (field, type, example, description). */
    private static List<Example> shoplazzaTables(String page, String text, int index) throws IOException {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode code = answer.putObject("discount_code");
        List<Example> examples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher row = SHOPLAZZA_ROW.matcher(line.strip());
            if (row.find()) {
                code.put(row.group(1).substring("discount_code.".length()), row.group(3));
            }
        }
        if (!code.isEmpty()) {
            examples.add(new Example(page, index++, "response-table", answer));
        }
        for (String line : text.split("\n")) {
            Matcher row = SHOPLAZZA_ERROR_ROW.matcher(line.strip());
            if (row.find()) {
                ObjectNode error = JsonNodeFactory.instance.objectNode();
                error.set(row.group(1), JSON.readTree(row.group(3)));
                examples.add(new Example(page, index++, "error-table", error));
            }
        }
        return examples;
    }

    private static String kind(String before, JsonNode json) {
        if (json.isObject() && json.size() == 1 && (json.has("errors") || json.has("error"))) {
            return "error";
        }
        int request = before.lastIndexOf("Request");
        int response = before.lastIndexOf("Response");
        return request > response ? "request" : "response";
    }

    /** The leaf paths of {@code json}, in document order. */
    static Set<String> leaves(JsonNode json) {
        Set<String> skus = new LinkedHashSet<>();
        json.findValues("sku").forEach(s -> skus.add(s.asText()));
        Set<String> paths = new LinkedHashSet<>();
        leaves(json, "", skus, paths);
        return paths;
    }

    private static void leaves(JsonNode node, String path, Set<String> skus, Set<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String segment = skus.contains(name) ? "<sku>" : name.matches("[A-Z]{3}") ? "<currency>" : name;
                leaves(node.get(name), path.isEmpty() ? segment : path + "." + segment, skus, paths);
            });
        } else if (node.isArray() && !node.isEmpty() && (node.get(0).isObject() || node.get(0).isArray())) {
            ArrayNode array = (ArrayNode) node;
            array.forEach(element -> leaves(element, path + "[]", skus, paths));
        } else if (node.isArray()) {
            paths.add(path + "[]");
        } else if (!path.isEmpty()) {
            paths.add(path);
        }
    }

    /**
     * The field paths a fact sheet names in backticks, in order. Where a span stands gives its
     * context: in a bullet that starts with a backticked name ({@code - `invoice`: `{total, ...}`})
     * the later spans are under that name (and under {@code <sku>} when the bullet says "keyed by
     * SKU"); in a bullet {@code - Label: ...} (but {@code - Response:}, the example's own shape) or a row of an endpoint table ({@code | call | ...})
     * the paths are that call's own ({@code "create order: id"}), apart from the example's fields.
     */
    static Set<String> sheetPaths(String sheet) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher span = Pattern.compile("`([^`]+)`").matcher(sheet);
        while (span.find()) {
            int lineStart = sheet.lastIndexOf('\n', span.start()) + 1;
            while (lineStart > 0 && sheet.startsWith("  ", lineStart)) {   // a bullet's continuation line
                lineStart = sheet.lastIndexOf('\n', lineStart - 2) + 1;
            }
            int lineEnd = sheet.indexOf('\n', span.start());
            String line = sheet.substring(lineStart, lineEnd < 0 ? sheet.length() : lineEnd);
            String text = span.group(1).replaceAll("/\\*.*?\\*/", " ").replace("…", " ").replace("...", " ").strip();
            if (isEndpointOrUrl(text)) {
                continue;
            }
            String context = "";
            String under = "";
            Matcher named = Pattern.compile("^- `([^`]+)`( \\([^)]*\\))?:").matcher(line);
            Matcher labelled = Pattern.compile("^- ([A-Za-z][^:`]{0,30}):").matcher(line);
            Matcher row = Pattern.compile("^\\| ([^|`]+?) \\|").matcher(line);
            if (named.find() && lineStart + named.start(1) - 1 != span.start() && text.contains("{")) {
                under = expand(named.group(1)).get(0) + (line.contains("keyed by SKU") ? ".<sku>" : "");
            } else if (labelled.find() && !labelled.group(1).equals("Response")) {
                context = labelled.group(1).strip() + ": ";
            } else if (row.find()) {
                context = row.group(1).strip() + ": ";
            }
            List<String> found = new ArrayList<>();
            if (text.contains("{")) {
                Set<String> inSpan = new LinkedHashSet<>();
                new SpanParser(text).paths(inSpan);
                found.addAll(inSpan);
            } else if (isFieldName(text)) {
                found.addAll(expand(text.replaceFirst("^([a-z_][A-Za-z0-9_]*): .*$", "$1")));
            }
            for (String path : found) {
                paths.add(context + (under.isEmpty() ? path : under + "." + path));
            }
        }
        return paths;
    }

    private static boolean isEndpointOrUrl(String text) {
        return METHOD.matcher(text).matches() || text.contains("://") || text.contains("{{");
    }

    /** Whether a brace-less span is a field name (not an endpoint, header, parameter, value or type). */
    private static boolean isFieldName(String text) {
        String name = text.replaceFirst("^([a-z_][A-Za-z0-9_]*): .*$", "$1");
        name = name.endsWith("?") ? name.substring(0, name.length() - 1) : name;
        return !(name.matches("^[A-Za-z_\\-]+=.*") || name.matches("^[A-Za-z\\-]+:\\s.*")
                || name.startsWith("\"") || NUMBER.matcher(name).matches() || name.endsWith(".txt")
                || name.equals(name.toUpperCase(Locale.ROOT)) || IGNORED.containsKey(name)
                || !WORD.matcher(name).matches());
    }

    /** {@code redeem[sku].value/currency} → {@code redeem.<sku>.value}, {@code redeem.<sku>.currency}. */
    private static List<String> expand(String text) {
        String path = text.endsWith("?") ? text.substring(0, text.length() - 1) : text;
        path = path.replace("[sku]", ".<sku>").replace("[<sku>]", ".<sku>");
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return List.of(path);
        }
        int dot = path.lastIndexOf('.', slash);
        String head = dot < 0 ? "" : path.substring(0, dot + 1);
        String last = path.substring(dot + 1);
        return Stream.of(last.split("/")).map(alt -> head + alt).toList();
    }

    /** Reads the keys of a pseudo-JSON span ({@code {a, b?: T, c: {d}, e: [{f}]}}) as paths. */
    private static final class SpanParser {
        private final List<String> tokens = new ArrayList<>();
        private int at;

        SpanParser(String text) {
            Matcher m = Pattern.compile("\"[^\"]*\"|<[^>]*>|" + WORD.pattern() + "|[{}\\[\\],:?|=]").matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        void paths(Set<String> out) {
            while (at < tokens.size()) {
                String token = tokens.get(at);
                if (token.equals("{")) {
                    object("", out);
                } else if (isName(token) && at + 1 < tokens.size()
                        && (tokens.get(at + 1).equals("=") || tokens.get(at + 1).equals("{")
                        || tokens.get(at + 1).equals(":") && at + 2 < tokens.size()
                        && (tokens.get(at + 2).equals("{") || tokens.get(at + 2).equals("[")))) {
                    // a type of the sheet's notation (Money = {...}) holds fields wherever the type is used
                    String prefix = Character.isUpperCase(token.charAt(0)) ? "" : name(token);
                    at += tokens.get(at + 1).equals("{") ? 1 : 2;
                    value(prefix, out);
                } else {
                    at++;
                }
            }
        }

        private void object(String prefix, Set<String> out) {
            at++;   // {
            while (at < tokens.size() && !tokens.get(at).equals("}")) {
                String token = tokens.get(at);
                if (token.equals(",") || token.equals("|") || token.equals("?")) {
                    at++;
                    continue;
                }
                if (!isName(token) && !token.startsWith("<")) {
                    skipValue();
                    continue;
                }
                String key = token.startsWith("<") ? "<" + token.substring(1, token.length() - 1).toLowerCase(Locale.ROOT)
                        .replace("cur", "currency") + ">" : name(token);
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                at++;
                if (at < tokens.size() && tokens.get(at).equals("?")) {
                    at++;
                }
                if (at < tokens.size() && tokens.get(at).equals(":")) {
                    at++;
                    if (at < tokens.size() && (tokens.get(at).equals("{") || tokens.get(at).equals("["))) {
                        value(path, out);
                    } else {
                        skipValue();
                        out.add(path);
                    }
                } else if (at < tokens.size() && tokens.get(at).equals("{")) {
                    value(path, out);
                } else {
                    out.add(path);
                }
            }
            at++;   // }
        }

        private void value(String path, Set<String> out) {
            String token = tokens.get(at);
            if (token.equals("{")) {
                object(path, out);
            } else if (token.equals("[")) {
                at++;
                if (at < tokens.size() && tokens.get(at).equals("{")) {
                    object(path + "[]", out);
                    while (at < tokens.size() && !tokens.get(at).equals("]")) {
                        at++;
                    }
                } else {
                    skipValue();
                    out.add(path + "[]");
                }
                at++;   // ]
            } else {
                skipValue();
                out.add(path);
            }
        }

        /** Skips a value up to the next {@code ,}, <code>}</code> or {@code ]} of this level ({@code a|b} is one value). */
        private void skipValue() {
            int depth = 0;
            while (at < tokens.size()) {
                String token = tokens.get(at);
                if (depth == 0 && (token.equals(",") || token.equals("}") || token.equals("]"))) {
                    return;
                }
                if (token.equals("{") || token.equals("[")) {
                    depth++;
                } else if (token.equals("}") || token.equals("]")) {
                    depth--;
                }
                at++;
            }
        }

        private static boolean isName(String token) {
            return token.startsWith("\"") ? token.length() > 2 : WORD.matcher(token).matches()
                    && Character.isLetter(token.charAt(0));
        }

        private static String name(String token) {
            String name = token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
            return name.endsWith("[]") ? name.substring(0, name.length() - 2) + "[]" : name;
        }
    }

    /** Writes the committed inputs from {@code args[0]} (the {@code shared/providers} directory) into {@code args[1]}. */
    static void write(Path docs, Path resources) throws IOException {
        for (Map.Entry<String, String> file : files(extract(docs)).entrySet()) {
            Path target = resources.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Reads a committed file, for the test. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
