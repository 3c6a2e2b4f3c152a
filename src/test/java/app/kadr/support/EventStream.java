package app.kadr.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A page's live event stream ({@code /projects/{id}/events}) as a browser's EventSource reads it: it keeps every
 * named event that arrives, with its data, until closed.
 */
public final class EventStream implements AutoCloseable {

    /** One Server-Sent Event: its name and its data (JSON). */
    public record Event(String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean open;

    private EventStream(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            open = answer.statusCode() == 200;
            read(answer.body());
        });
    }

    /** Opens a project's stream at {@code baseUrl} as the person with the given API token. */
    public static EventStream open(String baseUrl, String projectId, String token) {
        return new EventStream(baseUrl + "/projects/" + projectId + "/events", token);
    }

    private void read(Stream<String> lines) {
        String[] name = {null};
        lines.forEach(line -> {
            if (line.startsWith("event:")) {
                name[0] = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:") && name[0] != null) {
                events.add(new Event(name[0], line.substring("data:".length()).trim()));
                name[0] = null;
            }
        });
    }

    /** Whether the server answered 200 and the stream is being read. */
    public boolean isOpen() {
        return open;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
