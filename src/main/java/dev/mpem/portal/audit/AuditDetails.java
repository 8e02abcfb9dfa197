package dev.mpem.portal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.mpem.portal.shared.Phrase;
import dev.mpem.portal.shared.Text;
import dev.mpem.portal.shared.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The details of an entry, stored as a message code with JSON arguments and rendered in words when
 * read. An argument is text, a number, a moment ({@code {"instant": …}}, shown in the reader's zone),
 * a nested phrase ({@code {"code": …, "arguments": […]}}) or a list of them (joined with commas).
 */
@Component
class AuditDetails {

    /** Text arguments are cut to this length at first. */
    static final int MAX_TEXT = 1000;

    /** The arguments column's size: an entry's arguments are shortened until they fit. */
    static final int MAX_ARGUMENTS = 8000;

    /** How much of each text and each list is kept, from the first try to the last. */
    private static final int[][] BUDGETS = { { MAX_TEXT, 50 }, { 200, 20 }, { 60, 8 }, { 20, 3 } };

    private final MessageSource messages;
    private final JsonMapper json;
    private final Times times;

    AuditDetails(MessageSource messages, JsonMapper json, Times times) {
        this.messages = messages;
        this.json = json;
        this.times = times;
    }

    /**
     * The arguments as JSON that fits the column: texts and lists are shortened step by step (a
     * list keeps its first items and says how many more there were) until it does.
     */
    String write(List<Object> arguments) {
        String written = null;
        for (int[] budget : BUDGETS) {
            written = json.writeValueAsString(array(arguments, budget[0], budget[1]));
            if (written.length() <= MAX_ARGUMENTS) {
                return written;
            }
        }
        return json.writeValueAsString(array(List.of(Text.abbreviate(written, 200)), 200, 1));
    }

    private ArrayNode array(List<?> values, int text, int items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.stream().limit(items).forEach(value -> array.add(node(value, text, items)));
        if (values.size() > items) {
            array.add(node(Phrase.of("audit.more", values.size() - items), text, items));
        }
        return array;
    }

    private JsonNode node(Object value, int text, int items) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.stringNode("");
        }
        if (value instanceof Phrase phrase) {
            ObjectNode object = nodes.objectNode();
            object.put("code", phrase.code());
            // A phrase's own arguments are all kept; lists among them are shortened like any other.
            ArrayNode arguments = JsonNodeFactory.instance.arrayNode();
            phrase.arguments().forEach(argument -> arguments.add(node(argument, text, items)));
            object.set("arguments", arguments);
            return object;
        }
        if (value instanceof List<?> list) {
            return array(list, text, items);
        }
        if (value instanceof Instant instant) {
            return nodes.objectNode().put("instant", instant.toString());
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof LocalDate date) {
            return nodes.stringNode(date.toString());
        }
        return nodes.stringNode(Text.abbreviate(Text.clean(String.valueOf(value)), text));
    }

    String render(String code, String arguments, Locale locale) {
        JsonNode array = arguments == null ? JsonNodeFactory.instance.arrayNode() : json.readTree(arguments);
        return messages.getMessage(code, values(array, locale), code, locale);
    }

    private Object[] values(JsonNode array, Locale locale) {
        List<Object> values = new ArrayList<>();
        array.forEach(node -> values.add(value(node, locale)));
        return values.toArray();
    }

    private Object value(JsonNode node, Locale locale) {
        if (node.isObject() && node.has("instant")) {
            return times.dateTime(Instant.parse(node.get("instant").asString()));
        }
        if (node.isObject()) {
            return render(node.get("code").asString(), node.get("arguments").toString(), locale);
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(String.valueOf(value(item, locale))));
            return String.join(", ", items);
        }
        if (node.isNumber()) {
            return node.longValue();
        }
        return node.asString();
    }
}
