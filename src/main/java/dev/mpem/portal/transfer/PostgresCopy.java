package dev.mpem.portal.transfer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows of one table streamed into PostgreSQL with {@code COPY ... FROM STDIN} as CSV, while the file
 * is still being read: the database takes them in on its own core as they come, without a statement
 * per row or per batch. PostgreSQL only; other databases get statements ({@link #possible}).
 */
final class PostgresCopy {

    private static final int BUFFERED = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(BUFFERED + 4096);

    private PostgresCopy(CopyIn copy) {
        this.copy = copy;
    }

    /** Whether the connection is PostgreSQL's, which takes COPY. */
    static boolean possible(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    static PostgresCopy into(Connection connection, String table, List<Tables.Column> columns) throws SQLException {
        String names = columns.stream().map(Tables.Column::name).collect(Collectors.joining(", "));
        return new PostgresCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + names + ") FROM STDIN (FORMAT csv)"));
    }

    /** One row, its values as {@link TransferService#convert} gives them, in the order of the columns. */
    void add(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            append(values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= BUFFERED) {
            send();
        }
    }

    /** Sends what is left and ends the COPY; the database then checks the rows' references. */
    void finish() throws SQLException {
        send();
        copy.endCopy();
    }

    /** Gives up the COPY (after a failure), so that the connection can be rolled back. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        catch (SQLException e) {
            // The transaction is rolled back whole anyway.
        }
    }

    private void append(Object value) {
        if (value == null) {
            return; // an unquoted empty field is NULL; an empty text is quoted
        }
        if (value instanceof String text) {
            buffer.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }
        else if (value instanceof Timestamp time) {
            buffer.append(time.toInstant());
        }
        else {
            buffer.append(value); // numbers, true/false, dates as yyyy-mm-dd
        }
    }

    private void send() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
