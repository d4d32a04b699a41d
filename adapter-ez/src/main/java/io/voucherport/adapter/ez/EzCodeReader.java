package io.voucherport.adapter.ez;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.voucherport.adapter.support.JsonSupport;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads one code of a Get Codes answer straight from the parser into {@link EzDto.Code}: the four
 * fields a code is judged by, each with the shape it was sent in, and nothing else kept. It reads
 * what a tree of the code would read, with the same bounds: every other field's strings and
 * fractions are read (and refused past {@link JsonSupport}'s bounds) and nested values are read as
 * bounded trees, so an answer this refuses is one the tree would refuse; a duplicated field counts
 * by its last value, as in a tree. A code that is no object is {@link EzDto.Code#NOT_AN_OBJECT}.
 */
final class EzCodeReader extends StdDeserializer<EzDto.Code> {

    private static final long serialVersionUID = 1L;

    /** Jackson's constructor. */
    EzCodeReader() {
        super(EzDto.Code.class);
    }

    @Override
    public EzDto.Code deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String name;
        if (p.hasToken(JsonToken.START_OBJECT)) {
            name = p.nextFieldName();
        } else if (p.hasToken(JsonToken.FIELD_NAME)) {
            name = p.currentName();
        } else {
            ctxt.readTree(p);   // consumed and bounded as before, then judged unreadable
            return EzDto.Code.NOT_AN_OBJECT;
        }
        EzDto.Field stockId = EzDto.Field.EMPTY;
        EzDto.Field status = EzDto.Field.EMPTY;
        EzDto.Field redeemCode = EzDto.Field.EMPTY;
        EzDto.Field pinCode = EzDto.Field.EMPTY;
        for (; name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "stockId" -> stockId = field(p, value, ctxt);
                case "status" -> status = field(p, value, ctxt);
                case "redeemCode" -> redeemCode = field(p, value, ctxt);
                case "pinCode" -> pinCode = field(p, value, ctxt);
                default -> other(p, value, ctxt);
            }
        }
        return new EzDto.Code(true, stockId, status, redeemCode, pinCode);
    }

    /** A judged field's value and its shape. */
    private static EzDto.Field field(JsonParser p, JsonToken value, DeserializationContext ctxt) throws IOException {
        return switch (value) {
            case VALUE_NULL -> EzDto.Field.EMPTY;
            case VALUE_STRING -> new EzDto.Field(EzDto.Shape.TEXT, p.getText());
            case VALUE_NUMBER_INT -> new EzDto.Field(EzDto.Shape.WHOLE, whole(p));
            case VALUE_NUMBER_FLOAT -> new EzDto.Field(EzDto.Shape.FRACTION, fraction(p).toPlainString());
            case START_OBJECT, START_ARRAY -> {
                ctxt.readTree(p);
                yield EzDto.Field.OTHER;
            }
            default -> EzDto.Field.OTHER;
        };
    }

    /** Any other field: read as a tree would read it (so refused where a tree would refuse it), then dropped. */
    private static void other(JsonParser p, JsonToken value, DeserializationContext ctxt) throws IOException {
        switch (value) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_FLOAT -> fraction(p);
            case START_OBJECT, START_ARRAY -> ctxt.readTree(p);
            default -> {
                // numbers, booleans and null a tree reads without a bound of its own
            }
        }
    }

    /** A whole number as text, as a tree's {@code bigIntegerValue()} prints it. */
    private static String whole(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> Integer.toString(p.getIntValue());
            case LONG -> Long.toString(p.getLongValue());
            default -> p.getBigIntegerValue().toString();
        };
    }

    /** A fraction as a tree holds it: trailing zeros stripped, then within {@link JsonSupport#bounded}. */
    private static BigDecimal fraction(JsonParser p) throws IOException {
        BigDecimal read = p.getDecimalValue();
        try {
            read = read.stripTrailingZeros();
        } catch (ArithmeticException beyondScale) {
            // kept as read, as Jackson's tree does
        }
        return JsonSupport.bounded(read);
    }
}
