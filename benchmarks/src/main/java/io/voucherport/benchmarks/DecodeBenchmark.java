package io.voucherport.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.codec.Decoder;
import io.voucherport.adapter.discounts.ShoplazzaPeer;
import io.voucherport.adapter.ez.EzPeer;
import io.voucherport.adapter.promotions.ElasticPathPeer;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Client-side cost without the network: the same answers, already in memory, read and mapped by
 * the adapter's decoder and mapper (alone, and through the adapters' Feign interfaces over an
 * in-memory client), by plain Jackson into records plus the floor's hand mapping
 * into the same domain objects, and by plain Jackson into records alone.
 */
@State(Scope.Benchmark)
public class DecodeBenchmark {

    /** The adapter's decoder and mapper. */
    public static final String ADAPTER = "adapter";
    /** The adapters' Feign interfaces, decoder and mapper over an in-memory client: Feign's own cost included. */
    public static final String ADAPTER_FEIGN = "adapter-via-feign";
    /** Plain Jackson into records, then the floor's hand mapping into domain objects. */
    public static final String JACKSON_MAPPED = "jackson+mapping";
    /** Plain Jackson into records only. */
    public static final String JACKSON_RECORDS = "jackson-records";

    private static final TypeReference<FloorClient.EzEnvelope<List<FloorClient.EzCodesProduct>>> EZ_CODES =
            new TypeReference<>() {
            };
    private static final TypeReference<FloorClient.EzEnvelope<FloorClient.EzOrder>> EZ_ORDER = new TypeReference<>() {
    };

    /** The answer decoded. */
    @Param({"EZ_CODES", "EZ_INSTANT_ORDER", "EP_ALL_CODES", "SHOPLAZZA_CODE"})
    public Scenario scenario;

    /** Who decodes. */
    @Param({ADAPTER, ADAPTER_FEIGN, JACKSON_MAPPED, JACKSON_RECORDS})
    public String approach;

    private final SupplierOrderId order = SupplierOrderId.of(Payloads.EZ_TRANSACTION);
    private byte[] codes;
    private byte[] instant;
    private byte[][] pages;
    private byte[] discountCode;
    private Decoder ezDecoder;
    private Decoder snakeDecoder;
    private ShoplazzaPeer.CodeDecoding shoplazza;
    private ObjectMapper camel;
    private ObjectMapper snake;
    private BenchClient viaFeign;

    /** Renders the answers and builds the decoders once. */
    @Setup
    public void prepare() {
        codes = Payloads.ezCodes();
        instant = Payloads.ezInstantOrder();
        pages = new byte[Payloads.EP_PAGES][];
        for (int p = 0; p < pages.length; p++) {
            pages[p] = Payloads.elasticPathPage((long) p * Payloads.EP_PAGE, Payloads.EP_PAGE,
                    (long) Payloads.EP_PAGES * Payloads.EP_PAGE);
        }
        discountCode = Payloads.shoplazzaCode();
        ezDecoder = Clients.adapterDecoder(Clients.ezJson());
        ObjectMapper snakeJson = Clients.snakeJson();
        snakeDecoder = Clients.adapterDecoder(snakeJson);
        shoplazza = ShoplazzaPeer.codeDecoding(Clients.adapterDecoder(ShoplazzaPeer.json(snakeJson)));
        viaFeign = Clients.canned();
        FloorClient floor = new FloorClient(null);
        camel = floor.camel();
        snake = floor.snake();
    }

    /** Decodes (and maps) the scenario's answer. */
    @Benchmark
    public Object decode() throws IOException {
        return switch (approach) {
            case ADAPTER -> adapter();
            case ADAPTER_FEIGN -> viaFeign.call(scenario);
            case JACKSON_MAPPED -> jackson(true);
            case JACKSON_RECORDS -> jackson(false);
            default -> throw new IllegalStateException(approach);
        };
    }

    private Object adapter() throws IOException {
        return switch (scenario) {
            case EZ_CODES -> EzPeer.decodeCodes(ezDecoder, order, CannedClient.ok(codes));
            case EZ_INSTANT_ORDER -> EzPeer.decodeOrder(ezDecoder, CannedClient.ok(instant));
            case EP_ALL_CODES -> {
                List<PromotionCode> all = new ArrayList<>();
                for (byte[] page : pages) {
                    all.addAll(ElasticPathPeer.decodePage(snakeDecoder, CannedClient.ok(page)));
                }
                yield all;
            }
            case SHOPLAZZA_CODE -> shoplazza.decode(CannedClient.ok(discountCode));
        };
    }

    private Object jackson(boolean map) throws IOException {
        return switch (scenario) {
            case EZ_CODES -> {
                FloorClient.EzEnvelope<List<FloorClient.EzCodesProduct>> read = camel.readValue(codes, EZ_CODES);
                yield map ? FloorClient.mapCodes(order, read) : read;
            }
            case EZ_INSTANT_ORDER -> {
                FloorClient.EzEnvelope<FloorClient.EzOrder> read = camel.readValue(instant, EZ_ORDER);
                yield map ? FloorClient.mapOrder(read.data()) : read;
            }
            case EP_ALL_CODES -> {
                List<Object> all = new ArrayList<>();
                for (byte[] page : pages) {
                    FloorClient.EpPage read = snake.readValue(page, FloorClient.EpPage.class);
                    if (map) {
                        all.addAll(FloorClient.mapPage(read));
                    } else {
                        all.add(read);
                    }
                }
                yield all;
            }
            case SHOPLAZZA_CODE -> {
                FloorClient.SlEnvelope read = snake.readValue(discountCode, FloorClient.SlEnvelope.class);
                yield map ? FloorClient.mapDiscountCode(read) : read;
            }
        };
    }
}
