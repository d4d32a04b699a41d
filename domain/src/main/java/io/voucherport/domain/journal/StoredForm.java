package io.voucherport.domain.journal;

import io.vavr.control.Option;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stable, versioned text form in which journals store an {@link OrderRequest} and each
 * {@link PurchaseEvent}: one line, {@code kind/v1|field|field…}, fields escaped so that any text
 * round-trips exactly. A later version adds a new tag; every version once written stays readable.
 * Stored forms hold no secrets (requests and events carry none).
 */
public final class StoredForm {

    private static final String REQUEST = "request/v1";
    private static final String VERSION = "/v1";

    private StoredForm() {
    }

    /**
     * {@return the stored form of {@code request}: {@code request/v1|reference|currency|sku,quantity,amount,currency;…}}
     *
     * @param request the request to store, not null
     */
    public static String of(OrderRequest request) {
        StringBuilder lines = new StringBuilder();
        for (OrderLine line : request.lines()) {
            if (lines.length() > 0) {
                lines.append(';');
            }
            lines.append(fields(',', line.sku().value(), Integer.toString(line.quantity()),
                    line.faceValue().map(m -> m.amount().toPlainString()).getOrElse(""),
                    line.faceValue().map(m -> m.currency().code()).getOrElse("")));
        }
        return REQUEST + "|" + fields('|', request.reference().value(),
                request.settlementCurrency().map(CurrencyCode::code).getOrElse("")) + "|" + lines;
    }

    /**
     * {@return the request stored as {@code form}; throws {@link IllegalArgumentException} for a form it cannot read}
     *
     * @param form a stored request form, as {@link #of(OrderRequest)} wrote it (this or an earlier
     *     version)
     */
    public static OrderRequest request(String form) {
        List<String> fields = split(form, '|', 4);
        expect(fields.get(0), REQUEST, form);
        List<OrderLine> lines = new ArrayList<>();
        for (String line : split(fields.get(3), ';', -1)) {
            List<String> parts = split(line, ',', 4).stream().map(StoredForm::unescape).toList();
            Option<Money> face = parts.get(2).isEmpty() ? Option.none()
                    : Option.some(Money.of(new BigDecimal(parts.get(2)), CurrencyCode.of(parts.get(3))));
            lines.add(new OrderLine(Sku.of(parts.get(0)), Integer.parseInt(parts.get(1)), face));
        }
        String currency = unescape(fields.get(2));
        return new OrderRequest(OrderReference.of(unescape(fields.get(1))), lines,
                currency.isEmpty() ? Option.none() : Option.some(CurrencyCode.of(currency)));
    }

    /**
     * {@return the stored form of {@code event}: {@code Kind/v1|field|…|instant}}
     *
     * @param event the event to store, not null
     */
    public static String of(PurchaseEvent event) {
        String kind = event.getClass().getSimpleName() + VERSION;
        String at = event.at().toString();
        if (event instanceof PurchaseEvent.Sent e) {
            return fields('|', kind, e.supplier(), at);
        } else if (event instanceof PurchaseEvent.Accepted e) {
            return fields('|', kind, e.supplier(), e.orderId().value(), at);
        } else if (event instanceof PurchaseEvent.Refused e) {
            return fields('|', kind, e.supplier(), e.failure(), Boolean.toString(e.provablyNotApplied()),
                    Boolean.toString(e.isTransient()), e.reason(), at);
        } else if (event instanceof PurchaseEvent.OutcomeUnknown e) {
            return fields('|', kind, e.supplier(), e.reason(), at);
        } else if (event instanceof PurchaseEvent.LookedUp e) {
            return fields('|', kind, e.supplier(), e.found().map(SupplierOrderId::value).getOrElse(""), at);
        } else if (event instanceof PurchaseEvent.AbsenceProven e) {
            return fields('|', kind, e.supplier(), Integer.toString(e.lookups()), at);
        } else if (event instanceof PurchaseEvent.Rerouted e) {
            return fields('|', kind, e.supplier(), of(e.request()), at);
        } else if (event instanceof PurchaseEvent.Delivered e) {
            return fields('|', kind, e.orderId().value(), Integer.toString(e.codes()), at);
        } else if (event instanceof PurchaseEvent.PartiallyDelivered e) {
            return fields('|', kind, e.orderId().value(), Integer.toString(e.codes()), Integer.toString(e.missing()), at);
        }
        PurchaseEvent.Failed e = (PurchaseEvent.Failed) event;
        return fields('|', kind, e.reason(), Boolean.toString(e.mayHaveBought()), at);
    }

    /**
     * {@return the event stored as {@code form}; throws {@link IllegalArgumentException} for a form it cannot read}
     *
     * @param form a stored event form, as {@link #of(PurchaseEvent)} wrote it (this or an earlier
     *     version)
     */
    public static PurchaseEvent event(String form) {
        List<String> f = split(form, '|', -1).stream().map(StoredForm::unescape).toList();
        String kind = f.get(0);
        if (!kind.endsWith(VERSION)) {
            throw new IllegalArgumentException("unknown stored event version: " + kind);
        }
        Instant at = Instant.parse(f.get(f.size() - 1));
        switch (kind.substring(0, kind.length() - VERSION.length())) {
            case "Sent":
                return new PurchaseEvent.Sent(f.get(1), at);
            case "Accepted":
                return new PurchaseEvent.Accepted(f.get(1), SupplierOrderId.of(f.get(2)), at);
            case "Refused":
                return new PurchaseEvent.Refused(f.get(1), f.get(2), Boolean.parseBoolean(f.get(3)),
                        Boolean.parseBoolean(f.get(4)), f.get(5), at);
            case "OutcomeUnknown":
                return new PurchaseEvent.OutcomeUnknown(f.get(1), f.get(2), at);
            case "LookedUp":
                return new PurchaseEvent.LookedUp(f.get(1),
                        f.get(2).isEmpty() ? Option.none() : Option.some(SupplierOrderId.of(f.get(2))), at);
            case "AbsenceProven":
                return new PurchaseEvent.AbsenceProven(f.get(1), Integer.parseInt(f.get(2)), at);
            case "Rerouted":
                return new PurchaseEvent.Rerouted(f.get(1), request(f.get(2)), at);
            case "Delivered":
                return new PurchaseEvent.Delivered(SupplierOrderId.of(f.get(1)), Integer.parseInt(f.get(2)), at);
            case "PartiallyDelivered":
                return new PurchaseEvent.PartiallyDelivered(SupplierOrderId.of(f.get(1)), Integer.parseInt(f.get(2)),
                        Integer.parseInt(f.get(3)), at);
            case "Failed":
                return new PurchaseEvent.Failed(f.get(1), Boolean.parseBoolean(f.get(2)), at);
            default:
                throw new IllegalArgumentException("unknown stored event kind: " + kind);
        }
    }

    /**
     * {@return the short kind of {@code event} ({@code Sent}, {@code Accepted}, …), for an index column}
     *
     * @param event the event to name, not null
     */
    public static String kind(PurchaseEvent event) {
        return event.getClass().getSimpleName();
    }

    private static void expect(String tag, String expected, String form) {
        if (!tag.equals(expected)) {
            throw new IllegalArgumentException("unknown stored form " + tag + " (expected " + expected + ")");
        }
    }

    /** {@code values}, each escaped, joined by {@code separator}. */
    private static String fields(char separator, String... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            escape(values[i], out);
        }
        return out.toString();
    }

    /** Escapes the separators, {@code %} and control characters as {@code %xx}: the text then holds no separator. */
    private static void escape(String field, StringBuilder out) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%' || c == '|' || c == ';' || c == ',' || c < 0x20 || c == 0x7f) {
                out.append('%').append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '%') {
                if (i + 2 >= field.length()) {
                    throw new IllegalArgumentException("a stored form ends inside an escape");
                }
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code form} split at {@code separator}, fields still escaped. */
    private static List<String> split(String form, char separator, int expected) {
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= form.length(); i++) {
            if (i == form.length() || form.charAt(i) == separator) {
                fields.add(form.substring(from, i));
                from = i + 1;
            }
        }
        if (expected >= 0 && fields.size() != expected) {
            throw new IllegalArgumentException("a stored form has " + fields.size() + " fields, not " + expected);
        }
        return fields;
    }
}
