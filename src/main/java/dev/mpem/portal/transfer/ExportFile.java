package dev.mpem.portal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.mpem.portal.shared.Words;

/**
 * Reads an export file as a stream: its header fields, then its rows one at a time, table by table
 * in the order of the file. Nothing but the row at hand is held in memory, however large the file.
 */
final class ExportFile {

    /** What the file says about itself. */
    record Header(Object format, Object schemaVersion) {
    }

    interface Rows {
        /** One row of {@code table}, the {@code index}-th of its table (from 0). */
        void row(Tables.Table table, int index, Map<String, Object> row);

        /** A table name the portal does not have, or a table that is not a list of rows. */
        void badTable(String name, String problem);
    }

    private ExportFile() {
    }

    static Header read(JsonMapper json, Tables tables, Path file, Rows rows) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TransferService.InvalidExportException("file", Words.say("transfer.notObject"));
            }
            Object format = null;
            Object schemaVersion = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "format" -> format = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "schemaVersion" -> schemaVersion = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "data" -> readData(json, tables, parser, value, rows);
                    default -> parser.skipChildren();
                }
            }
            return new Header(format, schemaVersion);
        }
    }

    private static void readData(JsonMapper json, Tables tables, JsonParser parser, JsonToken start, Rows rows) {
        if (start != JsonToken.START_OBJECT) {
            rows.badTable("data", "\"data\" must be an object with a list of rows per table.");
            parser.skipChildren();
            return;
        }
        // One row at a time; the parser goes on to the next, so what follows a row is no "trailing token".
        ObjectReader oneRow = json.readerFor(LinkedHashMap.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken list = parser.nextToken();
            Optional<Tables.Table> table = tables.named(name);
            if (table.isEmpty() || list != JsonToken.START_ARRAY) {
                rows.badTable(name, table.isEmpty() ? "\"" + name + "\" is not a table of the portal."
                        : "\"" + name + "\" must be a list of rows.");
                parser.skipChildren();
                continue;
            }
            int index = 0;
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (next != JsonToken.START_OBJECT) {
                    rows.badTable(name + "[" + index + "]", Words.say("transfer.rowNotObject"));
                    parser.skipChildren();
                    index++;
                    continue;
                }
                Map<String, Object> row = oneRow.readValue(parser);
                rows.row(table.get(), index++, row);
            }
        }
    }
}
