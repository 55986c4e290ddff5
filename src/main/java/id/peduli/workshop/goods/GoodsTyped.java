package id.peduli.workshop.goods;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was typed into a refused goods form, to show the page again as typed: the form's name and every field as sent
 * (repeated fields, such as the lines of a sale, in order). {@link #NONE} when no form was refused.
 */
public final class GoodsTyped {

    public static final GoodsTyped NONE = new GoodsTyped(null, Map.of());

    private final String form;
    private final Map<String, List<String>> values;

    private GoodsTyped(String form, Map<String, List<String>> values) {
        this.form = form;
        this.values = values;
    }

    /** The fields of the request as sent, for the form named {@code form}. */
    static GoodsTyped of(String form, HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, sent) -> values.put(name, Arrays.asList(sent)));
        return new GoodsTyped(form, values);
    }

    /** True when the form named {@code name} (for one of many, such as a work order's, its name with the id) was refused. */
    public boolean is(String name) {
        return name.equals(form);
    }

    /** What was typed in {@code field} of the form {@code name} if it was refused; {@code shown} otherwise. */
    public String value(String name, String field, String shown) {
        if (!is(name)) {
            return shown;
        }
        List<String> sent = values.get(field);
        return sent == null || sent.isEmpty() ? "" : sent.get(0);
    }

    /** The {@code index}th value of a repeated field of the refused form {@code name}; {@code shown} otherwise. */
    public String at(String name, String field, int index, String shown) {
        if (!is(name)) {
            return shown;
        }
        List<String> sent = values.get(field);
        return sent == null || index >= sent.size() ? "" : sent.get(index);
    }

    /** How many values of a repeated field the refused form {@code name} sent (0 when another form was refused). */
    public int count(String name, String field) {
        if (!is(name)) {
            return 0;
        }
        List<String> sent = values.get(field);
        return sent == null ? 0 : sent.size();
    }

    /** True when the refused form {@code name} sent {@code field} with {@code value} (a ticked box, a chosen option). */
    public boolean chosen(String name, String field, String value) {
        return is(name) && values.getOrDefault(field, List.of()).contains(value);
    }
}
