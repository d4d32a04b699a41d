package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Hostile review of issue 16 for GiftHub: a retrieved order's raw fields ({@link GiftHubOrder#raw()},
 * its {@code toString}) never show a code, PIN, serial or redeem link, whatever name or place it
 * arrives under. The order follows GiftHub's Retrieve Order page ({@code seed-docs/gifthub-retrieve-order.txt},
 * {@code providers/gifthub.md}: cards, redeemInstructions) with hostile variants.
 */
class GiftHubRawAttackTest {

    private static final ObjectMapper JSON = JsonSupport.newObjectMapper();

    private static GiftHubOrder full(String order) throws IOException {
        return GiftHubMapper.INSTANCE.full(GiftHubMapper.Retrieved.of(SupplierOrderId.of("IW63OjZJW9eI21KJ1ohy"),
                JSON.readTree(order), GiftHubMapper.MASKING));
    }

    @Test
    void aCardUnderOtherFieldNamesIsNeverShownByRaw() throws IOException {
        GiftHubOrder order = full("""
                {"id": "IW63OjZJW9eI21KJ1ohy", "state": "successful", "reference": "Test Referance",
                 "products": {"gc035-208-1000": {"request": {"quantity": 1}}},
                 "redeem": {"gc035-208-1000": {"currency": "DKK", "value": 1000,
                   "cards": [{"cardCode": "SECRET-CARD-AAAA", "pin": "SECRET-PIN-BBBB", "serialNumber": "SECRET-SN-CCCC",
                              "code": "SECRET-CODE-DDDD", "redeemCode": "SECRET-RC-EEEE"}],
                   "codes": ["SECRET-BARE-FFFF"]}}}""");

        String shown = order.raw().json() + order;
        assertThat(shown).doesNotContain("SECRET-CARD-AAAA", "SECRET-PIN-BBBB", "SECRET-SN-CCCC", "SECRET-CODE-DDDD",
                "SECRET-RC-EEEE", "SECRET-BARE-FFFF");
    }

    /** A redeem link inside redeem instructions (text or HTML), not at the start of a value. */
    @Test
    void aRedeemLinkInsideInstructionTextIsNeverShownByRaw() throws IOException {
        GiftHubOrder order = full("""
                {"id": "IW63OjZJW9eI21KJ1ohy", "state": "successful", "reference": "Test Referance",
                 "products": {"gc035-208-1000": {"request": {"quantity": 1}}},
                 "redeem": {"gc035-208-1000": {"redeemPin": ["MV97-QWEK-4EQ5-0082-GRW3"], "currency": "DKK",
                   "redeemLink": "https://www.mocked.link/", "value": 1000,
                   "redeemInstructions": {"tnc": "See terms",
                     "redeem": "Open https://redeem.example/claim/SECRET-LINK-1111 and enter the PIN",
                     "redeemHtml": "<a href=\\"https://redeem.example/claim/SECRET-LINK-2222\\">Redeem</a>",
                     "languageCode": "en"}}}}""");

        String shown = order.raw().json() + order;
        assertThat(shown).doesNotContain("MV97-QWEK-4EQ5-0082-GRW3", "SECRET-LINK-1111", "SECRET-LINK-2222");
    }
}
