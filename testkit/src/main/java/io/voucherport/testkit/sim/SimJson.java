package io.voucherport.testkit.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for simulators that build JSON answers out of maps. */
public final class SimJson {

    private SimJson() {
    }

    /**
     * {@return an ordered map of alternating keys and values; null values are kept (as JSON null)}
     *
     * @param keysAndValues the keys and values
     */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * {@return a deep copy of a tree of maps and lists without any map entry named {@code key}}
     *
     * @param tree maps, lists and scalars as read from JSON; not changed
     * @param key the entry name to drop at every depth
     */
    public static Object withoutKey(Object tree, String key) {
        if (tree instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!key.equals(k)) {
                    copy.put(String.valueOf(k), withoutKey(v, key));
                }
            });
            return copy;
        }
        if (tree instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(withoutKey(v, key)));
            return copy;
        }
        return tree;
    }
}
