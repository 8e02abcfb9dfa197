package dev.mpem.portal.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent event stream read as a browser's EventSource reads it: named events with their data. */
public final class EventStream implements AutoCloseable {

    public record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    EventStream(HttpClient http, URI uri) {
        response = http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            String[] name = { "message" };
            StringBuilder data = new StringBuilder();
            answer.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name[0], data.toString()));
                    }
                    name[0] = "message";
                    data.setLength(0);
                }
                else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            });
        });
    }

    /** The next event called {@code name} within {@code within} (events of other names before it are skipped). */
    public Event next(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("No '" + name + "' event within " + within.toMillis() + " ms");
    }

    /** The status the stream was answered with (0 until the answer came). */
    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answer -> answer.body().close());
    }
}
